package org.limber.common.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes an event into the outbox in the caller's transaction: it is relayed to Kafka only if
 * that transaction commits, and is kept until the broker has acknowledged it.
 */
@ApplicationScoped
public class Outbox {

    private static final String WRITTEN = Outbox.class.getName() + ".written";

    private final OutboxRepository repository;
    private final ObjectMapper mapper;
    private final Event<OutboxWritten> written;
    private final TransactionSynchronizationRegistry transaction;

    public Outbox(OutboxRepository repository, ObjectMapper mapper, Event<OutboxWritten> written,
            TransactionSynchronizationRegistry transaction) {
        this.repository = repository;
        this.mapper = mapper;
        this.written = written;
        this.transaction = transaction;
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
        row.traceParent = TraceContext.currentTraceParent();
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + type + " cannot be written as JSON", e);
        }
        repository.persist(row);
        // One wake-up of the relay per transaction, however many events it writes.
        if (transaction.getResource(WRITTEN) == null) {
            transaction.putResource(WRITTEN, Boolean.TRUE);
            written.fire(new OutboxWritten(topic));
        }
    }
}
