package org.limber.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A seeded stream of Kafka records for one consumer: valid events interleaved with malformed ones,
 * each malformed record something the consumer can never apply (random bytes, truncated or empty
 * JSON, a null value, a JSON value of the wrong shape, a field of the wrong type, a missing, wrong or
 * future schema version, no or an unknown {@code ce_type} header, a null key, and fields the test
 * names as out of bounds: huge strings, long lists, dates out of range). Every record carries a
 * {@value #RUN_HEADER} header, which the dead letters keep, so that {@link #awaitDeadLetters} can count
 * exactly this run's. Random from a seed that a failure names ({@code -Dfuzz.seed=...} repeats it).
 */
public final class RecordFuzzer {

    public static final String RUN_HEADER = "fuzz-run";

    /** What a run sent: its id, the valid events (each must be applied) and each bad record's mutation. */
    public record Sent(String run, long seed, List<TestEvents.Outgoing> valid, List<String> bad) {}

    /** A field of the event (a dotted path for a nested one) and a value the consumer must refuse there. */
    public record OutOfBounds(String field, Object value) {}

    private static final List<String> MUTATIONS = List.of(
            "random bytes",
            "truncated JSON",
            "empty value",
            "null value",
            "JSON array",
            "JSON string",
            "wrong field type",
            "no schema version",
            "future schema version",
            "schema version of the wrong type",
            "no ce_type header",
            "unknown ce_type",
            "out of bounds");

    private final long seed;
    private final Random random;

    public RecordFuzzer() {
        this.seed = Long.getLong("fuzz.seed", System.nanoTime());
        this.random = new Random(seed);
    }

    /**
     * Sends {@code count} records to the test broker, about half of them valid events from {@code valid},
     * the rest malformed copies of one, in one stream; {@code outOfBounds} lists values the consumer must
     * refuse (each used only where the event has the field).
     */
    public Sent send(int count, Supplier<TestEvents.Outgoing> valid, List<OutOfBounds> outOfBounds) {
        String run = UUID.randomUUID().toString();
        List<TestEvents.Outgoing> good = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        Properties props = TestEvents.producerProperties();
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_000_000);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                TestEvents.Outgoing event = valid.get();
                ProducerRecord<String, byte[]> record;
                if (random.nextBoolean()) {
                    good.add(event);
                    record = record(event, json(event.payload()), TestEvents.headers(event));
                } else {
                    String mutation = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
                    record = malformed(event, mutation, outOfBounds);
                    if (record == null) {
                        mutation = "truncated JSON";
                        record = malformed(event, mutation, outOfBounds);
                    }
                    bad.add(mutation);
                }
                record.headers().add(RUN_HEADER, run.getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
        return new Sent(run, seed, List.copyOf(good), List.copyOf(bad));
    }

    /**
     * Waits until every bad record of the run is on {@code deadLetterTopic}, each with a reason, then
     * for a quiet second more: exactly as many, no valid event among them. Returns them.
     */
    public static List<ConsumerRecord<String, String>> awaitDeadLetters(
            String deadLetterTopic, Sent sent, Duration timeout) {
        try (TopicReader reader = new TopicReader(deadLetterTopic)) {
            Instant deadline = Instant.now().plus(timeout);
            List<ConsumerRecord<String, String>> dead = List.of();
            while (Instant.now().isBefore(deadline)) {
                dead = reader.readFor(Duration.ofMillis(500)).stream()
                        .filter(r -> sent.run().equals(TopicReader.header(r, RUN_HEADER)))
                        .toList();
                if (dead.size() >= sent.bad().size()) {
                    break;
                }
            }
            dead = reader.readFor(Duration.ofSeconds(1)).stream()
                    .filter(r -> sent.run().equals(TopicReader.header(r, RUN_HEADER)))
                    .toList();
            if (dead.size() != sent.bad().size()) {
                throw new AssertionError("fuzzed records (seed " + sent.seed() + ", -Dfuzz.seed=" + sent.seed()
                        + " repeats it): " + sent.bad().size() + " malformed " + sent.bad() + ", " + dead.size()
                        + " dead letters on " + deadLetterTopic + " within " + timeout);
            }
            for (ConsumerRecord<String, String> record : dead) {
                String reason = TopicReader.header(record, "dead-letter-reason");
                if (reason == null || reason.isBlank()) {
                    throw new AssertionError("a dead letter without a reason (seed " + sent.seed() + ")");
                }
            }
            return dead;
        }
    }

    private ProducerRecord<String, byte[]> malformed(
            TestEvents.Outgoing event, String mutation, List<OutOfBounds> outOfBounds) {
        String key = random.nextInt(4) == 0 ? null : event.key();
        TestEvents.Outgoing keyed = new TestEvents.Outgoing(event.topic(), key, event.type(), event.id(), null);
        RecordHeaders headers = TestEvents.headers(keyed);
        ObjectNode body = TestEvents.JSON.valueToTree(event.payload());
        byte[] value = switch (mutation) {
            case "random bytes" -> randomBytes();
            case "truncated JSON" -> truncated(json(body));
            case "empty value" -> new byte[0];
            case "null value" -> null;
            case "JSON array" -> json(TestEvents.JSON.createArrayNode().add(body));
            case "JSON string" -> json(TestEvents.JSON.getNodeFactory().textNode(body.toString()));
            case "wrong field type" -> json(withWrongFieldType(body));
            case "no schema version" -> json(body.without("schemaVersion"));
            case "future schema version" -> json(body.put("schemaVersion", 1_000 + random.nextInt(1_000)));
            case "schema version of the wrong type" -> json(body.put("schemaVersion", "one"));
            case "no ce_type header" -> {
                headers.remove("ce_type");
                yield json(body);
            }
            case "unknown ce_type" -> {
                headers.remove("ce_type");
                headers.add("ce_type", "org.limber.fuzz.Unknown".getBytes(StandardCharsets.UTF_8));
                yield json(body);
            }
            case "out of bounds" -> outOfBounds(body, outOfBounds);
            default -> throw new IllegalArgumentException(mutation);
        };
        if (value == null && !mutation.equals("null value")) {
            return null;
        }
        return record(keyed, value, headers);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(2000)];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0xFF; // never the start of JSON
        return bytes;
    }

    private byte[] truncated(byte[] whole) {
        byte[] part = new byte[1 + random.nextInt(whole.length - 1)];
        System.arraycopy(whole, 0, part, 0, part.length);
        return part;
    }

    /** The body with one scalar field, chosen at random, an object instead. */
    private ObjectNode withWrongFieldType(ObjectNode body) {
        List<String> scalars = new ArrayList<>();
        body.fields().forEachRemaining(f -> {
            if (!f.getValue().isNull() && !f.getValue().isObject()) {
                scalars.add(f.getKey());
            }
        });
        body.set(
                scalars.get(random.nextInt(scalars.size())),
                TestEvents.JSON.createObjectNode().put("unexpected", 1));
        return body;
    }

    /** The body with one of its fields, chosen at random, out of its bounds; null when it has none of them. */
    private byte[] outOfBounds(ObjectNode body, List<OutOfBounds> outOfBounds) {
        List<OutOfBounds> present = outOfBounds.stream()
                .filter(o -> !body.at(pointer(o.field())).isMissingNode())
                .toList();
        if (present.isEmpty()) {
            return null;
        }
        OutOfBounds chosen = present.get(random.nextInt(present.size()));
        String field = chosen.field();
        JsonNode parent = field.contains(".") ? body.at(pointer(field.substring(0, field.lastIndexOf('.')))) : body;
        ((ObjectNode) parent)
                .set(field.substring(field.lastIndexOf('.') + 1), TestEvents.JSON.valueToTree(chosen.value()));
        return json(body);
    }

    private static String pointer(String field) {
        return "/" + field.replace('.', '/');
    }

    private static ProducerRecord<String, byte[]> record(
            TestEvents.Outgoing event, byte[] value, RecordHeaders headers) {
        return new ProducerRecord<>(event.topic(), null, event.key(), value, headers);
    }

    private static byte[] json(Object value) {
        try {
            return TestEvents.JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
