package org.limber.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Reads a topic of the test broker from its beginning, for assertions on published events. */
public final class TopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicReader(String topic) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.broker().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /**
     * Polls until a record matching {@code wanted} has been seen, and returns it;
     * fails after {@code timeout}.
     */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> wanted, Duration timeout) {
        return polling("a record matching on " + topic)
                .atMost(timeout)
                .until(
                        () -> first(wanted).or(() -> {
                            poll();
                            return first(wanted);
                        }),
                        Optional::isPresent)
                .orElseThrow();
    }

    /**
     * Keeps polling for {@code window} and fails as soon as the records read so far fail {@code check}:
     * "nothing more arrives" (checked all along the window, not once at its end).
     */
    public void holdsFor(Duration window, Consumer<List<ConsumerRecord<String, String>>> check) {
        polling("records on " + topic + " passing the check for " + window)
                .during(window)
                .atMost(window.plus(POLL.multipliedBy(10)))
                .untilAsserted(() -> {
                    poll();
                    check.accept(List.copyOf(seen));
                });
    }

    /** Everything read so far, after polling for {@code quiet} more (for tests that collect a window's records). */
    public List<ConsumerRecord<String, String>> readFor(Duration quiet) {
        holdsFor(quiet, records -> {});
        return List.copyOf(seen);
    }

    /** Awaitility on this thread (a Kafka consumer belongs to one thread), polling as fast as the broker answers. */
    private static ConditionFactory polling(String what) {
        return Awaitility.await(what)
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10));
    }

    private void poll() {
        consumer.poll(POLL).forEach(seen::add);
    }

    private Optional<ConsumerRecord<String, String>> first(Predicate<ConsumerRecord<String, String>> wanted) {
        return seen.stream().filter(wanted).findFirst();
    }

    /** The value of a header as text, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
