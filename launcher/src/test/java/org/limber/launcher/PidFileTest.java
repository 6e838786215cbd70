package org.limber.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * After a launcher was killed, the next start ends what the last one left (found by its pid file) and frees the port,
 * and only that. KilledLauncherTest does it with every service, both ways the launcher starts them.
 */
class PidFileTest {

    @TempDir
    Path root;

    @Test
    void theNextStartEndsAProcessLeftByAKilledRunAndFreesItsPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        // A server started from the repository's folder (as PostgreSQL, Kafka and the services are), holding a port.
        Path server = root.resolve("Hold.java");
        Files.writeString(server, """
                public class Hold {
                    public static void main(String[] args) throws Exception {
                        try (var socket = new java.net.ServerSocket(Integer.parseInt(args[0]), 50,
                                java.net.InetAddress.getLoopbackAddress())) {
                            Thread.sleep(600_000);
                        }
                    }
                }
                """);
        Process left = new ProcessBuilder(Launcher.java(), server.toString(), String.valueOf(port))
                .inheritIO()
                .start();
        try {
            awaitListening(port);
            Ports ports = new Ports(
                    port,
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort());
            assertThatCode(ports::checkFree)
                    .as("the port is taken before the clean-up")
                    .hasMessageContaining("port " + port + " is in use");

            PidFile pids = new PidFile(root.resolve(".local/run/pids"), root);
            pids.write(List.of(left.pid(), ProcessHandle.current().pid() + 1_000_000L));
            List<String> said = new ArrayList<>();
            assertThat(pids.killLeftovers(said::add)).containsExactly(left.pid());

            assertThat(left.isAlive()).isFalse();
            assertThat(said).anyMatch(line -> line.contains(String.valueOf(left.pid())));
            assertThatCode(ports::checkFree)
                    .as("the port is free after the clean-up")
                    .doesNotThrowAnyException();
            assertThat(root.resolve(".local/run/pids")).doesNotExist();
        } finally {
            left.destroyForcibly();
        }
    }

    @Test
    void aServiceRunningInTheRepositoryIsEndedThoughItsCommandLineDoesNotNameIt(@TempDir Path elsewhere)
            throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "the working directory of a process is read in /proc");
        // As a service started with its AOT cache: java -XX:AOTCache=app.aot -jar quarkus-run.jar, from its
        // target/quarkus-app, with a java outside the repository (and here without the launcher's marker).
        Path app = Files.createDirectories(root.resolve("catalog-service/target/quarkus-app"));
        Process left = hold(elsewhere, app);
        try {
            assertThat(left.info().commandLine().orElseThrow()).doesNotContain(root.toString());
            PidFile pids = new PidFile(root.resolve(".local/run/pids"), root);
            pids.write(List.of(left.pid()));
            assertThat(pids.killLeftovers(line -> {})).containsExactly(left.pid());
            assertThat(left.isAlive()).isFalse();
        } finally {
            left.destroyForcibly();
        }
    }

    @Test
    void aPidTheSystemGaveToAnotherProcessSinceIsLeftAloneThoughItLooksLikeOurs() throws Exception {
        Process other = hold(root, root);
        try {
            Instant start = other.info().startInstant().orElseThrow();
            Path file = root.resolve(".local/run/pids");
            PidFile pids = new PidFile(file, root);
            for (Instant recorded :
                    List.of(start.minus(Duration.ofHours(1)), start.minusSeconds(5), start.plusSeconds(5))) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, other.pid() + " " + recorded + "\n");
                assertThat(pids.killLeftovers(line -> {}))
                        .as("recorded as started at %s", recorded)
                        .isEmpty();
                assertThat(other.isAlive()).isTrue();
            }
            // Its own start, as another JVM reads it (the same to the clock tick, or a second off after a step of
            // the clock): ended.
            Files.writeString(file, other.pid() + " " + start.plusSeconds(1) + "\n");
            assertThat(pids.killLeftovers(line -> {})).containsExactly(other.pid());
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aLineOfAnOlderLauncherAPidAloneIsEndedIfItsCommandLineNamesTheRepository() throws Exception {
        Process left = hold(root, root);
        try {
            Path file = root.resolve(".local/run/pids");
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    left.pid() + "\nnot a pid\n" + (ProcessHandle.current().pid() + 1_000_000L) + "\n");
            List<String> said = new ArrayList<>();
            assertThat(new PidFile(file, root).killLeftovers(said::add)).containsExactly(left.pid());
            assertThat(said).anyMatch(line -> line.contains("not a pid"));
            assertThat(file).doesNotExist();
        } finally {
            left.destroyForcibly();
        }
    }

    @Test
    void everyJvmTheLauncherStartsCarriesTheMarkerAndAScriptIsLeftAsItIs() {
        Path repository = Path.of("/some/repo");
        assertThat(ManagedProcess.marked(List.of("/jdk-25/bin/java", "-Xmx1m", "-jar", "quarkus-run.jar"), repository))
                .containsExactly(
                        "/jdk-25/bin/java", "-Dlimber.launcher.home=/some/repo", "-Xmx1m", "-jar", "quarkus-run.jar");
        assertThat(ManagedProcess.marked(List.of("/some/repo/keycloak/bin/kc.sh", "start-dev"), repository))
                .containsExactly("/some/repo/keycloak/bin/kc.sh", "start-dev");
    }

    @Test
    void aProcessNotStartedFromTheRepositoryIsLeftAlone() {
        PidFile pids = new PidFile(root.resolve(".local/run/pids"), root.resolve("elsewhere"));
        pids.write(List.of(ProcessHandle.current().pid()));
        assertThat(pids.killLeftovers(line -> {})).isEmpty();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void thePostmastersPidIsReadFromItsPidFile() throws IOException {
        Path file = root.resolve("postmaster.pid");
        Files.writeString(file, "4242\n/some/data\n1700000000\n55432\n");
        assertThat(PostgresProcess.pidOf(file)).hasValue(4242);
        assertThat(PostgresProcess.pidOf(root.resolve("missing"))).isEmpty();
    }

    /** A JVM that sleeps, its source in {@code source} (so named on its command line), run in {@code workDir}. */
    private static Process hold(Path source, Path workDir) throws IOException {
        Path sleep = source.resolve("Sleep.java");
        Files.writeString(sleep, """
                public class Sleep {
                    public static void main(String[] args) throws Exception {
                        Thread.sleep(600_000);
                    }
                }
                """);
        return new ProcessBuilder(Launcher.java(), sleep.toString())
                .directory(workDir.toFile())
                .inheritIO()
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void awaitListening(int port) {
        await("the test server listening on " + port)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        return true;
                    }
                });
    }
}
