package org.limber.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** The class-data sharing archive Quarkus writes beside quarkus-run.jar when packaging with AppCDS. */
    static final String CDS_ARCHIVE = "app-cds.jsa";

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
        List<String> command = new ArrayList<>();
        command.add(Launcher.java());
        command.addAll(javaOptions(root, System.getenv("LIMBER_JAVA_OPTS")));
        if (Files.isRegularFile(app.resolveSibling(CDS_ARCHIVE))) {
            // The class-data sharing archive of a build with quarkus.package.jar.appcds.enabled: classes mapped
            // instead of loaded. A JDK other than the build's ignores it (with a warning) and starts as usual.
            command.add("-XX:SharedArchiveFile=" + CDS_ARCHIVE);
        }
        // From the jar's directory: the archive names the class path relative to it.
        command.addAll(List.of("-jar", app.getFileName().toString()));
        return ManagedProcess.start(
                service.module(),
                command,
                environment(service, ports),
                app.getParent(),
                local.resolve("logs/" + service.module() + ".log"));
    }

    /**
     * The services' JVM options: {@code LIMBER_JAVA_OPTS} from the environment when it is set (even
     * empty, for the JVM's defaults), else the line of {@code ops/java-opts.env}, the file
     * docker-compose.yml gives the images, so that {@code ./run} and the containers run alike.
     */
    static List<String> javaOptions(Path root, String fromEnvironment) {
        String options = fromEnvironment;
        if (options == null) {
            Path file = root.resolve("ops/java-opts.env");
            try {
                options = Files.readAllLines(file).stream()
                        .filter(line -> line.startsWith("LIMBER_JAVA_OPTS="))
                        .map(line -> line.substring("LIMBER_JAVA_OPTS=".length()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(file + " has no LIMBER_JAVA_OPTS= line"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }
        return options.isBlank() ? List.of() : Arrays.asList(options.trim().split("\\s+"));
    }

    /**
     * What the launcher prints when a service is ready: how long after its process started, and its
     * resident memory (VmRSS of /proc/PID/status; left out where there is no /proc).
     */
    static String readiness(ManagedProcess process) {
        String started = ProcessHandle.of(process.pid())
                .flatMap(handle -> handle.info().startInstant())
                .map(start -> String.format(
                        "started in %.1f s",
                        Duration.between(start, Instant.now()).toMillis() / 1000.0))
                .orElse("started");
        long rssKb = residentKb(process.pid());
        return rssKb < 0 ? started : started + String.format(", %d MB resident", rssKb / 1024);
    }

    /** VmRSS of a process in kB, or -1 where it cannot be read. */
    static long residentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc (not Linux) or the process has gone
        }
        return -1;
    }
}
