package org.limber.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** The local Kafka broker, KRaft mode, one combined broker and controller, plaintext on loopback. */
final class KafkaProcess {

    private KafkaProcess() {}

    /** Writes the server's settings, formats its storage on the first start, and starts it. */
    static ManagedProcess start(Path root, Path local, Ports ports) {
        Path dir = local.resolve("kafka");
        Path data = dir.resolve("data");
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@127.0.0.1:" + ports.kafkaController());
        config.setProperty(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + ports.kafka() + ",CONTROLLER://127.0.0.1:" + ports.kafkaController());
        config.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + ports.kafka());
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.setProperty("log.dirs", data.toString());
        config.setProperty("num.partitions", "3");
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("offsets.topic.num.partitions", "6");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        config.setProperty("auto.create.topics.enable", "true");
        Path file = dir.resolve("server.properties");
        try {
            Files.createDirectories(dir);
            try (var writer = Files.newBufferedWriter(file)) {
                config.store(writer, "Written by the Limber launcher on every start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classpath = root.resolve("launcher/target/lib").toString() + "/*";
        Path log = local.resolve("logs/kafka.log");
        if (!Files.isRegularFile(data.resolve("meta.properties"))) {
            ManagedProcess format = ManagedProcess.start(
                    "kafka-format",
                    List.of(
                            Launcher.java(),
                            "-cp",
                            classpath,
                            "kafka.tools.StorageTool",
                            "format",
                            "-t",
                            Uuid.randomUuid().toString(),
                            "-c",
                            file.toString()),
                    Map.of(),
                    root,
                    log);
            awaitExit(format, Duration.ofMinutes(1));
        }
        return ManagedProcess.start(
                "kafka",
                List.of(
                        Launcher.java(),
                        "-Xms128m",
                        "-Xmx512m",
                        "-XX:+UseSerialGC",
                        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                        "-cp",
                        classpath,
                        "kafka.Kafka",
                        file.toString()),
                Map.of(),
                root,
                log);
    }

    static boolean ready(Ports ports) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "localhost:" + ports.kafka(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitExit(ManagedProcess process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.alive() && Instant.now().isBefore(deadline)) {
            Launcher.sleep(200);
        }
        if (process.alive()) {
            process.stop(Duration.ofSeconds(5));
            throw new IllegalStateException(process.name() + " did not finish");
        }
    }
}
