package org.limber.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The local Keycloak (the distribution unpacked in launcher/target), importing the development realm. */
final class KeycloakProcess {

    static final String REALM_FILE = "ops/keycloak/limber-realm.json";

    private KeycloakProcess() {}

    static String url(Ports ports) {
        return "http://localhost:" + ports.keycloak();
    }

    static String readinessUrl(Ports ports) {
        return url(ports) + "/realms/limber/.well-known/openid-configuration";
    }

    /** Whether Keycloak has been built already (its first start builds it, which takes about a minute). */
    static boolean built(Path root) {
        return Files.isRegularFile(home(root).resolve("lib/quarkus/build-system.properties"));
    }

    static ManagedProcess start(Path root, Path local, Ports ports) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("KC_DB_PASSWORD", "keycloak");
        return start(
                root,
                root.resolve(REALM_FILE),
                env,
                List.of(
                        "--http-host=127.0.0.1",
                        "--http-port=" + ports.keycloak(),
                        "--http-management-port=" + ports.keycloakManagement(),
                        "--hostname=" + url(ports),
                        "--db=postgres",
                        "--db-url=" + PostgresProcess.jdbcUrl(ports, "keycloak"),
                        "--db-username=keycloak"),
                local.resolve("logs/keycloak.log"));
    }

    /**
     * Keycloak (development mode, PostgreSQL) importing {@code realmFile} as the only realm file of
     * its import folder, with {@code options} and {@code environment} (a realm template's
     * {@code ${env.X}} placeholders are filled from it).
     */
    static ManagedProcess start(
            Path root, Path realmFile, Map<String, String> environment, List<String> options, Path log) {
        Path home = home(root);
        Path imports = home.resolve("data/import");
        try {
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve("limber-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev"));
        command.addAll(options);
        command.addAll(List.of("--import-realm", "--health-enabled=true"));
        return ManagedProcess.start("keycloak", root, command, env, home, log);
    }

    static Path home(Path root) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root.resolve("launcher/target"), "keycloak-*")) {
            for (Path dir : dirs) {
                if (Files.isRegularFile(dir.resolve("bin/kc.sh"))) {
                    return dir;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(
                "Keycloak is not unpacked in launcher/target: build with ./run (or ./mvnw -pl launcher -am package)");
    }
}
