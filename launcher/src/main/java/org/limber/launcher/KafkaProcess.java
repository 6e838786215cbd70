package org.limber.launcher;

import java.nio.file.Path;
import java.util.Map;

import org.limber.kafka.LocalKafkaBroker;

/**
 * The local Kafka broker (local-kafka's {@link LocalKafkaBroker}: KRaft, one combined broker and
 * controller, plaintext on loopback), its data kept in {@code .local/kafka}, run on the launcher's
 * class path.
 */
final class KafkaProcess {

    private KafkaProcess() {}

    /** Writes the server's settings, formats its storage on the first start, and starts it. */
    static ManagedProcess start(Path root, Path local, Ports ports) {
        LocalKafkaBroker kafka = new LocalKafkaBroker(
                local.resolve("kafka"),
                ports.kafka(),
                ports.kafkaController(),
                root.resolve("launcher/target/lib") + "/*");
        Path log = local.resolve("logs/kafka.log");
        kafka.prepare(log);
        return ManagedProcess.start("kafka", root, kafka.command(), Map.of(), root, log);
    }

    static boolean ready(Ports ports) {
        return LocalKafkaBroker.ready("localhost:" + ports.kafka());
    }
}
