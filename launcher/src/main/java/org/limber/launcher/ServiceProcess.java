package org.limber.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

    /** The JDK's ahead-of-time cache ops/aot-cache.sh writes beside quarkus-run.jar with a JDK 25 or newer. */
    static final String AOT_CACHE = "app.aot";

    static final String OPTIONS = "LIMBER_JAVA_OPTS";
    static final String JAVA25_OPTIONS = "LIMBER_JAVA25_OPTS";

    private ServiceProcess() {}

    /** The services, in start order. Add a service here (and its port in {@link Ports}). */
    static List<Service> services(Ports ports) {
        return List.of(
                new Service("catalog", ports.catalog(), true, Map.of()),
                // The directory of people reads the clinicians from Keycloak, and an erasure deletes the member's
                // account (the development realm's limber-directory and limber-provisioning clients and secrets,
                // routine-service's defaults; the development pseudonym key, service-common's default).
                new Service(
                        "routine",
                        ports.routine(),
                        true,
                        Map.of(
                                "INTAKE_MAX_BACKDATE",
                                "91d",
                                "KEYCLOAK_URL",
                                KeycloakProcess.url(ports),
                                // The member's data export reads the other two services' parts.
                                "PROGRESS_URL",
                                "http://localhost:" + ports.progress(),
                                "ENGAGEMENT_URL",
                                "http://localhost:" + ports.engagement())),
                new Service("progress", ports.progress(), true, Map.of()),
                // Reminders, messages and escalations: e-mail to the launcher's SMTP server (GreenMail), the
                // development VAPID key pair, and the demo realm's triage clinician and admin to escalate to.
                new Service("engagement", ports.engagement(), true, MailServer.engagementEnvironment(ports)),
                // The care console: no database and no privileges of its own; it signs users in with
                // Keycloak and calls the three services with their tokens.
                new Service(
                        "console",
                        "care-console",
                        ports.console(),
                        false,
                        Map.of(
                                "CATALOG_URL",
                                "http://localhost:" + ports.catalog(),
                                "ROUTINE_URL",
                                "http://localhost:" + ports.routine(),
                                "PROGRESS_URL",
                                "http://localhost:" + ports.progress(),
                                "ENGAGEMENT_URL",
                                "http://localhost:" + ports.engagement(),
                                // Loopback, no TLS: plain-HTTP cookies and redirects, the demo realm's secret.
                                "CONSOLE_HTTPS",
                                "false",
                                "CONSOLE_CSRF_COOKIE",
                                "csrf-token",
                                "ALLOW_DEV_CREDENTIALS",
                                "true")),
                // The member app: static files and the addresses the member's browser calls (the services with
                // the member's own token, and Keycloak); no database, no broker.
                new Service(
                        "member-app",
                        "member-app",
                        ports.memberApp(),
                        false,
                        Map.of(
                                "CATALOG_URL", "http://localhost:" + ports.catalog(),
                                "ROUTINE_URL", "http://localhost:" + ports.routine(),
                                "PROGRESS_URL", "http://localhost:" + ports.progress(),
                                "ENGAGEMENT_URL", "http://localhost:" + ports.engagement())));
    }

    static Service named(Ports ports, String name) {
        return services(ports).stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** The variable a service reads its port from: {@code MEMBER_APP_PORT} for {@code member-app}. */
    static String portVariable(Service service) {
        return service.name().toUpperCase().replace('-', '_') + "_PORT";
    }

    /** The environment of a service: the same variables as in docker-compose.yml, pointing at the local servers. */
    static Map<String, String> environment(Service service, Ports ports) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(portVariable(service), String.valueOf(service.port()));
        if (service.database()) {
            env.put("DB_URL", PostgresProcess.jdbcUrl(ports, service.name()));
            env.put("DB_USER", service.name());
            env.put("DB_PASSWORD", service.name());
            // Loopback only: the development passwords are allowed here and nowhere else.
            env.put("ALLOW_DEV_CREDENTIALS", "true");
            env.put("SWAGGER_UI", "true");
            // The three back-end services (the console has no broker, no CORS and plain logs). The member app's
            // pages call them from the browser: its origin is the one CORS lets in.
            env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ports.kafka());
            env.put("WEB_ORIGINS", appOrigins(ports));
            env.put("LOG_JSON", "false");
        }
        env.put("OIDC_URL", KeycloakProcess.url(ports) + "/realms/limber");
        env.put("HTTP_HOST", "127.0.0.1");
        env.putAll(service.extraEnvironment());
        return env;
    }

    /** The member app's origins (as the browser names them: localhost or 127.0.0.1), for the services' CORS. */
    static String appOrigins(Ports ports) {
        return "http://localhost:" + ports.memberApp() + ",http://127.0.0.1:" + ports.memberApp();
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
                root,
                command(app.getParent(), root, System.getenv()),
                environment(service, ports),
                app.getParent(),
                local.resolve("logs/" + service.module() + ".log"));
    }

    /**
     * How a service's packaged application ({@code app}: its {@code target/quarkus-app}) is started, from that
     * directory (an archive or cache names the class path relative to it): with the JDK 25 or newer that made
     * its AOT cache ({@code ops/aot-cache.sh} wrote {@code app.aot} and, in {@code app.aot.java}, that JDK's
     * java), the options of both lines of {@code ops/java-opts.env} and {@code -XX:AOTCache}; else with the
     * launcher's own JDK, the first line's options and the class-data sharing archive of a build with
     * {@code quarkus.package.jar.appcds.enabled} if there is one. A JDK other than the one that made an
     * archive or a cache says so and starts without it.
     */
    static List<String> command(Path app, Path root, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        Path aotJava = aotJava(app);
        if (aotJava != null) {
            command.add(aotJava.toString());
            command.addAll(javaOptions(root, OPTIONS, environment.get(OPTIONS)));
            command.addAll(javaOptions(root, JAVA25_OPTIONS, environment.get(JAVA25_OPTIONS)));
            command.add("-XX:AOTCache=" + AOT_CACHE);
        } else {
            command.add(Launcher.java());
            command.addAll(javaOptions(root, OPTIONS, environment.get(OPTIONS)));
            if (Files.isRegularFile(app.resolve(CDS_ARCHIVE))) {
                command.add("-XX:SharedArchiveFile=" + CDS_ARCHIVE);
            }
        }
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        return command;
    }

    /** What the service starts with, for the launcher's line: its AOT cache and the JDK, its AppCDS archive, or nothing. */
    static String startUpAid(Path root, Service service) {
        Path app = root.resolve(service.module() + "/target/quarkus-app");
        Path aotJava = aotJava(app);
        if (aotJava != null) {
            return " (AOT cache, " + aotJava.getParent().getParent().getFileName() + ")";
        }
        return Files.isRegularFile(app.resolve(CDS_ARCHIVE)) ? " (AppCDS)" : "";
    }

    /** The java that made the AOT cache beside the application, or null when there is none (or that JDK has gone). */
    static Path aotJava(Path app) {
        Path made = app.resolve(AOT_CACHE + ".java");
        if (!Files.isRegularFile(app.resolve(AOT_CACHE)) || !Files.isRegularFile(made)) {
            return null;
        }
        try {
            Path java = Path.of(Files.readString(made).trim());
            return Files.isExecutable(java) ? java : null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + made, e);
        }
    }

    /**
     * The services' JVM options of one line of {@code ops/java-opts.env} ({@code LIMBER_JAVA_OPTS}, or
     * {@code LIMBER_JAVA25_OPTS}: added on a JDK 25 or newer): the environment's value when it is set (even
     * empty, for the JVM's defaults), else the file's, the file docker-compose.yml gives the images, so that
     * {@code ./run} and the containers run alike.
     */
    static List<String> javaOptions(Path root, String name, String fromEnvironment) {
        String options = fromEnvironment;
        if (options == null) {
            Path file = root.resolve("ops/java-opts.env");
            try {
                options = Files.readAllLines(file).stream()
                        .filter(line -> line.startsWith(name + "="))
                        .map(line -> line.substring(name.length() + 1))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(file + " has no " + name + "= line"));
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
    static String readiness(ManagedProcess process, Clock clock) {
        String started = ProcessHandle.of(process.pid())
                .flatMap(handle -> handle.info().startInstant())
                .map(start -> String.format(
                        "started in %.1f s",
                        Duration.between(start, clock.instant()).toMillis() / 1000.0))
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
