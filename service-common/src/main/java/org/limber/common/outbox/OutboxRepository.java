package org.limber.common.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import org.limber.common.sql.AdvisoryLocks;
import org.limber.common.sql.SqlArrays;

/**
 * The relay's SQL on {@code outbox_event} and {@code outbox_dead_letter}. Every method works on
 * the connection it is given: the relay holds one connection, outside any transaction, for the
 * length of a run, so that its session-level lock spans reading, sending and marking.
 */
@ApplicationScoped
public class OutboxRepository {

    /** Any number works, as long as it is the same for every instance of a service. */
    private static final long RELAY_LOCK = 0x0b7b0c5L;

    /** The relay's own figures: events waiting and when the oldest of them was written. */
    public record Backlog(long count, Instant oldestCreatedAt) {}

    /**
     * Takes the relay lock for this connection's session, so that one instance relays at a time
     * and events leave in the order they were written. Released by {@link #releaseRelayLock} or
     * when the connection closes.
     */
    public boolean tryRelayLock(Connection db) throws SQLException {
        return AdvisoryLocks.tryLockForSession(db, RELAY_LOCK);
    }

    public void releaseRelayLock(Connection db) throws SQLException {
        AdvisoryLocks.unlock(db, RELAY_LOCK);
    }

    /** The oldest events not yet published, in the order they were written. */
    public List<OutboxEvent> nextBatch(Connection db, int size) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select id, event_id, topic, message_key, event_type, payload, occurred_at, created_at, attempts, trace_parent
                from outbox_event where published_at is null order by id limit ?""")) {
            query.setInt(1, size);
            try (ResultSet rows = query.executeQuery()) {
                List<OutboxEvent> batch = new ArrayList<>(size);
                while (rows.next()) {
                    OutboxEvent event = new OutboxEvent();
                    event.id = rows.getLong("id");
                    event.eventId = rows.getObject("event_id", UUID.class);
                    event.topic = rows.getString("topic");
                    event.key = rows.getString("message_key");
                    event.type = rows.getString("event_type");
                    event.payload = rows.getString("payload");
                    event.occurredAt = rows.getTimestamp("occurred_at").toInstant();
                    event.createdAt = rows.getTimestamp("created_at").toInstant();
                    event.attempts = rows.getInt("attempts");
                    event.traceParent = rows.getString("trace_parent");
                    batch.add(event);
                }
                return batch;
            }
        }
    }

    /** Marks these events published (one more attempt each, no error), in one statement. */
    public void markPublished(Connection db, List<Long> ids, Instant publishedAt) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = db.prepareStatement(
                "update outbox_event set published_at = ?, attempts = attempts + 1, last_error = null where id = any(?)")) {
            update.setTimestamp(1, Timestamp.from(publishedAt));
            SqlArrays.bind(update, 2, "bigint", ids);
            update.executeUpdate();
        }
    }

    /** Notes a failed attempt on an event that stays in the outbox. */
    public void markFailed(Connection db, long id, String error) throws SQLException {
        try (PreparedStatement update =
                db.prepareStatement("update outbox_event set attempts = attempts + 1, last_error = ? where id = ?")) {
            update.setString(1, error);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** Moves an event that can never be sent into the dead-letter table, in one statement. */
    public void park(Connection db, long id, String reason) throws SQLException {
        try (PreparedStatement move = db.prepareStatement("""
                with parked as (delete from outbox_event where id = ? returning *)
                insert into outbox_dead_letter (id, event_id, topic, message_key, event_type, payload, occurred_at, created_at,
                                                trace_parent, reason)
                select id, event_id, topic, message_key, event_type, payload, occurred_at, created_at, trace_parent, ?
                from parked""")) {
            move.setLong(1, id);
            move.setString(2, reason);
            move.executeUpdate();
        }
    }

    public Backlog backlog(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                        "select count(*), min(created_at) from outbox_event where published_at is null");
                ResultSet row = query.executeQuery()) {
            row.next();
            Timestamp oldest = row.getTimestamp(2);
            return new Backlog(row.getLong(1), oldest == null ? null : oldest.toInstant());
        }
    }

    public int deletePublishedBefore(Connection db, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = db.prepareStatement("delete from outbox_event where published_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        }
    }
}
