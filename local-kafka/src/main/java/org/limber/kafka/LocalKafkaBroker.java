package org.limber.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker in KRaft mode (one combined broker and controller, plaintext on
 * loopback) in a JVM of its own: its settings file, its storage formatted once, and the command line
 * that runs it. The one definition behind the local launcher's broker ({@code ./run}) and
 * test-support's broker in its own process; the caller starts the command and owns the process.
 *
 * @param dir where its settings ({@code server.properties}) and data ({@code data/}) live
 * @param port its client listener on 127.0.0.1 (advertised as localhost)
 * @param controllerPort its controller listener on 127.0.0.1
 * @param classPath what its JVM (this JVM's java) runs on: must hold the Kafka server, {@code kafka_2.13}
 */
public record LocalKafkaBroker(Path dir, int port, int controllerPort, String classPath) {

    /**
     * The settings of every single-node broker here, whichever way it runs (test-support's in-JVM test
     * kit broker takes these too): one replica of everything, topics created on first use with three
     * partitions, consumer groups that start at once.
     */
    public static final Map<String, String> SINGLE_NODE = Map.of(
            "auto.create.topics.enable", "true",
            "num.partitions", "3",
            "offsets.topic.replication.factor", "1",
            // Default 50: with one broker more partitions only mean more files and a slower first start.
            "offsets.topic.num.partitions", "3",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0",
            // Default 15 s: compacted topics (catalog.exercises) are cleaned soon after a segment rolls.
            "log.cleaner.backoff.ms", "1000");

    /**
     * The broker's JVM: a heap that grows to 512 MB, the serial collector (one GC thread and no G1
     * remembered sets on a small machine; the records live in the page cache, not the heap).
     */
    private static final List<String> BROKER_JVM = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC");

    /**
     * Every JVM here (format and broker): {@code java.util.logging} goes to JBoss LogManager, since on
     * the launcher's and the tests' class paths SLF4J, which Kafka logs through, is bound to it.
     */
    private static final String LOG_MANAGER = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager";

    private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The server's settings: {@link #SINGLE_NODE}, the node's roles and listeners, its data folder. */
    public Properties settings() {
        Properties settings = new Properties();
        settings.putAll(SINGLE_NODE);
        settings.setProperty("process.roles", "broker,controller");
        settings.setProperty("node.id", "1");
        settings.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        settings.setProperty(
                "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.setProperty("advertised.listeners", "PLAINTEXT://" + bootstrapServers());
        settings.setProperty("controller.listener.names", "CONTROLLER");
        settings.setProperty("inter.broker.listener.name", "PLAINTEXT");
        settings.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.setProperty("log.dirs", data().toString());
        // One broker: the share-group state topic cannot have the default three replicas.
        settings.setProperty("share.coordinator.state.topic.replication.factor", "1");
        settings.setProperty("share.coordinator.state.topic.min.isr", "1");
        return settings;
    }

    /**
     * Writes the settings file (on every start, so changed ports take effect) and formats the storage
     * when it is not formatted yet (a new cluster id; an existing one keeps its topics), the format's
     * output appended to {@code log}.
     */
    public void prepare(Path log) {
        try {
            Files.createDirectories(dir);
            Files.createDirectories(log.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(config())) {
                settings().store(out, "A single-node local Kafka broker (local-kafka), written on every start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + config(), e);
        }
        if (!Files.isRegularFile(data().resolve("meta.properties"))) {
            format(log);
        }
    }

    /** The command line that runs the broker (after {@link #prepare(Path)}); it stops cleanly on SIGTERM. */
    public List<String> command() {
        return java(BROKER_JVM, "kafka.Kafka", config().toString());
    }

    /** Whether a broker at {@code bootstrapServers} answers with its nodes (within about 3 s). */
    public static boolean ready(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get().isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private void format(Path log) {
        List<String> command = java(
                List.of(),
                "kafka.tools.StorageTool",
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                config().toString());
        try {
            Process format = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            format.getOutputStream().close();
            boolean done = format.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!done || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("Kafka's storage in " + data() + " was not formatted; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not format Kafka's storage in " + data(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka's storage", e);
        }
    }

    private Path config() {
        return dir.resolve("server.properties");
    }

    private Path data() {
        return dir.resolve("data");
    }

    /** This JVM's java (the broker runs on its caller's JDK) on the class path, running {@code mainClass}. */
    private List<String> java(List<String> options, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of(LOG_MANAGER, "-cp", classPath, mainClass));
        command.addAll(List.of(arguments));
        return command;
    }
}
