package org.limber.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One of the Limber services, run from its packaged jar with the environment it has in a container. */
final class ServiceProcess {

    /**
     * A service the launcher runs: its short name (database and {@code <NAME>_PORT}), its Maven
     * module, its port, whether it has a database, and any variables of its own.
     */
    record Service(String name, String module, int port, boolean database, Map<String, String> extraEnvironment) {

        Service(String name, int port, boolean database, Map<String, String> extraEnvironment) {
            this(name, name + "-service", port, database, extraEnvironment);
        }
    }

    private ServiceProcess() {}

    /** The services, in start order. Add a service here (and its port in {@link Ports}). */
    static List<Service> services(Ports ports) {
        return List.of(
                new Service("catalog", ports.catalog(), true, Map.of()),
                new Service("routine", ports.routine(), true, Map.of("INTAKE_MAX_BACKDATE", "91d")),
                new Service("progress", ports.progress(), true, Map.of()),
                // The care console: no database and no privileges of its own; it signs users in with
                // Keycloak and calls the three services with their tokens.
                new Service(
                        "console",
                        "care-console",
                        ports.console(),
                        false,
                        Map.of(
                                "CATALOG_URL", "http://localhost:" + ports.catalog(),
                                "ROUTINE_URL", "http://localhost:" + ports.routine(),
                                "PROGRESS_URL", "http://localhost:" + ports.progress())));
    }

    static Service named(Ports ports, String name) {
        return services(ports).stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** The environment of a service: the same variables as in docker-compose.yml, pointing at the local servers. */
    static Map<String, String> environment(Service service, Ports ports) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(service.name().toUpperCase() + "_PORT", String.valueOf(service.port()));
        if (service.database()) {
            env.put("DB_URL", PostgresProcess.jdbcUrl(ports, service.name()));
            env.put("DB_USER", service.name());
            env.put("DB_PASSWORD", service.name());
            // Loopback only: the development passwords are allowed here and nowhere else.
            env.put("ALLOW_DEV_CREDENTIALS", "true");
            env.put("SWAGGER_UI", "true");
            // The three back-end services (the console has no broker, no CORS and plain logs).
            env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ports.kafka());
            env.put("WEB_ORIGINS", "http://localhost:3000");
            env.put("LOG_JSON", "false");
        }
        env.put("OIDC_URL", KeycloakProcess.url(ports) + "/realms/limber");
        env.put("HTTP_HOST", "127.0.0.1");
        env.putAll(service.extraEnvironment());
        return env;
    }

    static String readinessUrl(Service service) {
        return "http://localhost:" + service.port() + "/q/health/ready";
    }

    static ManagedProcess start(Service service, Path root, Path local, Ports ports) {
        Path app = root.resolve(service.module() + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: build with ./run (or ./mvnw -B package -DskipTests)");
        }
        return ManagedProcess.start(
                service.module(),
                List.of(Launcher.java(), "-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-jar", app.toString()),
                environment(service, ports),
                root,
                local.resolve("logs/" + service.module() + ".log"));
    }
}
