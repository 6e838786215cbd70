package org.limber.launcher;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * A launcher killed with {@code kill -9} while every service runs leaves them running and holding their ports
 * (issue 26); the next start must end each of them, and nothing else, then come up on the same ports. For both
 * ways the launcher starts a service, neither of whose command lines names the repository: with its AOT cache
 * ({@code java … -XX:AOTCache=app.aot -jar quarkus-run.jar}) and on the launcher's JDK 17 ({@code java …
 * -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar}), each from its {@code target/quarkus-app}.
 *
 * <p>The launcher is {@link LauncherStandIn} (the launcher's clean-up, port check, service start and pid
 * records, in a process of its own); each service's {@code quarkus-run.jar} is a {@link FakeService}, started by
 * {@link ServiceProcess#start} exactly as a real one. The JDK 17 the build runs on stands for the JDK 25 of the
 * AOT start ({@code -XX:+IgnoreUnrecognizedVMOptions} lets it take {@code -XX:AOTCache}): what matters here is the
 * command line and the folder a service runs in, not its cache.
 */
class KilledLauncherTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern STOPPING = Pattern.compile("Stopping process (\\d+) left by an earlier run");

    /** The two ways {@link ServiceProcess#command} starts a service, set up in its {@code target/quarkus-app}. */
    enum Start {
        /** With the ahead-of-time cache, on the JDK that made it (app.aot.java). */
        AOT_CACHE("-XX:AOTCache=" + ServiceProcess.AOT_CACHE) {
            @Override
            void prepare(Path app) throws IOException {
                Files.writeString(app.resolve(ServiceProcess.AOT_CACHE), "cache");
                Files.writeString(app.resolve(ServiceProcess.AOT_CACHE + ".java"), Launcher.java() + "\n");
            }
        },
        /** On the launcher's JDK with the AppCDS archive (a JDK 17 ignores an archive it cannot map). */
        JDK_17("-XX:SharedArchiveFile=" + ServiceProcess.CDS_ARCHIVE) {
            @Override
            void prepare(Path app) throws IOException {
                Files.writeString(app.resolve(ServiceProcess.CDS_ARCHIVE), "archive");
            }
        };

        final String option;

        Start(String option) {
            this.option = option;
        }

        abstract void prepare(Path app) throws IOException;
    }

    @TempDir
    Path root;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Every process the test started or saw started, ended after it whatever happened. */
    private final List<Process> processes = new ArrayList<>();

    private final Set<Long> pids = new HashSet<>();

    @AfterEach
    void endEverything() {
        processes.forEach(Process::destroyForcibly);
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @ParameterizedTest
    @EnumSource(Start.class)
    void theNextStartEndsEveryServiceAKilledLauncherLeftAndNothingElseThenComesUpOnTheSamePorts(Start start)
            throws Exception {
        int[] free = freePorts(14);
        Ports ports = new Ports(
                free[0], free[1], free[2], free[3], free[4], free[5], free[6], free[7], free[8], free[10], free[11],
                free[12], free[13]);
        List<ServiceProcess.Service> services = ServiceProcess.services(ports);
        // The services' options of ops/java-opts.env, with C1 alone for a lighter start, and on the JDK standing
        // for a JDK 25 the option that lets it take the options of a 25.
        Files.createDirectories(root.resolve("ops"));
        Files.writeString(
                root.resolve("ops/java-opts.env"),
                ServiceProcess.OPTIONS + "="
                        + String.join(" ", ServiceProcess.javaOptions(REPOSITORY, ServiceProcess.OPTIONS, null))
                        + " -XX:TieredStopAtLevel=1"
                        + "\n" + ServiceProcess.JAVA25_OPTIONS + "=-XX:+IgnoreUnrecognizedVMOptions "
                        + String.join(" ", ServiceProcess.javaOptions(REPOSITORY, ServiceProcess.JAVA25_OPTIONS, null))
                        + "\n");
        byte[] jar = fakeServiceJar();
        for (ServiceProcess.Service service : services) {
            Path app = packaged(root.resolve(service.module()), jar, ServiceProcess.portVariable(service));
            start.prepare(app);
        }

        // Not the launcher's, though it looks like its services in every way: in the repository, naming it (with
        // the launcher's marker even) on its command line, the same start. The pid file will name it too, as if
        // the system had given its pid to it after a service of the killed run had ended: only the start time
        // tells it apart. The next start must leave it alone.
        int strangerPort = free[9];
        Path strangerApp = packaged(root.resolve("stranger"), jar, "STRANGER_PORT");
        ProcessBuilder strangerBuilder = new ProcessBuilder(
                        Launcher.java(),
                        "-Dlimber.launcher.home=" + root,
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        strangerApp.resolve("quarkus-run.jar").toString())
                .directory(strangerApp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        strangerBuilder.environment().put("STRANGER_PORT", String.valueOf(strangerPort));
        Process stranger = strangerBuilder.start();
        processes.add(stranger);
        long strangerPid = answer(strangerPort, Duration.ofSeconds(60));
        assertThat(strangerPid).isEqualTo(stranger.pid());
        // The services' start times must differ from the stranger's (by more than a clock tick and the clock's
        // corrections PidFile allows for).
        Instant strangerStart = stranger.info().startInstant().orElseThrow();
        Thread.sleep(Math.max(
                0,
                Duration.between(Instant.now(), strangerStart.plusMillis(1500)).toMillis()));

        StandIn first = launch(ports);
        first.awaitReady();
        List<String> recorded = Files.readAllLines(pidFile());
        List<Long> leftovers = recorded.stream().map(KilledLauncherTest::pid).toList();
        pids.addAll(leftovers);
        assertThat(leftovers).as("the pid file of the first run").hasSize(services.size());
        for (long leftover : leftovers) {
            String commandLine = ProcessHandle.of(leftover)
                    .flatMap(p -> p.info().commandLine())
                    .orElseThrow();
            assertThat(commandLine).as("a service started %s", start).contains(start.option, "-jar quarkus-run.jar");
        }

        first.process.destroyForcibly(); // kill -9
        assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(leftovers)
                .as("the services outlive the killed launcher")
                .allMatch(
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThatCode(ports::checkFree)
                .as("the killed run's services hold its ports")
                .hasMessageContaining("is in use");
        // The stranger's pid, recorded with a service's start time (whatever the file's format).
        Files.writeString(
                pidFile(),
                recorded.get(0).replaceFirst("^\\d+", String.valueOf(strangerPid)) + "\n",
                StandardOpenOption.APPEND);

        StandIn next = launch(ports);
        next.awaitReady();
        Set<Long> stopped = new HashSet<>();
        for (String line : next.output) {
            Matcher matcher = STOPPING.matcher(line);
            if (matcher.find()) {
                stopped.add(Long.parseLong(matcher.group(1)));
            }
        }
        assertThat(stopped).as("the processes the next start ended").containsExactlyInAnyOrderElementsOf(leftovers);
        assertThat(leftovers)
                .as("the killed run's services are gone")
                .noneMatch(
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(stranger.isAlive()).as("the stranger is alive").isTrue();
        assertThat(answer(strangerPort, Duration.ofSeconds(5))).isEqualTo(strangerPid);
        for (ServiceProcess.Service service : services) {
            long pid = answer(service.port(), Duration.ofSeconds(5));
            pids.add(pid);
            assertThat(pid)
                    .as("%s answers on port %d from a process of the next run", service.module(), service.port())
                    .isNotIn(leftovers);
        }

        next.process.destroy(); // Ctrl-C
        assertThat(next.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(pidFile()).doesNotExist();
    }

    private Path pidFile() {
        return root.resolve(".local/run/pids");
    }

    private static long pid(String line) {
        return Long.parseLong(line.trim().split("\\s+")[0]);
    }

    /** A service's folder with its target/quarkus-app: the fake quarkus-run.jar and the name of its port's variable. */
    static Path packaged(Path module, byte[] jar, String portVariable) throws IOException {
        Path app = Files.createDirectories(module.resolve("target/quarkus-app"));
        Files.write(app.resolve("quarkus-run.jar"), jar);
        Files.writeString(app.resolve("port.variable"), portVariable + "\n");
        return app;
    }

    /** A jar of {@link FakeService} alone, its main class. */
    static byte[] fakeServiceJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest);
                InputStream type = FakeService.class.getResourceAsStream("FakeService.class")) {
            jar.putNextEntry(new JarEntry(entry));
            type.transferTo(jar);
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** The pid a {@link FakeService} answers with on {@code port}, once it answers. */
    private long answer(int port, Duration within) {
        return await("an answer on port " + port)
                .atMost(within)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(
                        () -> {
                            HttpResponse<String> response = http.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                            .timeout(Duration.ofSeconds(3))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            return response.statusCode() == 200 ? Long.parseLong(response.body()) : null;
                        },
                        pid -> pid != null);
    }

    /** A {@link LauncherStandIn} on {@code ports}, its output collected (and echoed). */
    private StandIn launch(Ports ports) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Launcher.java(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                LauncherStandIn.class.getName(),
                root.toString()));
        for (int port : new int[] {
            ports.postgres(),
            ports.kafka(),
            ports.kafkaController(),
            ports.keycloak(),
            ports.keycloakManagement(),
            ports.catalog(),
            ports.routine(),
            ports.progress(),
            ports.console(),
            ports.memberApp(),
            ports.engagement(),
            ports.smtp(),
            ports.imap()
        }) {
            command.add(String.valueOf(port));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.remove(ServiceProcess.OPTIONS);
        environment.remove(ServiceProcess.JAVA25_OPTIONS);
        Process process = builder.start();
        processes.add(process);
        return new StandIn(process);
    }

    private static final class StandIn {

        final Process process;
        final List<String> output = new CopyOnWriteArrayList<>();

        StandIn(Process process) {
            this.process = process;
            Thread echo = new Thread(() -> {
                try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        System.out.println("  launcher " + process.pid() + " | " + line);
                        output.add(line);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            echo.setDaemon(true);
            echo.start();
        }

        void awaitReady() {
            await("the launcher " + process.pid() + " ready")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> output.contains("READY") || !process.isAlive());
            assertThat(output)
                    .as("the launcher's output (it exited: %s)", !process.isAlive())
                    .contains("READY");
        }
    }

    /** {@code n} distinct free ports (held together while they are found). */
    static int[] freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
