package org.limber.testsupport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import org.limber.postgres.EmbeddedPostgresServer;
import org.limber.testsupport.KafkaBroker;
import org.limber.testsupport.PackagedService;
import org.limber.testsupport.bench.BenchVariants.Variant;

/**
 * Start-up time and resident memory of each packaged service: a harness that prints figures.
 * It starts PostgreSQL and an OIDC provider once, then for each variant of the JVM a Kafka broker
 * of its own and each service's {@code target/quarkus-app/quarkus-run.jar} in a JVM of its own with
 * the JVM options of {@code LIMBER_JAVA_OPTS}, one after the other (catalog, routine, progress,
 * each left running, each with databases of the variant's own), and measures from the process start
 * until {@code /q/health/ready} answers 200 (or every check but the OIDC provider's, which the
 * stand-in does not satisfy, is UP); then {@code bench.warmUpRequests} (2,000) requests per service,
 * and its resident memory (VmRSS of /proc/PID/status, Linux only) and thread count; then each
 * service is stopped and started again on its database and broker as the first start left them (a
 * restart, or another instance: migrated, seeded, offsets committed) and its ready time measured
 * again. The variants,
 * each run when it can be:
 * <ul>
 * <li>this JDK (the build's, 17), no archive;
 * <li>this JDK with the class-data sharing archive of a build with
 *     {@code -Dquarkus.package.jar.appcds.enabled=true} ({@code -Xshare:on -XX:SharedArchiveFile=app-cds.jsa});
 * <li>the JDK 25 or newer that made each service's AOT cache ({@code ops/aot-cache.sh}: {@code app.aot}
 *     and {@code app.aot.java} beside the jar), with the options of {@code LIMBER_JAVA25_OPTS} added,
 *     without and with the cache ({@code -XX:AOTMode=on -XX:AOTCache=app.aot});
 * <li>that JDK with a cache trained through readiness: each service first started once with
 *     {@code -XX:AOTCacheOutput=app-trained.aot} on databases and a broker of that training's own, until ready and
 *     warmed up, then stopped (the JVM writes the cache as it exits), so that the cache also holds what the start
 *     itself loads and links (Flyway, Hibernate, the Kafka clients, OIDC), which {@code ops/aot-cache.sh}'s training
 *     (static initialisation only, no database or broker) does not reach.
 * </ul>
 * An archive or a cache is used from the jar's directory (PackagedService starts the jar from there), as it
 * names the class path relative to it; {@code -Xshare:on} and {@code -XX:AOTMode=on} make a start that
 * cannot use it fail instead of silently going without. With {@code -Dbench.nmt=true} each service also
 * runs with {@code -XX:NativeMemoryTracking=summary} (a few MB more) and the JVM's own account of its
 * memory after the warm-up ({@code jcmd PID VM.native_memory summary}) goes to
 * {@code target/bench-logs/<module>-<variant>-nmt.txt}. {@code -Dbench.variants=cds,aot} runs some variants only
 * (keys {@code plain}, {@code cds}, {@code jdk25}, {@code aot}, {@code trained}).
 * <p>
 * Run (after packaging the services): {@code ops/bench.sh} does it; by hand,
 * {@code java -cp <test-support's classpath> org.limber.testsupport.bench.ServiceStartBenchmark <repository root>}.
 */
public final class ServiceStartBenchmark {

    static final int WARM_UP_REQUESTS = Integer.getInteger("bench.warmUpRequests", 2_000);
    static final boolean NMT = Boolean.getBoolean("bench.nmt");
    static final Duration START_LIMIT = Duration.ofMinutes(3);

    /** A service to start: its module, the port variable it reads, its database, and a public path to warm up on. */
    record Service(String module, String portVariable, String database, String warmUpPath) {}

    static final List<Service> SERVICES = List.of(
            new Service("catalog-service", "CATALOG_PORT", "catalog", "/exercises?size=20"),
            new Service("routine-service", "ROUTINE_PORT", "routine", "/q/health/live"),
            new Service("progress-service", "PROGRESS_PORT", "progress", "/q/health/live"));

    /** Figures of a start; {@code rssKb} (after the warm-up) -1 for a restart, which is not warmed up. */
    record Figures(String service, double readySeconds, long rssKb, long rssReadyKb, long threads) {}

