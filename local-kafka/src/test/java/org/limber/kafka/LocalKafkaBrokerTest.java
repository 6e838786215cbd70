package org.limber.kafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A real broker from {@link LocalKafkaBroker}'s settings and command line, in a JVM of its own. */
class LocalKafkaBrokerTest {

    /** The clients' connection attempts while the broker starts: errors only (kept, so the level holds). */
    private static final Logger CLIENTS = Logger.getLogger("org.apache.kafka");

    static {
        CLIENTS.setLevel(Level.SEVERE);
    }

    @TempDir
    Path dir;

    @Test
    void formatsOnceThenRunsABrokerWithTheSingleNodeSettings() throws Exception {
        LocalKafkaBroker kafka =
                new LocalKafkaBroker(dir, freePort(), freePort(), System.getProperty("java.class.path"));
        Path log = dir.resolve("kafka.log");
        kafka.prepare(log);
        Path meta = dir.resolve("data/meta.properties");
        String formatted = Files.readString(meta);
        kafka.prepare(log);
        assertThat(Files.readString(meta))
                .as("the second start keeps the cluster")
                .isEqualTo(formatted);

        Process broker = new ProcessBuilder(kafka.command())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        boolean stopped;
        try {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> LocalKafkaBroker.ready(kafka.bootstrapServers()) || !broker.isAlive());
            assertThat(broker.isAlive()).as("broker alive; see %s", log).isTrue();

            // A topic is created on first use, with the settings' partitions.
            Map<String, Object> producer = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            try (KafkaProducer<String, String> client = new KafkaProducer<>(producer)) {
                client.send(new ProducerRecord<>("local-kafka-check", "key", "value"))
                        .get(1, TimeUnit.MINUTES);
            }
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                var topic = admin.describeTopics(List.of("local-kafka-check"))
                        .allTopicNames()
                        .get(1, TimeUnit.MINUTES)
                        .get("local-kafka-check");
                assertThat(topic.partitions()).hasSize(3);
            }
        } finally {
            broker.destroy();
            stopped = broker.waitFor(30, TimeUnit.SECONDS);
            if (!stopped) {
                broker.destroyForcibly();
            }
        }
        assertThat(stopped).as("it stops on SIGTERM; see %s", log).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
