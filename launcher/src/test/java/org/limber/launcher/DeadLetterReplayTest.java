package org.limber.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.limber.testsupport.KafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The replay of a dead-letter topic into its source topic, against a real broker. */
class DeadLetterReplayTest {

    private static KafkaBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = KafkaBroker.start(Files.createTempDirectory(Path.of("target"), "kafka-replay"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic("source.events", 1, (short) 1),
                            new NewTopic("source.events.dlq", 1, (short) 1),
                            new NewTopic("other.events", 1, (short) 1)))
                    .all()
                    .get();
        }
        // Five dead letters, as a consumer's dead-letter strategy writes them.
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("ce_type", "ExerciseRetired".getBytes(StandardCharsets.UTF_8));
                headers.add("dead-letter-topic", "source.events".getBytes(StandardCharsets.UTF_8));
                headers.add("dead-letter-reason", "database unreachable".getBytes(StandardCharsets.UTF_8));
                headers.add("dead-letter-offset", String.valueOf(40 + i).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(
                                "source.events.dlq", null, "member-" + i, "{\"n\":" + i + "}", headers))
                        .get();
            }
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aRangeGoesBackToItsSourceTopicWithItsKeyValueAndOwnHeaders() throws Exception {
        int sent = DeadLetterReplay.replay(
                DeadLetterReplay.Options.parse(new String[] {
                    "--bootstrap",
                    broker.bootstrapServers(),
                    "--topic",
                    "source.events.dlq",
                    "--partition",
                    "0",
                    "--from-offset",
                    "1",
                    "--to-offset",
                    "2"
                }),
                quiet());
        assertThat(sent).isEqualTo(2);
        List<ConsumerRecord<String, String>> replayed = read("source.events", 2);
        assertThat(replayed).extracting(ConsumerRecord::key).containsExactly("member-1", "member-2");
        assertThat(replayed).extracting(ConsumerRecord::value).containsExactly("{\"n\":1}", "{\"n\":2}");
        ConsumerRecord<String, String> first = replayed.get(0);
        assertThat(new String(first.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("ExerciseRetired");
        assertThat(new String(first.headers().lastHeader("replayed-from").value(), StandardCharsets.UTF_8))
                .isEqualTo("source.events.dlq-0@1");
        assertThat(first.headers().lastHeader("dead-letter-reason")).isNull();
        assertThat(first.headers().lastHeader("dead-letter-topic")).isNull();
    }

    @Test
    void allOfThemGoToTheTopicNamedByTo() throws Exception {
        int sent = DeadLetterReplay.replay(
                DeadLetterReplay.Options.parse(new String[] {
                    "--bootstrap", broker.bootstrapServers(), "--topic", "source.events.dlq", "--to", "other.events"
                }),
                quiet());
        assertThat(sent).isEqualTo(5);
        assertThat(read("other.events", 5))
                .extracting(ConsumerRecord::key)
                .containsExactly("member-0", "member-1", "member-2", "member-3", "member-4");
    }

    @Test
    void badOptionsAreRefused() {
        assertThatThrownBy(() -> DeadLetterReplay.Options.parse(new String[] {"--topic", "x.dlq"}))
                .hasMessageContaining("--bootstrap");
        assertThatThrownBy(() -> DeadLetterReplay.Options.parse(
                        new String[] {"--bootstrap", "b", "--topic", "x", "--from-offset", "3"}))
                .hasMessageContaining("--partition");
        assertThatThrownBy(() -> DeadLetterReplay.Options.parse(new String[] {
                    "--bootstrap", "b", "--topic", "x", "--partition", "0", "--from-offset", "5", "--to-offset", "2"
                }))
                .hasMessageContaining("--to-offset");
        assertThatThrownBy(() -> DeadLetterReplay.Options.parse(
                        new String[] {"--bootstrap", "b", "--topic", "x", "--nope", "1"}))
                .hasMessageContaining("--nope");
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Everything in the topic, waiting until {@code expected} records are there. */
    private static List<ConsumerRecord<String, String>> read(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await(expected + " records in " + topic)
                    .atMost(Duration.ofSeconds(30))
                    .pollInSameThread()
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                        return records.size() >= expected;
                    });
            return records;
        }
    }
}