    private ServiceStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String javaOpts = System.getenv().getOrDefault("LIMBER_JAVA_OPTS", "");
        String java25Opts = System.getenv().getOrDefault("LIMBER_JAVA25_OPTS", "");
        Path logs = Files.createDirectories(root.resolve("target/bench-logs"));
        List<Variant> variants = BenchVariants.of(root, java25Opts, System.getProperty("bench.variants", ""));
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        List<PackagedService> started = new ArrayList<>();
        try (EmbeddedPostgresServer postgres =
                EmbeddedPostgresServer.start(Files.createTempDirectory("bench-postgres"), 0, true)) {
            String oidcUrl = oidc.start().get("keycloak.url") + "/realms/quarkus";
            BenchSystem bench = new BenchSystem(root, postgres, oidcUrl, javaOpts, logs);
            List<Figures> figures = new ArrayList<>();
            for (Variant variant : variants) {
                if (variant.training() != null) {
                    bench.train(variant.training());
                }
                // A broker of the variant's own, as its databases: each variant starts on the same empty system.
                try (KafkaBroker kafka = KafkaBroker.start(Files.createTempDirectory("bench-kafka"))) {
                    List<BenchSystem.Starter> starters = new ArrayList<>();
                    for (Service service : SERVICES) {
                        BenchSystem.Starter starter = bench.starter(service, variant, kafka);
                        starters.add(starter);
                        figures.add(firstStart(starter, service, started));
                    }
                    figures.addAll(restarts(starters, started));
                    stop(started); // each variant starts on a machine without the other variant's services
                }
            }
            print(figures, javaOpts, java25Opts);
        } finally {
            stop(started);
            oidc.stop();
        }
    }

    /** A service's first start on its empty database: ready time, memory when ready and after the warm-up. */
    private static Figures firstStart(BenchSystem.Starter starter, Service service, List<PackagedService> started)
            throws Exception {
        long t0 = System.nanoTime();
        PackagedService process = starter.start("");
        started.add(process);
        process.awaitReady(START_LIMIT);
        double ready = (System.nanoTime() - t0) / 1e9;
        long rssReady = status(process.pid(), "VmRSS:");
        warmUp(process.url() + service.warmUpPath());
        Figures figures = new Figures(
                starter.name(), ready, status(process.pid(), "VmRSS:"), rssReady, status(process.pid(), "Threads:"));
        if (NMT) {
            nativeMemory(starter.java(), process.pid(), starter.log("-nmt.txt"));
        }
        return figures;
    }

    /**
     * Each service stopped and started again on its database as it is now (migrated, seeded, its consumer groups'
     * offsets committed), the others running: a restart or a new instance, the start operations see most.
     */
    private static List<Figures> restarts(List<BenchSystem.Starter> starters, List<PackagedService> started)
            throws Exception {
        List<Figures> figures = new ArrayList<>();
        for (int i = 0; i < starters.size(); i++) {
            started.get(i).close();
            long t0 = System.nanoTime();
            PackagedService again = starters.get(i).start("-restart");
            started.set(i, again);
            again.awaitReady(START_LIMIT);
            double ready = (System.nanoTime() - t0) / 1e9;
            figures.add(new Figures(
                    starters.get(i).name() + ", restarted",
                    ready,
                    -1,
                    status(again.pid(), "VmRSS:"),
                    status(again.pid(), "Threads:")));
        }
        return figures;
    }

    private static void print(List<Figures> figures, String javaOpts, String java25Opts) {
        System.out.printf(
                "=== service start-up and memory (%d cores; JVM options: %s; on JDK 25 or newer also: %s) ===%n",
                Runtime.getRuntime().availableProcessors(),
                javaOpts.isBlank() ? "none" : javaOpts,
                java25Opts.isBlank() ? "none" : java25Opts);
        System.out.println("| service | ready after | resident when ready | resident after " + WARM_UP_REQUESTS
                + " requests | threads |");
        System.out.println("|---|---|---|---|---|");
        for (Figures f : figures) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.1f s | %,d MB | %s | %d |%n",
                    f.service(),
                    f.readySeconds(),
                    f.rssReadyKb() / 1024,
                    f.rssKb() < 0 ? "-" : String.format(Locale.ROOT, "%,d MB", f.rssKb() / 1024),
                    f.threads());
        }
    }

    /** The JVM's own account of its memory, from the jcmd of the JDK that runs it. */
    private static void nativeMemory(Path java, long pid, Path out) throws IOException, InterruptedException {
        Path jcmd = java.toAbsolutePath().resolveSibling("jcmd");
        new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "VM.native_memory", "summary")
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start()
                .waitFor();
        // How much of the resident memory is mapped files (the JVM's libraries, an archive or a cache) and how much
        // the process's own.
        Files.writeString(
                out,
                Files.readString(Path.of("/proc", String.valueOf(pid), "smaps_rollup")),
                StandardOpenOption.APPEND);
    }

    private static void stop(List<PackagedService> processes) {
        Collections.reverse(processes);
        processes.forEach(PackagedService::close);
        processes.clear();
    }

    static void warmUp(String url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
    }

    /** A figure of /proc/PID/status (VmRSS in kB, Threads), or -1 where it cannot be read. */
    private static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
