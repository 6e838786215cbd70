package org.limber.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.limber.simulator.Simulator;
import org.limber.testsupport.EmbeddedPostgresServer;

/**
 * Runs the whole system on this machine, on loopback only: one embedded PostgreSQL server with a
 * database per service (data kept in {@code .local/postgres}), a Kafka broker in KRaft mode, Keycloak
 * importing {@code ops/keycloak/limber-realm.json}, and the three services, configured by
 * environment variables as in containers. Waits until every one is ready, prints where they are,
 * plays the demo data on a fresh start, and stops everything on Ctrl-C.
 *
 * <p>Options: {@code --fresh} (wipe {@code .local} first), {@code --no-demo}, {@code --demo} (play the
 * demo again), {@code --members=N}, {@code --headless} (plain log lines, no progress bar).
 */
public final class Launcher {

    static final String[] SERVICES = { "catalog", "routine", "progress" };
    private static final String REALM_FILE = "ops/keycloak/limber-realm.json";

    private final Path root;
    private final Path local;
    private final Ports ports;
    private final Options options;
    private final PrintStream out = System.out;
    private final List<Child> children = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private EmbeddedPostgresServer postgres;
    private volatile boolean stopping;

    record Options(boolean fresh, boolean demo, boolean noDemo, int members, boolean headless) {

        static Options parse(String[] args) {
            boolean fresh = false;
            boolean demo = false;
            boolean noDemo = false;
            boolean headless = false;
            int members = 300;
            for (String arg : args) {
                switch (arg) {
                    case "--fresh" -> fresh = true;
                    case "--demo" -> demo = true;
                    case "--no-demo" -> noDemo = true;
                    case "--headless" -> headless = true;
                    default -> {
                        if (arg.startsWith("--members=")) {
                            members = Integer.parseInt(arg.substring("--members=".length()));
                        } else {
                            throw new IllegalArgumentException("unknown option " + arg
                                    + " (options: --fresh, --no-demo, --demo, --members=N, --headless)");
                        }
                    }
                }
            }
            return new Options(fresh, demo, noDemo, members, headless);
        }
    }

