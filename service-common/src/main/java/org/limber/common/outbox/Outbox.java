package org.limber.common.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.limber.common.sql.SqlArrays;

/**
 * Writes an event into the outbox in the caller's transaction: it is relayed to Kafka only if
 * that transaction commits, and is kept until the broker has acknowledged it. Ids come from the
 * sequence at insert time (never from a block reserved in advance by one instance), so that with
 * several instances one member's events, written under that member's lock, are relayed in the
 * order they were written.
 */
@ApplicationScoped
public class Outbox {

    private static final String WRITTEN = Outbox.class.getName() + ".written";

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Event<OutboxWritten> written;
    private final TransactionSynchronizationRegistry transaction;

    public Outbox(
            DataSource dataSource,
            ObjectMapper mapper,
            Event<OutboxWritten> written,
            TransactionSynchronizationRegistry transaction) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.written = written;
        this.transaction = transaction;
    }

    /** One event for {@link #addAll}. */
    public record Entry(String topic, String key, String type, UUID eventId, Instant occurredAt, Object event) {}

    private static final String INSERT_ALL = """
            insert into outbox_event (id, event_id, topic, message_key, event_type, payload, occurred_at, created_at, attempts,
                                      trace_parent)
            select nextval('outbox_event_seq'), event_id, topic, message_key, event_type, payload, occurred_at, now(), 0, ?
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[]) with ordinality
                as t(event_id, topic, message_key, event_type, payload, occurred_at, n)
            order by n
            """;

    /** Writes one event, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, String key, String type, UUID eventId, Instant occurredAt, Object event) {
        addAll(List.of(new Entry(topic, key, type, eventId, occurredAt, event)));
    }

    /** Writes many events with one statement (in the order given), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        Timestamp[] occurred = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            Entry entry = entries.get(i);
            ids[i] = entry.eventId();
            topics[i] = entry.topic();
            keys[i] = entry.key();
            types[i] = entry.type();
            occurred[i] = Timestamp.from(entry.occurredAt());
            try {
                payloads[i] = mapper.writeValueAsString(entry.event());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("event " + entry.type() + " cannot be written as JSON", e);
            }
        }
        // The data source hands out the transaction's own connection (the one Hibernate uses too).
        try (Connection db = dataSource.getConnection();
                PreparedStatement insert = db.prepareStatement(INSERT_ALL)) {
            insert.setString(1, TraceContext.currentTraceParent());
            Object[][] columns = {ids, topics, keys, types, payloads, occurred};
            String[] sqlTypes = {"uuid", "text", "text", "text", "text", "timestamptz"};
            SqlArrays.bindColumns(insert, 2, sqlTypes, columns);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox insert failed", e);
        }
        wakeRelay(entries.get(0).topic());
    }

    /** One wake-up of the relay per transaction, however many events it writes. */
    private void wakeRelay(String topic) {
        if (transaction.getResource(WRITTEN) == null) {
            transaction.putResource(WRITTEN, Boolean.TRUE);
            written.fire(new OutboxWritten(topic));
        }
    }
}
