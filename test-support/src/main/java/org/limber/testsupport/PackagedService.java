package org.limber.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) run as a process of its
 * own, for the packaged-app tests ({@code *IT}) and the start-up benchmark: started with the
 * environment it has in a container, waited for until ready, and stopped gently or killed
 * ({@code SIGKILL}) like a crashed instance.
 */
public final class PackagedService implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    /** Set before the process is told to stop, so a call it fails meanwhile is seen as to a stopped instance. */
    private volatile boolean stopping;

    private PackagedService(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The packaged application of a module ({@code mvn package} builds it). */
    public static Path jar(Path module) {
        Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package the module first");
        }
        return jar;
    }

    /**
     * Starts {@code jar} with the JVM options and environment given, its output in {@code log}.
     * {@code portVariable} (e.g. {@code PROGRESS_PORT}) is set to a free port, which {@link #url()} uses.
     */
    public static PackagedService start(
            String name, Path jar, List<String> jvmOptions, String portVariable, Map<String, String> env, Path log) {
        return start(
                name, Path.of(System.getProperty("java.home"), "bin", "java"), jar, jvmOptions, portVariable, env, log);
    }

    /** As {@link #start(String, Path, List, String, Map, Path)}, with the {@code java} of another JDK. */
    public static PackagedService start(
            String name,
            Path java,
            Path jar,
            List<String> jvmOptions,
            String portVariable,
            Map<String, String> env,
            Path log) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        // From the jar's directory, as a class-data sharing archive (app-cds.jsa) beside it names the class path
        // relative to it; started from elsewhere, the JVM would silently go without the archive.
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put(portVariable, String.valueOf(port));
        try {
            return new PackagedService(name, builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Whether it runs and has not been told to stop. */
    public boolean isAlive() {
        return !stopping && process.isAlive();
    }

    /**
     * Waits until {@code /q/health/ready} answers 200, or every check but the OIDC provider's is UP
     * (the tests' stand-in serves no document for that check), failing at once if the process stops.
     */
    public void awaitReady(Duration timeout) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " stopped (exit " + process.exitValue() + "); see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> ready = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200 || readyButForOidc(ready.body())) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(50);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log.toAbsolutePath());
    }

    /**
     * Whether every readiness check is up but the OIDC provider's: the tests' OIDC server (WireMock)
     * serves no discovery document for that check to fetch, and the check is fixed at build time.
     */
    public static boolean readyButForOidc(String health) {
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

    /** {@code kill -9}: the instance dies at once, as in a crash, with no shutdown of any kind. */
    public void kill() {
        stopping = true;
        process.destroyForcibly();
        waitFor(30);
    }

    /** A graceful stop ({@code SIGTERM}), forcible after 30 s. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /** A graceful stop ({@code SIGTERM}), forcible after {@code grace} (a JVM writing its AOT cache at exit needs long). */
    public void close(Duration grace) {
        stopping = true;
        process.destroy();
        if (!waitFor((int) grace.toSeconds())) {
            kill();
        }
    }

    private boolean waitFor(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A port free now, for a server that binds it later (a JVM, a broker, Keycloak: seconds later). Taken from
     * 20000-31999, below 32768 where Linux hands out the local ports of outgoing connections
     * ({@code ip_local_port_range}): a port the system picked there ({@code new ServerSocket(0)}) could be taken by
     * a connection before the server binds it, as a smoke run saw Keycloak fail.
     */
    public static int freePort() {
        while (true) {
            int candidate = 20000 + ThreadLocalRandom.current().nextInt(12000);
            if (isFree(candidate)) {
                return candidate;
            }
        }
    }

    /** Whether {@code port} can be bound now, on every address. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // a port whose last connections are in TIME_WAIT is free to a server
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", " + url() + ")";
    }
}
