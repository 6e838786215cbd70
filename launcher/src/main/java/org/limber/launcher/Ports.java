package org.limber.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/** The fixed local ports, each overridable by an environment variable. */
record Ports(
        int postgres,
        int kafka,
        int kafkaController,
        int keycloak,
        int keycloakManagement,
        int catalog,
        int routine,
        int progress,
        int console,
        int memberApp,
        int engagement,
        int smtp,
        int imap) {

    static Ports from(Map<String, String> env) {
        int kafka = port(env, "KAFKA_PORT", 59092);
        int keycloak = port(env, "KEYCLOAK_PORT", 8180);
        return new Ports(
                port(env, "POSTGRES_PORT", 55432),
                kafka,
                kafka + 1,
                keycloak,
                keycloak + 10,
                port(env, "CATALOG_PORT", 8081),
                port(env, "ROUTINE_PORT", 8082),
                port(env, "PROGRESS_PORT", 8083),
                port(env, "CONSOLE_PORT", 8084),
                port(env, "MEMBER_APP_PORT", 8085),
                port(env, "ENGAGEMENT_PORT", 8086),
                port(env, "SMTP_PORT", 3025),
                port(env, "IMAP_PORT", 3143));
    }

    /** Fails with the variable to set when a port is taken, before anything starts. */
    void checkFree() {
        check(postgres, "POSTGRES_PORT");
        check(kafka, "KAFKA_PORT");
        check(kafkaController, "KAFKA_PORT (the controller uses the next port)");
        check(keycloak, "KEYCLOAK_PORT");
        check(keycloakManagement, "KEYCLOAK_PORT (Keycloak's management port is 10 above it)");
        check(catalog, "CATALOG_PORT");
        check(routine, "ROUTINE_PORT");
        check(progress, "PROGRESS_PORT");
        check(console, "CONSOLE_PORT");
        check(memberApp, "MEMBER_APP_PORT");
        check(engagement, "ENGAGEMENT_PORT");
        check(smtp, "SMTP_PORT");
        check(imap, "IMAP_PORT");
    }

    private static void check(int port, String variable) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "port " + port + " is in use; stop what uses it or choose another with " + variable + "=...");
        }
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
