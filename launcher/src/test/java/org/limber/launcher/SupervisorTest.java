package org.limber.launcher;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher's supervision (issue 25: a service killed midway through an erasure comes back): a service's
 * process killed with {@code kill -9} is started again by {@link ServiceProcess#start}, exactly as the launcher
 * starts it, after a back-off that doubles while it keeps dying, each restart logged and the launcher's list of
 * processes (its pid file's source) holding the new one; once the supervisor is closed (the launcher stopping) a
 * process that exits stays down. Each service's {@code quarkus-run.jar} is a {@link FakeService}, packed as
 * {@link KilledLauncherTest} packs it.
 */
class SupervisorTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path root;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Long> pids = new CopyOnWriteArrayList<>();

    @AfterEach
    void endEverything() {
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void theWaitDoublesWhileAProcessKeepsDyingUpToThirtySeconds() {
        Duration first = Duration.ofSeconds(1);
        assertThat(Supervisor.delay(first, 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Supervisor.delay(first, 2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Supervisor.delay(first, 4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(Supervisor.delay(first, 6)).isEqualTo(Supervisor.MAX_DELAY);
        assertThat(Supervisor.delay(first, 500)).isEqualTo(Supervisor.MAX_DELAY);
    }

    @Test
    void aKilledServiceIsStartedAgainAndAfterCloseItStaysDown() throws Exception {
        int[] free = KilledLauncherTest.freePorts(13);
        Ports ports = new Ports(
                free[0], free[1], free[2], free[3], free[4], free[5], free[6], free[7], free[8], free[9], free[10],
                free[11], free[12]);
        ServiceProcess.Service service = ServiceProcess.named(ports, "engagement");
        Files.createDirectories(root.resolve("ops"));
        Files.writeString(
                root.resolve("ops/java-opts.env"),
                ServiceProcess.OPTIONS + "="
                        + String.join(" ", ServiceProcess.javaOptions(REPOSITORY, ServiceProcess.OPTIONS, null))
                        + " -XX:TieredStopAtLevel=1\n" + ServiceProcess.JAVA25_OPTIONS + "=\n");
        KilledLauncherTest.packaged(
                root.resolve(service.module()),
                KilledLauncherTest.fakeServiceJar(),
                ServiceProcess.portVariable(service));
        Path local = root.resolve(".local");
        List<ManagedProcess> processes = Collections.synchronizedList(new ArrayList<>());
        processes.add(ServiceProcess.start(service, root, local, ports));
        List<String> log = new CopyOnWriteArrayList<>();
        List<List<ManagedProcess>> changes = new CopyOnWriteArrayList<>();
        long first = answer(service.port());
        pids.add(first);
        try (Supervisor supervisor = new Supervisor(log::add, changes::add, Duration.ofMillis(300))) {
            supervisor.watchAll(processes, service.module(), () -> ServiceProcess.start(service, root, local, ports));

            long second = killAndAwaitAnother(first, service.port());
            assertThat(log.get(0))
                    .startsWith("engagement-service (pid " + first + ") exited unexpectedly with code 137")
                    .endsWith("after 300 ms (restart 1 in a row)");
            assertThat(log.get(1)).isEqualTo("engagement-service started again (pid " + second + ")");
            assertThat(processes).extracting(ManagedProcess::pid).containsExactly(second);
            assertThat(changes).hasSize(1);

            long third = killAndAwaitAnother(second, service.port());
            assertThat(log.get(2)).contains("(pid " + second + ")").endsWith("after 600 ms (restart 2 in a row)");
            assertThat(supervisor.current(service.module()).pid()).isEqualTo(third);

            supervisor.close();
            ProcessHandle.of(third).orElseThrow().destroyForcibly();
            ProcessHandle.of(third).orElseThrow().onExit().join();
            Thread.sleep(1500);
            assertThat(processes).extracting(ManagedProcess::pid).containsExactly(third);
            assertThat(log).hasSize(4);
        }
    }

    /** Kills the process answering on {@code port}, then waits for another one to answer there. */
    private long killAndAwaitAnother(long pid, int port) {
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        long next = await("another process on port " + port)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> answerOnce(port), p -> p != null && p != pid);
        pids.add(next);
        return next;
    }

    private long answer(int port) {
        return await("an answer on port " + port)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> answerOnce(port), p -> p != null);
    }

    private Long answerOnce(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(3))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Long.parseLong(response.body()) : null;
    }
}
