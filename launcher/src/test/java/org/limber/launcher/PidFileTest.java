package org.limber.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/** After a launcher was killed, the next start ends what the last one left (found by its pid file) and frees the port. */
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
