package org.limber.engagement.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The deliveries waiting to go out (outbox-like): written in the transaction that decided them, claimed by
 * any instance with {@code FOR UPDATE SKIP LOCKED}, which at once moves their next attempt a lease ahead and
 * counts the attempt, so that a crashed sender's deliveries come due again after the lease and no two senders
 * take the same row. A failure is retried with back-off; a delivery never waits for another member's.
 */
@ApplicationScoped
public class DeliveryStore {

    /** A delivery to write. */
    public record NewDelivery(String userId, String channel, String target, String kind, String title, String body) {}

    /** A claimed delivery, with the subscription's keys for a push (null when the subscription is gone). */
    public record Claimed(
            long id,
            String userId,
            String channel,
            String target,
            String kind,
            String title,
            String body,
            int attempts,
            Instant createdAt,
            String p256dh,
            String auth) {}

    private final DataSource dataSource;

    public DeliveryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(List<NewDelivery> deliveries, Instant now) {
        if (deliveries.isEmpty()) {
            return;
        }
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement insert = db.prepareStatement("""
                        insert into delivery (user_id, channel, target, kind, title, body, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)) {
            for (NewDelivery d : deliveries) {
                insert.setString(1, d.userId());
                insert.setString(2, d.channel());
                insert.setString(3, d.target());
                insert.setString(4, d.kind());
                insert.setString(5, d.title());
                insert.setString(6, d.body());
                insert.setTimestamp(7, Rows.timestamp(now));
                insert.setTimestamp(8, Rows.timestamp(now));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }

    /** Claims up to {@code limit} due deliveries, their next attempt moved {@code lease} ahead. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claimed> claim(Instant now, int limit, Duration lease) {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement claim = db.prepareStatement("""
                        with due as (
                            select id from delivery where status = 'PENDING' and next_attempt_at <= ?
                            order by next_attempt_at limit ? for update skip locked)
                        update delivery d set attempts = d.attempts + 1, next_attempt_at = ?
                        from due where d.id = due.id
                        returning d.*, (select s.p256dh from push_subscription s where s.endpoint = d.target
                                        and d.channel = 'PUSH') as p256dh,
                                  (select s.auth from push_subscription s where s.endpoint = d.target
                                        and d.channel = 'PUSH') as auth
                        """)) {
            claim.setTimestamp(1, Rows.timestamp(now));
            claim.setInt(2, limit);
            claim.setTimestamp(3, Rows.timestamp(now.plus(lease)));
            try (ResultSet r = claim.executeQuery()) {
                while (r.next()) {
                    claimed.add(new Claimed(
                            r.getLong("id"),
                            r.getString("user_id"),
                            r.getString("channel"),
                            r.getString("target"),
                            r.getString("kind"),
                            r.getString("title"),
                            r.getString("body"),
                            r.getInt("attempts"),
                            Rows.instant(r, "created_at"),
                            r.getString("p256dh"),
                            r.getString("auth")));
                }
            }
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
        return claimed;
    }

    /** An outcome of one claimed delivery. */
    public record Outcome(long id, String status, Instant nextAttemptAt, String error, Instant at) {}

    /** Records the outcomes of a round of sending, in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement update = db.prepareStatement("""
                        update delivery set status = ?, next_attempt_at = coalesce(?, next_attempt_at),
                            last_error = ?, sent_at = case when ? = 'SENT' then ? else sent_at end
                        where id = ?
                        """)) {
            for (Outcome o : outcomes) {
                update.setString(1, o.status());
                update.setTimestamp(2, Rows.timestamp(o.nextAttemptAt()));
                update.setString(3, o.error());
                update.setString(4, o.status());
                update.setTimestamp(5, Rows.timestamp(o.at()));
                update.setLong(6, o.id());
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }
}
