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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import org.limber.testsupport.EmbeddedPostgresServer;
import org.limber.testsupport.KafkaBroker;

/**
 * Start-up time and resident memory of each packaged service: a harness that prints figures.
 * It starts the dependencies first (PostgreSQL, a Kafka broker and an OIDC provider, as the tests
 * do), then each service's {@code target/quarkus-app/quarkus-run.jar} in a JVM of its own with
 * the JVM options of {@code LIMBER_JAVA_OPTS}, one after the other (catalog, routine, progress,
 * each left running), and measures from the process start until {@code /q/health/ready} answers
 * 200 (or every check but the OIDC provider's, which the stand-in does not satisfy, is UP); then {@code bench.warmUpRequests} (2,000) requests per service, and its resident memory
 * (VmRSS of /proc/PID/status, Linux only). When every service was packaged with its class-data
 * sharing archive ({@code -Dquarkus.package.jar.appcds.enabled=true}), a second round starts them
 * with it ({@code -Xshare:on -XX:SharedArchiveFile=app-cds.jsa}, from {@code target/quarkus-app}: the
 * archive names the class path relative to it), so both are measured in the same run.
 * <p>
 * Run (after packaging the services): {@code ops/bench.sh} does it; by hand,
 * {@code java -cp <test-support's classpath> org.limber.testsupport.bench.ServiceStartBenchmark <repository root>}.
 */
public final class ServiceStartBenchmark {

    static final int WARM_UP_REQUESTS = Integer.getInteger("bench.warmUpRequests", 2_000);
    static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

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
        List<Process> started = new ArrayList<>();
        try (EmbeddedPostgresServer postgres =
                        EmbeddedPostgresServer.start(Files.createTempDirectory("bench-postgres"), 0, true);
                KafkaBroker kafka = KafkaBroker.start(Files.createTempDirectory("bench-kafka"))) {
            String oidcUrl = oidc.start().get("keycloak.url") + "/realms/quarkus";
            List<Figures> figures = new ArrayList<>();
            boolean archives = SERVICES.stream().allMatch(service -> Files.exists(archive(root, service)));
            for (boolean cds : archives ? List.of(false, true) : List.of(false)) {
                for (Service service : SERVICES) {
                    postgres.createDatabase(service.database() + (cds ? "_cds" : ""));
                    int port = freePort();
                    Map<String, String> env = new HashMap<>();
                    env.put(service.portVariable(), String.valueOf(port));
                    env.put("DB_URL", postgres.jdbcUrl(service.database() + (cds ? "_cds" : "")));
                    env.put("DB_USER", EmbeddedPostgresServer.USER);
                    // Loopback only, as the local launcher: the services refuse development passwords otherwise.
                    env.put("ALLOW_DEV_CREDENTIALS", "true");
                    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
                    env.put("OIDC_URL", oidcUrl);
                    env.put("LOG_JSON", "false");
                    List<String> command = new ArrayList<>();
                    command.add(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString());
                    if (!javaOpts.isBlank()) {
                        command.addAll(List.of(javaOpts.trim().split("\\s+")));
                    }
                    if (cds) {
                        // -Xshare:on: a start that cannot use the archive fails instead of silently going without it.
                        command.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=app-cds.jsa"));
                    }
                    // From its directory, as the archive records the class path relative to it (quarkus-run.jar).
                    command.addAll(List.of("-jar", "quarkus-run.jar"));
                    String name = service.module() + (cds ? " (AppCDS)" : "");
                    ProcessBuilder builder = new ProcessBuilder(command)
                            .directory(archive(root, service).getParent().toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(logs.resolve(service.module() + (cds ? "-cds" : "") + ".log")
                                    .toFile());
                    builder.environment().putAll(env);
                    long t0 = System.nanoTime();
                    Process process = builder.start();
                    started.add(process);
                    String base = "http://localhost:" + port;
                    awaitReady(process, base + "/q/health/ready", service.module());
                    double ready = (System.nanoTime() - t0) / 1e9;
                    long rssReady = rssKb(process.pid());
                    warmUp(base + service.warmUpPath());
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

    private static void stop(List<Process> processes) throws InterruptedException {
        java.util.Collections.reverse(processes);
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        processes.clear();
    }

    private static void awaitReady(Process process, String url, String service) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " stopped (exit " + process.exitValue()
                        + "); see target/bench-logs/" + service + ".log");
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 || readyButForOidc(response.body())) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException(service + " was not ready within " + START_LIMIT);
    }

    /**
     * The OIDC stand-in (WireMock, as in the tests) answers discovery and keys but not the OIDC
     * provider's readiness check, so that one check is left out: every other check is UP.
     */
    static boolean readyButForOidc(String health) {
        try {
            JsonNode checks = JSON.readTree(health).path("checks");
            boolean others = checks.size() > 0;
            for (JsonNode check : checks) {
                others &= check.path("name").asText().startsWith("OIDC")
                        || "UP".equals(check.path("status").asText());
            }
            return others;
        } catch (IOException e) {
            return false;
        }
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

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
