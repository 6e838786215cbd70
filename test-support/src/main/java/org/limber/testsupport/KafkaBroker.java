package org.limber.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import kafka.server.BrokerServer;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import org.limber.kafka.LocalKafkaBroker;

/**
 * A real Kafka broker in KRaft mode (one combined broker and controller node), run in
 * process with Kafka's own test kit, or ({@link #startInOwnProcess(Path)}) in a JVM of its own as
 * in production, where its network, log writes and garbage collection take nothing from the test's
 * JVM. Its listener port survives {@link #stopBroker()} and {@link #startBroker()}, so clients
 * reconnect to the same address.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final OwnProcess process;

    private KafkaBroker(KafkaClusterTestKit cluster, OwnProcess process) {
        this.cluster = cluster;
        this.process = process;
    }

    public static KafkaBroker start(Path baseDir) {
        return start(baseDir, new TestKitNodes.Builder(), Map.of());
    }

    /**
     * A broker configured as a deployment is: {@code settings} are server properties (listeners
     * and their security protocols, SASL mechanisms and logins, the authorizer, super users), and
     * override the test defaults. Every listener of {@code listener.security.protocol.map} listens
     * on a free port of localhost; {@code clientListener} is the one {@link #bootstrapServers()}
     * names, {@link #bootstrapServers(String)} gives the others.
     */
    public static KafkaBroker start(Path baseDir, Map<String, String> settings, String clientListener) {
        Map<String, SecurityProtocol> protocols = new LinkedHashMap<>();
        for (String entry : settings.get("listener.security.protocol.map").split(",")) {
            String[] nameAndProtocol = entry.trim().split(":");
            protocols.put(nameAndProtocol[0], SecurityProtocol.forName(nameAndProtocol[1]));
        }
        String controller = settings.get("controller.listener.names");
        TestKitNodes.Builder nodes = new TestKitNodes.Builder()
                .setBrokerListenerName(new ListenerName(clientListener))
                .setBrokerSecurityProtocol(protocols.get(clientListener))
                .setControllerListenerName(new ListenerName(controller))
                .setControllerSecurityProtocol(protocols.get(controller));
        Map<String, String> config = new LinkedHashMap<>(settings);
        config.put(
                "listeners",
                protocols.keySet().stream().map(name -> name + "://localhost:0").collect(Collectors.joining(",")));
        return start(baseDir, nodes, config);
    }

    private static KafkaBroker start(Path baseDir, TestKitNodes.Builder nodeSettings, Map<String, String> settings) {
        try {
            Files.createDirectories(baseDir);
            TestKitNodes nodes = nodeSettings
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(baseDir)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
            LocalKafkaBroker.SINGLE_NODE.forEach(builder::setConfigProp);
            settings.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaBroker(cluster, null);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not start in " + baseDir, e);
        }
    }

    /**
     * A broker in a JVM of its own (local-kafka's {@link LocalKafkaBroker} on this JVM's class path,
     * free ports of loopback), as the launcher runs it; its output goes to {@code kafka.log} in
     * {@code baseDir}. {@link #close()} stops it; so does the end of this JVM.
     */
    public static KafkaBroker startInOwnProcess(Path baseDir) {
        try {
            Files.createDirectories(baseDir);
            OwnProcess process = new OwnProcess(baseDir, PackagedService.freePort(), PackagedService.freePort());
            process.start();
            return new KafkaBroker(null, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker did not start in " + baseDir, e);
        }
    }

    public String bootstrapServers() {
        return process != null ? process.bootstrapServers() : cluster.bootstrapServers();
    }

    /** The address of the broker's listener {@code listener} (for a broker started with settings). */
    public String bootstrapServers(String listener) {
        if (process != null) {
            throw new UnsupportedOperationException("a broker in its own process has one listener");
        }
        return "localhost:" + brokers().iterator().next().boundPort(new ListenerName(listener));
    }

    /**
     * Stops the broker, as when Kafka is down for a while (in process the controller keeps running;
     * a broker in its own process stops altogether).
     */
    public void stopBroker() {
        if (process != null) {
            process.stop();
            return;
        }
        brokers().forEach(BrokerServer::shutdown);
        brokers().forEach(BrokerServer::awaitShutdown);
    }

    /** Starts the stopped broker again on the same port and waits until it serves requests. */
    public void startBroker() {
        if (process != null) {
            process.start();
            return;
        }
        brokers().forEach(BrokerServer::startup);
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not come back", e);
        }
    }

    private Collection<BrokerServer> brokers() {
        return cluster.brokers().values();
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop();
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not stop cleanly", e);
        }
    }

    /** local-kafka's broker in a child JVM on this one's class path: storage formatted once, started and stopped. */
    private static final class OwnProcess {

        private static final Duration READY = Duration.ofMinutes(2);

        private final Path dir;
        private final LocalKafkaBroker broker;
        private final Path log;
        private volatile Process process;

        OwnProcess(Path dir, int port, int controllerPort) {
            this.dir = dir;
            this.broker = new LocalKafkaBroker(dir, port, controllerPort, System.getProperty("java.class.path"));
            this.log = dir.resolve("kafka.log");
            broker.prepare(log);
            // A test JVM that ends without closing its broker (killed, or a fork that timed out) takes it along.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Process running = process;
                if (running != null) {
                    running.destroyForcibly();
                }
            }));
        }

        String bootstrapServers() {
            return broker.bootstrapServers();
        }

        synchronized void start() {
            try {
                process = new ProcessBuilder(broker.command())
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the Kafka broker", e);
            }
            Instant deadline = Instant.now().plus(READY);
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                if (LocalKafkaBroker.ready(bootstrapServers())) {
                    return;
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("interrupted while waiting for the Kafka broker");
                }
            }
            stop();
            throw new IllegalStateException("Kafka broker did not start within " + READY + "; see " + log);
        }

        /** SIGTERM (Kafka shuts down cleanly), then SIGKILL after 30 s. */
        synchronized void stop() {
            if (process == null) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }
}
