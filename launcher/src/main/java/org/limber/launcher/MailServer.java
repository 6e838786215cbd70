package org.limber.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server on the machine for engagement-service's e-mail (GreenMail, as a library in the launcher's
 * process), on loopback: SMTP on {@code SMTP_PORT} (3025), and what arrived readable over IMAP on
 * {@code IMAP_PORT} (3143; user and password are the recipient's address) and as one line per mail in
 * {@code .local/logs/mail.log}.
 */
final class MailServer implements AutoCloseable {

    /** The development VAPID key pair (base64url, uncompressed P-256): for ./run only, never production. */
    static final String DEV_VAPID_PUBLIC =
            "BF4wQnWV2V5UxGpOYUQIbmeKlzZT-1FibW3x46wrvaYlMBCTDQWSiNv_NrXBCJCypWUSAdSELBzXyrATSqD8g2Q";

    static final String DEV_VAPID_PRIVATE = "A8GlG0hPpgtF-Z5FSDQO65sisV5IVHpO8aPF4ecdg20";

    private final GreenMail server;
    private final Clock clock;
    private final ScheduledExecutorService logger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "limber-mail-log");
        t.setDaemon(true);
        return t;
    });
    private int logged;

    private MailServer(GreenMail server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    static MailServer start(Ports ports, Path log, Clock clock) {
        GreenMail server = new GreenMail(new ServerSetup[] {
            new ServerSetup(ports.smtp(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(ports.imap(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        server.start();
        MailServer mail = new MailServer(server, clock);
        mail.logger.scheduleWithFixedDelay(() -> mail.log(log), 2, 2, TimeUnit.SECONDS);
        return mail;
    }

    /** engagement-service's mail and push settings under ./run. */
    static Map<String, String> engagementEnvironment(Ports ports) {
        return Map.of(
                "SMTP_HOST",
                "127.0.0.1",
                "SMTP_PORT",
                String.valueOf(ports.smtp()),
                "VAPID_PUBLIC_KEY",
                DEV_VAPID_PUBLIC,
                "VAPID_PRIVATE_KEY",
                DEV_VAPID_PRIVATE,
                "ESCALATION_TRIAGE",
                "casey",
                "ESCALATION_ADMINS",
                "ada");
    }

    /** Appends a line for each mail that arrived since the last call. */
    private synchronized void log(Path log) {
        MimeMessage[] received = server.getReceivedMessages();
        StringBuilder lines = new StringBuilder();
        for (; logged < received.length; logged++) {
            try {
                Address[] to = received[logged].getAllRecipients();
                lines.append(clock.instant())
                        .append(" to ")
                        .append(to == null ? "?" : to[0])
                        .append(": ")
                        .append(received[logged].getSubject())
                        .append('\n');
            } catch (MessagingException e) {
                lines.append(clock.instant())
                        .append(" unreadable mail: ")
                        .append(e.getMessage())
                        .append('\n');
            }
        }
        if (lines.length() > 0) {
            try {
                Files.writeString(
                        log, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        logger.shutdownNow();
        server.stop();
    }
}
