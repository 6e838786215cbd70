package org.limber.common.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes an event into the outbox in the caller's transaction: it is relayed to Kafka only if
 * that transaction commits, and is kept until the broker has acknowledged it.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final ObjectMapper mapper;
    private final Event<OutboxWritten> written;

    public Outbox(OutboxRepository repository, ObjectMapper mapper, Event<OutboxWritten> written) {
        this.repository = repository;
        this.mapper = mapper;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, String key, String type, UUID eventId, Instant occurredAt, Object event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = eventId;
        row.topic = topic;
        row.key = key;
        row.type = type;
        row.occurredAt = occurredAt;
        row.createdAt = Instant.now();
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + type + " cannot be written as JSON", e);
        }
        repository.persist(row);
        written.fire(new OutboxWritten(topic));
    }
}
