package org.limber.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs the whole system on this machine, on loopback only: one embedded PostgreSQL server with a
 * database per service (data kept in {@code .local/postgres}), a Kafka broker in KRaft mode, Keycloak
 * importing {@code ops/keycloak/limber-realm.json}, and the services, configured by environment
 * variables as in containers. Waits until every one is ready, prints where they are, plays the demo
 * data on a fresh start, and stops everything on Ctrl-C. What a killed launcher left behind (found
 * by its pid file) is ended first. Options: see {@link LaunchOptions}.
 */
public final class Launcher {

    private final Path root;
    private final Path local;
    private final Ports ports;
    private final LaunchOptions options;
    private final Console console;
    private final PidFile pidFile;
    /** The wall clock (the system's, in UTC, from {@link #main}); elapsed times are measured with {@code System.nanoTime()}. */
    private final Clock clock;

    private final List<ManagedProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final Supervisor supervisor;
    private final Readiness readiness;
    private PostgresProcess postgres;
    private MailServer mail;
    private volatile boolean stopping;

    Launcher(Path root, Ports ports, LaunchOptions options, Clock clock) {
        this.root = root;
        this.clock = clock;
        this.local = root.resolve(".local");
        this.ports = ports;
        this.options = options;
        this.console = new Console(System.out, options.headless());
        this.pidFile = new PidFile(local.resolve("run/pids"), root);
        this.readiness = new Readiness(console, root, ports);
        this.supervisor = new Supervisor(console::line, restarted -> recordPids());
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(root.resolve(KeycloakProcess.REALM_FILE))) {
            System.err.println("Run from the repository's root (./run), not from " + root);
            System.exit(2);
        }
        Launcher launcher = new Launcher(root, Ports.from(System.getenv()), options, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            launcher.stop();
                            stopped.countDown();
                        },
                        "limber-stop"));
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
        long started = System.nanoTime();
        // Leftovers of a killed run hold the ports: end them before checking that the ports are free.
        pidFile.killLeftovers(console::step);
        ports.checkFree();
        if (options.fresh()) {
            step("Wiping " + root.relativize(local) + " (--fresh)");
            deleteTree(local);
        }
        boolean firstRun = !Files.isDirectory(local.resolve("postgres/data"));
        createDirectories(local.resolve("logs"));
        startInfrastructure();
        // With demo data to play, progress-service starts after it: it then reads the twelve weeks from Kafka
        // at once, and its time-based alert rules first look at them when they are complete.
        boolean demo = !options.noDemo() && (firstRun || options.demo());
        Map<ServiceProcess.Service, ManagedProcess> services = new LinkedHashMap<>();
        for (ServiceProcess.Service service : ServiceProcess.services(ports)) {
            if (!(demo && service.name().equals("progress"))) {
                services.put(service, startService(service));
            }
        }
        awaitServices(services);
        if (demo) {
            playDemo(firstRun, started);
        } else {
            console.line(String.format("%nEverything is ready in %d s.", Readiness.secondsSince(started)));
        }
        superviseServices();
        console.printUrls(ports, KeycloakProcess.url(ports), root.relativize(local.resolve("logs")));
        console.line("");
        console.line("Running. Ctrl-C stops everything.");
        console.line("READY"); // the smoke test waits for this line
    }

    /** PostgreSQL with a database per service and Keycloak's, Kafka and Keycloak, each until ready. */
    private void startInfrastructure() {
        step("Starting PostgreSQL on port " + ports.postgres());
        postgres = PostgresProcess.start(local.resolve("postgres"), ports.postgres());
        recordPids();
        for (ServiceProcess.Service service : ServiceProcess.services(ports)) {
            if (service.database()) {
                postgres.createDatabase(service.name());
            }
        }
        postgres.createDatabase("keycloak");
        step("Starting the SMTP server (GreenMail) on port " + ports.smtp() + ", IMAP on " + ports.imap());
        mail = MailServer.start(ports, local.resolve("logs/mail.log"), clock);

        step("Starting Kafka (KRaft) on port " + ports.kafka());
        ManagedProcess kafka = started(KafkaProcess.start(root, local, ports));
        step("Starting Keycloak on port " + ports.keycloak()
                + (KeycloakProcess.built(root) ? "" : " (its first start builds it: about a minute)"));
        ManagedProcess keycloak = started(KeycloakProcess.start(root, local, ports));
        readiness.await(kafka, "Kafka", Duration.ofSeconds(90), () -> KafkaProcess.ready(ports));
        // The services start once Keycloak answers: their readiness includes the OIDC provider.
        readiness.await(
                keycloak,
                "Keycloak",
                Duration.ofMinutes(5),
                () -> readiness.httpOk(KeycloakProcess.readinessUrl(ports)));
    }

    /** Plays the demo data, then starts progress-service, and reports what the demo shows once its alerts ran. */
    private void playDemo(boolean firstRun, long started) {
        Demo demoData = new Demo(ports, options, firstRun, console, clock);
        demoData.play();
        ServiceProcess.Service progress = ServiceProcess.named(ports, "progress");
        ManagedProcess progressDemo = startService(progress);
        awaitServices(Map.of(progress, progressDemo));
        console.line(String.format("%nEverything is ready in %d s.", Readiness.secondsSince(started)));
        if (!demoData.played()) {
            return;
        }
        // The report includes the time-based alerts: wait for the rules' first run (30 s after the start).
        console.line("progress-service is reading the demo events; 30 s after its start it checks the time-based"
                + " alert rules...");
        try {
            readiness.await(
                    progressDemo, "The time-based alert check", Duration.ofMinutes(3), readiness::alertsChecked);
        } catch (IllegalStateException e) {
            console.line(e.getMessage() + "; the report may miss the time-based alerts.");
        }
        demoData.report();
    }

    private ManagedProcess startService(ServiceProcess.Service service) {
        step("Starting " + service.module() + " on port " + service.port() + ServiceProcess.startUpAid(root, service));
        return started(ServiceProcess.start(service, root, local, ports));
    }

    private ManagedProcess started(ManagedProcess process) {
        processes.add(process);
        recordPids();
        return process;
    }

    private void awaitServices(Map<ServiceProcess.Service, ManagedProcess> services) {
        services.forEach((service, process) -> {
            readiness.await(
                    process,
                    service.module(),
                    Duration.ofMinutes(3),
                    () -> readiness.httpOk(ServiceProcess.readinessUrl(service)));
            console.line("    " + service.module() + " " + ServiceProcess.readiness(process, clock));
        });
    }

    /** From now on a service that exits unexpectedly is started again ({@link Supervisor}). */
    private void superviseServices() {
        for (ServiceProcess.Service service : ServiceProcess.services(ports)) {
            supervisor.watchAll(processes, service.module(), () -> ServiceProcess.start(service, root, local, ports));
        }
    }

    /** Test access: the environment the launcher gives a service. */
    Map<String, String> serviceEnvironment(String service) {
        return ServiceProcess.environment(ServiceProcess.named(ports, service), ports);
    }

    /** Stops the services first, then Keycloak and Kafka, then PostgreSQL. */
    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        supervisor.close();
        console.line("");
        console.line("Stopping...");
        List<ManagedProcess> reversed;
        synchronized (processes) {
            reversed = new ArrayList<>(processes);
        }
        Collections.reverse(reversed);
        reversed.parallelStream().filter(p -> !p.name().equals("kafka")).forEach(p -> p.stop(Duration.ofSeconds(20)));
        reversed.stream().filter(p -> p.name().equals("kafka")).forEach(p -> p.stop(Duration.ofSeconds(20)));
        if (mail != null) {
            mail.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (RuntimeException e) {
                console.line("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        pidFile.delete();
        console.line("Stopped.");
    }

    /** Every process started so far, PostgreSQL's postmaster included, so that a killed run can be cleaned up. */
    private void recordPids() {
        List<Long> pids = new ArrayList<>();
        if (postgres != null) {
            postgres.pid().ifPresent(pids::add);
        }
        synchronized (processes) {
            processes.forEach(p -> pids.add(p.pid()));
        }
        pidFile.write(pids);
    }

    private void step(String message) {
        console.step(message);
    }

    static String java() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static void sleep(long millis) {
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
