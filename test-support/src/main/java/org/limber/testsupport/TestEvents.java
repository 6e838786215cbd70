package org.limber.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events to the test broker exactly as the services' outbox relay does (CloudEvents headers). */
public final class TestEvents {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    /** One event to send: where, its key, its CloudEvents type and id, and its payload (an event record, or raw text). */
    public record Outgoing(String topic, String key, String type, UUID id, Object payload) {}

    private TestEvents() {}

    /** The settings of a producer to the test broker that waits for every replica. */
    public static Properties producerProperties() {
        Properties props = new Properties();
        props.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.broker().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return props;
    }

    public static void send(List<Outgoing> events) {
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(producerProperties(), new StringSerializer(), new StringSerializer())) {
            for (Outgoing event : events) {
                producer.send(record(event));
            }
            producer.flush();
        }
    }

    public static ProducerRecord<String, String> record(Outgoing event) {
        String value;
        try {
            value = event.payload() instanceof String raw ? raw : JSON.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), value);
        headers(event).forEach(record.headers()::add);
        return record;
    }

    /** The CloudEvents headers the outbox relay sends with an event (no {@code ce_type} when it has none). */
    static RecordHeaders headers(Outgoing event) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", event.id().toString());
        if (event.type() != null) {
            add(headers, "ce_type", event.type());
        }
        add(headers, "ce_source", "urn:limber:test");
        if (event.key() != null) {
            add(headers, "ce_subject", event.key());
        }
        add(headers, "content-type", "application/json");
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