    Launcher(Path root, Ports ports, Options options) {
        this.root = root;
        this.local = root.resolve(".local");
        this.ports = ports;
        this.options = options;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(root.resolve(REALM_FILE))) {
            System.err.println("Run from the repository's root (./run), not from " + root);
            System.exit(2);
        }
        Launcher launcher = new Launcher(root, Ports.from(System.getenv()), options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.stop();
            stopped.countDown();
        }, "limber-stop"));
        try {
            launcher.start();
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("Could not start: " + e.getMessage());
            System.exit(1);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void start() {
        Instant started = Instant.now();
        Instant progressStarted = started;
        ports.checkFree();
        killLeftovers();
        if (options.fresh()) {
            step("Wiping " + root.relativize(local) + " (--fresh)");
            deleteTree(local);
        }
        boolean firstRun = !Files.isDirectory(local.resolve("postgres/data"));
        createDirectories(local.resolve("logs"));

        step("Starting PostgreSQL on port " + ports.postgres());
        postgres = EmbeddedPostgresServer.start(local.resolve("postgres"), ports.postgres(), false);
        for (String database : new String[] { "catalog", "routine", "progress", "keycloak" }) {
            createDatabase(database);
        }

        step("Starting Kafka (KRaft) on port " + ports.kafka());
        Child kafka = startKafka();
        step("Starting Keycloak on port " + ports.keycloak() + (Files.isRegularFile(keycloakHome().resolve("lib/quarkus/build-system.properties"))
                ? "" : " (its first start builds it: about a minute)"));
        Child keycloak = startKeycloak();
        await(kafka, "Kafka", Duration.ofSeconds(90), this::kafkaReady);
        // With demo data to play, progress-service starts after it: it then reads the twelve weeks from Kafka
        // at once, and its time-based alert rules first look at them when they are complete.
        boolean demo = !options.noDemo() && (firstRun || options.demo());
        // The services start once Keycloak answers: their readiness includes the OIDC provider.
        await(keycloak, "Keycloak", Duration.ofMinutes(5), () -> httpOk(keycloakUrl() + "/realms/limber/.well-known/openid-configuration"));
        Map<String, Child> services = new LinkedHashMap<>();
        for (String service : SERVICES) {
            if (!(demo && service.equals("progress"))) {
                step("Starting " + service + "-service on port " + port(service));
                services.put(service, startService(service));
            }
        }
        step("Starting care-console on port " + ports.console());
        services.put("console", startConsole());
        awaitServices(services);
        Simulator simulator = null;
        Simulator.Played played = null;
        if (demo) {
            out.println();
            out.println("Playing the demo data: enrolling members and playing their weeks through the APIs...");
            simulator = new Simulator(demoConfig(firstRun), out);
            try {
                played = simulator.play();
            } catch (RuntimeException e) {
                out.println("The demo simulator stopped: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            step("Starting progress-service on port " + port("progress"));
            awaitServices(Map.of("progress", startService("progress")));
            progressStarted = Instant.now();
        }
        out.printf("%nEverything is ready in %d s.%n", Duration.between(started, Instant.now()).toSeconds());
        if (played != null) {
            out.println("progress-service is reading the demo events; 30 s after its start it checks the time-based alert rules...");
            Duration sinceStart = Duration.between(progressStarted, Instant.now());
            if (sinceStart.getSeconds() < 35) {
                sleep(Duration.ofSeconds(35).minus(sinceStart).toMillis());
            }
            Simulator.print(simulator.report(played), out);
        }
        printUrls();
        out.println();
        out.println("Running. Ctrl-C stops everything.");
        out.println("READY"); // the smoke test waits for this line
        out.flush();
    }

    private void awaitServices(Map<String, Child> services) {
        for (Map.Entry<String, Child> service : services.entrySet()) {
            await(service.getValue(), service.getKey().equals("console") ? "care-console" : service.getKey() + "-service", Duration.ofMinutes(3),
                    () -> httpOk("http://localhost:" + port(service.getKey()) + "/q/health/ready"));
        }
    }

    private Simulator.Config demoConfig(boolean firstRun) {
        Simulator.Config config = Simulator.Config.local(ports.routine(), ports.progress(), ports.keycloak())
                .withMembers(options.members()).withPlainOutput(options.headless());
        // A second cohort (--demo on existing data) gets user names of its own.
        return firstRun ? config : config.withUsernamePrefix("demo-" + Instant.now().getEpochSecond() % 100000 + "-");
    }

    private void printUrls() {
        String kc = keycloakUrl();
        out.println();
        out.printf("  %-16s %-40s %s%n", "catalog", "http://localhost:" + ports.catalog() + "/q/swagger-ui", "health http://localhost:" + ports.catalog() + "/q/health");
        out.printf("  %-16s %-40s %s%n", "routine", "http://localhost:" + ports.routine() + "/q/swagger-ui", "health http://localhost:" + ports.routine() + "/q/health");
        out.printf("  %-16s %-40s %s%n", "progress", "http://localhost:" + ports.progress() + "/q/swagger-ui", "health http://localhost:" + ports.progress() + "/q/health");
        out.printf("  %-16s %-40s %s%n", "care console", "http://localhost:" + ports.console(), "sign in as casey, robin (clinicians), ada (admin), eddie (editor)");
        out.printf("  %-16s %-40s %s%n", "Keycloak", kc + "/admin", "console user admin / admin; realm limber");
        out.printf("  %-16s %-40s %s%n", "metrics", "http://localhost:" + ports.catalog() + "/q/metrics", "(each service: /q/metrics)");
        out.printf("  %-16s %-40s %s%n", "PostgreSQL", "localhost:" + ports.postgres(), "databases catalog, routine, progress, keycloak; user postgres");
        out.printf("  %-16s %-40s%n", "Kafka", "localhost:" + ports.kafka());
        out.printf("  %-16s %-40s%n", "logs", root.relativize(local.resolve("logs")) + "/");
        out.println();
        out.println("Demo users (password limber): maria (member), casey and robin (clinicians), eddie (content editor), ada (admin).");
        out.println("Get a token and call an API:");
        out.println();
        out.printf("  TOKEN=$(curl -s -d grant_type=password -d client_id=limber-scripts -d client_secret=limber-scripts-secret \\%n"
                + "    -d username=maria -d password=limber %s/realms/limber/protocol/openid-connect/token \\%n"
                + "    | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')%n", kc);
        out.printf("  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:%d/members/me/progress%n", ports.progress());
    }

    // --- PostgreSQL -------------------------------------------------------------------------

    private void createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
                Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("select 1 from pg_roles where rolname = '" + name + "'").next()) {
                statement.execute("create role \"" + name + "\" login password '" + name + "'");
            }
            if (!statement.executeQuery("select 1 from pg_database where datname = '" + name + "'").next()) {
                statement.execute("create database \"" + name + "\" owner \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + ports.postgres() + "/" + database;
    }

    // --- Kafka --------------------------------------------------------------------------------

    private Child startKafka() {
        Path dir = local.resolve("kafka");
        Path data = dir.resolve("data");
        createDirectories(dir);
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@127.0.0.1:" + ports.kafkaController());
        config.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + ports.kafka() + ",CONTROLLER://127.0.0.1:" + ports.kafkaController());
        config.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + ports.kafka());
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.setProperty("log.dirs", data.toString());
        config.setProperty("num.partitions", "3");
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("offsets.topic.num.partitions", "6");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        config.setProperty("auto.create.topics.enable", "true");
        Path file = dir.resolve("server.properties");
        try (var writer = Files.newBufferedWriter(file)) {
            config.store(writer, "Written by the Limber launcher on every start");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classpath = root.resolve("launcher/target/lib").toString() + "/*";
        if (!Files.isRegularFile(data.resolve("meta.properties"))) {
            Child format = Child.start("kafka-format", List.of(java(), "-cp", classpath, "kafka.tools.StorageTool", "format",
                    "-t", Uuid.randomUuid().toString(), "-c", file.toString()), Map.of(), root, local.resolve("logs/kafka.log"));
            waitFor(format, Duration.ofMinutes(1));
        }
        Child kafka = Child.start("kafka", List.of(java(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", classpath, "kafka.Kafka",
                file.toString()), Map.of(), root, local.resolve("logs/kafka.log"));
        children.add(kafka);
        return kafka;
    }

    private boolean kafkaReady() {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + ports.kafka(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    // --- Keycloak -----------------------------------------------------------------------------

    private Path keycloakHome() {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root.resolve("launcher/target"), "keycloak-*")) {
            for (Path dir : dirs) {
                if (Files.isRegularFile(dir.resolve("bin/kc.sh"))) {
                    return dir;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("Keycloak is not unpacked in launcher/target: build with ./run (or ./mvnw -pl launcher -am package)");
    }

    private String keycloakUrl() {
        return "http://localhost:" + ports.keycloak();
    }

    private Child startKeycloak() {
        Path home = keycloakHome();
        Path imports = home.resolve("data/import");
        createDirectories(imports);
        try {
            Files.copy(root.resolve(REALM_FILE), imports.resolve("limber-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("KC_DB_PASSWORD", "keycloak");
        Child keycloak = Child.start("keycloak", List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + ports.keycloak(), "--http-management-port=" + ports.keycloakManagement(),
                "--hostname=" + keycloakUrl(), "--db=postgres", "--db-url=" + jdbcUrl("keycloak"), "--db-username=keycloak",
                "--import-realm", "--health-enabled=true"), env, home, local.resolve("logs/keycloak.log"));
        children.add(keycloak);
        return keycloak;
    }

    // --- Services -----------------------------------------------------------------------------

    int port(String service) {
        return switch (service) {
            case "catalog" -> ports.catalog();
            case "routine" -> ports.routine();
            case "console" -> ports.console();
            default -> ports.progress();
        };
    }

    /** The environment of a service: the same variables as in docker-compose.yml, pointing at the local servers. */
    Map<String, String> serviceEnvironment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(service.toUpperCase() + "_PORT", String.valueOf(port(service)));
        env.put("DB_URL", jdbcUrl(service));
        env.put("DB_USER", service);
        env.put("DB_PASSWORD", service);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ports.kafka());
        env.put("OIDC_URL", keycloakUrl() + "/realms/limber");
        env.put("WEB_ORIGINS", "http://localhost:3000");
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("LOG_JSON", "false");
        if (service.equals("routine")) {
            env.put("INTAKE_MAX_BACKDATE", "91d");
        }
        return env;
    }

    /** The care console: no database, no broker; it signs users in with Keycloak and calls the services. */
    Map<String, String> consoleEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CONSOLE_PORT", String.valueOf(ports.console()));
        env.put("OIDC_URL", keycloakUrl() + "/realms/limber");
        env.put("CATALOG_URL", "http://localhost:" + ports.catalog());
        env.put("ROUTINE_URL", "http://localhost:" + ports.routine());
        env.put("PROGRESS_URL", "http://localhost:" + ports.progress());
        env.put("HTTP_HOST", "127.0.0.1");
        return env;
    }

    private Child startConsole() {
        Path app = root.resolve("care-console/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: build with ./run (or ./mvnw -B package -DskipTests)");
        }
        Child child = Child.start("care-console", List.of(java(), "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-jar", app.toString()),
                consoleEnvironment(), root, local.resolve("logs/care-console.log"));
        children.add(child);
        return child;
    }

    private Child startService(String service) {
        Path app = root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: build with ./run (or ./mvnw -B package -DskipTests)");
        }
        Child child = Child.start(service + "-service", List.of(java(), "-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-jar", app.toString()),
                serviceEnvironment(service), root, local.resolve("logs/" + service + "-service.log"));
        children.add(child);
        return child;
    }

    // --- Waiting, stopping ---------------------------------------------------------------------

    private interface Check {
        boolean ready() throws Exception;
    }

    private void await(Child child, String name, Duration timeout, Check check) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        long lastPrinted = -1;
        while (true) {
            try {
                if (check.ready()) {
                    clearLine();
                    step(name + " is ready (" + Duration.between(start, Instant.now()).toSeconds() + " s)");
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            if (!child.alive()) {
                clearLine();
                throw new IllegalStateException(name + " exited; the end of " + root.relativize(child.log()) + ":\n" + child.tail(30));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " is not ready after " + timeout.toSeconds() + " s; see " + root.relativize(child.log()));
            }
            long waited = Duration.between(start, Instant.now()).toSeconds();
            if (options.headless()) {
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
            sleep(500);
        }
    }

    private void clearLine() {
        if (!options.headless()) {
            out.print("\r" + " ".repeat(60) + "\r");
        }
    }

    private boolean httpOk(String url) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }

    /** Stops the services first, then Keycloak and Kafka, then PostgreSQL. */
    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        out.println();
        out.println("Stopping...");
        List<Child> reversed = new ArrayList<>(children);
        java.util.Collections.reverse(reversed);
        reversed.parallelStream().filter(c -> !c.name().equals("kafka")).forEach(c -> c.stop(Duration.ofSeconds(20)));
        reversed.stream().filter(c -> c.name().equals("kafka")).forEach(c -> c.stop(Duration.ofSeconds(20)));
        if (postgres != null) {
            try {
                postgres.close();
            } catch (RuntimeException e) {
                out.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        deletePidFile();
        out.println("Stopped.");
        out.flush();
    }

    /** Processes a launcher that was killed (not stopped) left behind, found by the pid file it keeps. */
    private void killLeftovers() {
        Path pids = local.resolve("run/pids");
        if (!Files.isRegularFile(pids)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(pids)) {
                ProcessHandle.of(Long.parseLong(line.trim())).filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().commandLine().map(c -> c.contains(root.toString()) || c.contains("keycloak")).orElse(false))
                        .ifPresent(p -> {
                            step("Stopping process " + p.pid() + " left by an earlier run");
                            p.descendants().forEach(ProcessHandle::destroyForcibly);
                            p.destroyForcibly();
                            p.onExit().join();
                        });
            }
            Files.delete(pids);
        } catch (IOException | NumberFormatException e) {
            // nothing to clean
        }
    }

    private void recordPids() {
        try {
            createDirectories(local.resolve("run"));
            List<String> pids = children.stream().map(c -> String.valueOf(c.pid())).toList();
            Files.write(local.resolve("run/pids"), pids);
        } catch (IOException e) {
            // best effort
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(local.resolve("run/pids"));
        } catch (IOException e) {
            // best effort
        }
    }

    private void waitFor(Child child, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (child.alive() && Instant.now().isBefore(deadline)) {
            sleep(200);
        }
        if (child.alive()) {
            child.stop(Duration.ofSeconds(5));
            throw new IllegalStateException(child.name() + " did not finish");
        }
    }

    private void step(String message) {
        out.println("==> " + message);
        out.flush();
        recordPids();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
