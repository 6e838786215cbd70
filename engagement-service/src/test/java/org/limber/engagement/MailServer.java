package org.limber.engagement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server (GreenMail) on a free port for the tests; {@link #greenMail()} reads what arrived. */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail server;

    public static GreenMail greenMail() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        server = new GreenMail(smtp);
        server.start();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(port),
                "limber.push.allow-http-endpoints", "true");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
