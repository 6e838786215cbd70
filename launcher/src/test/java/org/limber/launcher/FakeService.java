package org.limber.launcher;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a packaged service's {@code quarkus-run.jar} (KilledLauncherTest packs this class alone into
 * one): started from its folder, it listens on {@code HTTP_HOST} and the port of the environment variable named
 * in {@code port.variable} beside it, and answers every request with 200 and its process id. JDK classes only,
 * and no nested or anonymous class, so that the jar needs nothing else.
 */
public final class FakeService {

    private FakeService() {}

    public static void main(String[] args) throws Exception {
        String variable = Files.readString(Path.of("port.variable")).trim();
        int port = Integer.parseInt(System.getenv(variable));
        String host = System.getenv().getOrDefault("HTTP_HOST", "127.0.0.1");
        byte[] pid = String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 50);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, pid.length);
            exchange.getResponseBody().write(pid);
            exchange.close();
        });
        server.start();
    }
}
