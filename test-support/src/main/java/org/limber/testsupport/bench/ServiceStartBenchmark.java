package org.limber.testsupport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import org.limber.postgres.EmbeddedPostgresServer;
import org.limber.testsupport.KafkaBroker;
import org.limber.testsupport.PackagedService;

/**
 * Start-up time and resident memory of each packaged service: a harness that prints figures.
 * It starts the dependencies first (PostgreSQL, a Kafka broker and an OIDC provider, as the tests
 * do), then each service's {@code target/quarkus-app/quarkus-run.jar} in a JVM of its own with
 * the JVM options of {@code LIMBER_JAVA_OPTS}, one after the other (catalog, routine, progress,
 * each left running), and measures from the process start until {@code /q/health/ready} answers
 * 200 (or every check but the OIDC provider's, which the stand-in does not satisfy, is UP); then {@code bench.warmUpRequests} (2,000) requests per service, and its resident memory
 * (VmRSS of /proc/PID/status, Linux only). When every service was packaged with its class-data
 * sharing archive ({@code -Dquarkus.package.jar.appcds.enabled=true}), a second round starts them
 * with it ({@code -Xshare:on -XX:SharedArchiveFile=app-cds.jsa}, from the jar's directory), so both are measured in the same run.
 * <p>
 * Run (after packaging the services): {@code ops/bench.sh} does it; by hand,
 * {@code java -cp <test-support's classpath> org.limber.testsupport.bench.ServiceStartBenchmark <repository root>}.
 */
public final class ServiceStartBenchmark {

    static final int WARM_UP_REQUESTS = Integer.getInteger("bench.warmUpRequests", 2_000);
    static final Duration START_LIMIT = Duration.ofMinutes(3);

    /** A service to start: its module, the port variable it reads, its database, and a public path to warm up on. */
    record Service(String module, String portVariable, String database, String warmUpPath) {}

    static final List<Service> SERVICES = List.of(
            new Service("catalog-service", "CATALOG_PORT", "catalog", "/exercises?size=20"),
            new Service("routine-service", "ROUTINE_PORT", "routine", "/q/health/live"),
            new Service("progress-service", "PROGRESS_PORT", "progress", "/q/health/live"));

    record Figures(String service, double readySeconds, long rssKb, long rssReadyKb) {}

    private ServiceStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String javaOpts = System.getenv().getOrDefault("LIMBER_JAVA_OPTS", "");
        Path logs = Files.createDirectories(root.resolve("target/bench-logs"));
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        List<PackagedService> started = new ArrayList<>();
        try (EmbeddedPostgresServer postgres =
                        EmbeddedPostgresServer.start(Files.createTempDirectory("bench-postgres"), 0, true);
                KafkaBroker kafka = KafkaBroker.start(Files.createTempDirectory("bench-kafka"))) {
            String oidcUrl = oidc.start().get("keycloak.url") + "/realms/quarkus";
            List<Figures> figures = new ArrayList<>();
            boolean archives = SERVICES.stream().allMatch(service -> Files.exists(archive(root, service)));
            for (boolean cds : archives ? List.of(false, true) : List.of(false)) {
                for (Service service : SERVICES) {
                    postgres.createDatabase(service.database() + (cds ? "_cds" : ""));
                    Map<String, String> env = new HashMap<>();
                    env.put("DB_URL", postgres.jdbcUrl(service.database() + (cds ? "_cds" : "")));
                    env.put("DB_USER", EmbeddedPostgresServer.USER);
                    // Loopback only, as the local launcher: the services refuse development passwords otherwise.
                    env.put("ALLOW_DEV_CREDENTIALS", "true");
                    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
                    env.put("OIDC_URL", oidcUrl);
                    env.put("LOG_JSON", "false");
                    List<String> options = new ArrayList<>();
                    if (!javaOpts.isBlank()) {
                        options.addAll(List.of(javaOpts.trim().split("\\s+")));
                    }
                    if (cds) {
                        // -Xshare:on: a start that cannot use the archive fails instead of silently going without it.
                        // PackagedService starts the jar from its directory, as the archive names the class path
                        // relative to it.
                        options.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=app-cds.jsa"));
                    }
                    String name = service.module() + (cds ? " (AppCDS)" : "");
                    long t0 = System.nanoTime();
                    PackagedService process = PackagedService.start(
                            name,
                            PackagedService.jar(root.resolve(service.module())),
                            options,
                            service.portVariable(),
                            env,
                            logs.resolve(service.module() + (cds ? "-cds" : "") + ".log"));
                    started.add(process);
                    process.awaitReady(START_LIMIT);
                    double ready = (System.nanoTime() - t0) / 1e9;
                    long rssReady = rssKb(process.pid());
                    warmUp(process.url() + service.warmUpPath());
                    figures.add(new Figures(name, ready, rssKb(process.pid()), rssReady));
                }
                stop(started); // each round starts on a machine without the other round's services
            }
            System.out.printf(
                    "=== service start-up and memory (%d cores; JVM options: %s) ===%n",
                    Runtime.getRuntime().availableProcessors(), javaOpts.isBlank() ? "none" : javaOpts);
            System.out.println("| service | ready after | resident when ready | resident after " + WARM_UP_REQUESTS
                    + " requests |");
            System.out.println("|---|---|---|---|");
            for (Figures f : figures) {
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %.1f s | %,d MB | %,d MB |%n",
                        f.service(),
                        f.readySeconds(),
                        f.rssReadyKb() / 1024,
                        f.rssKb() / 1024);
            }
        } finally {
            stop(started);
            oidc.stop();
        }
    }

    /** The class-data sharing archive Quarkus writes when packaging with quarkus.package.jar.appcds.enabled. */
    private static Path archive(Path root, Service service) {
        return root.resolve(service.module()).resolve("target/quarkus-app/app-cds.jsa");
    }

    private static void stop(List<PackagedService> processes) {
        Collections.reverse(processes);
        processes.forEach(PackagedService::close);
        processes.clear();
    }

    private static void warmUp(String url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
