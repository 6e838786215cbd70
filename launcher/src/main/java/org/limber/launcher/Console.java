package org.limber.launcher;

import java.io.PrintStream;
import java.nio.file.Path;

/** What the launcher prints: steps, a waiting line (a live counter, or plain lines when headless), and where things are. */
final class Console {

    private final PrintStream out;
    private final boolean headless;
    private long lastPrinted = -1;

    Console(PrintStream out, boolean headless) {
        this.out = out;
        this.headless = headless;
    }

    PrintStream out() {
        return out;
    }

    void step(String message) {
        out.println("==> " + message);
        out.flush();
    }

    void line(String message) {
        out.println(message);
        out.flush();
    }

    /** Shows that {@code name} is still being waited for, {@code waited} seconds so far. */
    void waiting(String name, long waited) {
        if (headless) {
            if (waited / 15 != lastPrinted) {
                lastPrinted = waited / 15;
                if (waited > 0) {
                    out.printf("  ... waiting for %s (%d s)%n", name, waited);
                }
            }
        } else {
            out.printf("\r  ... waiting for %s (%d s)   ", name, waited);
            out.flush();
        }
    }

    void clearLine() {
        if (!headless) {
            out.print("\r" + " ".repeat(60) + "\r");
        }
    }

    void printUrls(Ports ports, String keycloakUrl, Path logs) {
        out.println();
        out.printf(
                "  %-16s %-40s %s%n",
                "member app",
                "http://localhost:" + ports.memberApp(),
                "sign in as maria (her twelve weeks), or create an account");
        for (ServiceProcess.Service service : ServiceProcess.services(ports)) {
            if (!service.database()) {
                continue; // the console, printed below with who may sign in
            }
            String base = "http://localhost:" + service.port();
            out.printf("  %-16s %-40s %s%n", service.name(), base + "/q/swagger-ui", "health " + base + "/q/health");
        }
        out.printf(
                "  %-16s %-40s %s%n",
                "care console",
                "http://localhost:" + ports.console(),
                "sign in as casey, robin (clinicians), ada (admin), eddie (editor)");
        out.printf(
                "  %-16s %-40s %s%n", "Keycloak", keycloakUrl + "/admin", "console user admin / admin; realm limber");
        out.printf(
                "  %-16s %-40s %s%n",
                "metrics", "http://localhost:" + ports.catalog() + "/q/metrics", "(each service: /q/metrics)");
        out.printf(
                "  %-16s %-40s %s%n",
                "PostgreSQL",
                "localhost:" + ports.postgres(),
                "databases catalog, routine, progress, engagement, keycloak; user postgres");
        out.printf(
                "  %-16s %-40s %s%n",
                "mail (GreenMail)",
                "smtp localhost:" + ports.smtp(),
                "sent mail: IMAP localhost:" + ports.imap() + " (user and password = the address), logs/mail.log");
        out.printf("  %-16s %-40s%n", "Kafka", "localhost:" + ports.kafka());
        out.printf("  %-16s %-40s%n", "logs", logs + "/");
        out.println();
        out.println(
                "Demo users (password limber): maria (member), casey and robin (clinicians), eddie (content editor), ada (admin).");
        out.println("Get a token and call an API:");
        out.println();
        out.printf(
                "  TOKEN=$(curl -s -d grant_type=password -d client_id=limber-scripts -d client_secret=limber-scripts-secret \\%n"
                        + "    -d username=maria -d password=limber %s/realms/limber/protocol/openid-connect/token \\%n"
                        + "    | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')%n",
                keycloakUrl);
        out.printf(
                "  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:%d/members/me/progress%n",
                ports.progress());
    }
}
