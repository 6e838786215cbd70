package org.limber.engagement.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Web Push subscriptions of members and staff, one row per browser endpoint. */
@ApplicationScoped
public class SubscriptionStore {

    /** One subscription: where to send, and the browser's keys to encrypt for. */
    public record Subscription(String endpoint, String userId, String p256dh, String auth) {}

    private final DataSource dataSource;

    public SubscriptionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores a subscription; true when it is new. An endpoint already known is taken over by the caller with
     * the keys given (a browser that re-subscribes keeps its endpoint).
     */
    @Transactional
    public boolean save(Subscription s, Instant now) {
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement upsert = db.prepareStatement("""
                        insert into push_subscription (endpoint, user_id, p256dh, auth, created_at) values (?, ?, ?, ?, ?)
                        on conflict (endpoint) do update set user_id = excluded.user_id, p256dh = excluded.p256dh,
                            auth = excluded.auth
                        returning (xmax = 0) as created
                        """)) {
            upsert.setString(1, s.endpoint());
            upsert.setString(2, s.userId());
            upsert.setString(3, s.p256dh());
            upsert.setString(4, s.auth());
            upsert.setTimestamp(5, Rows.timestamp(now));
            try (ResultSet r = upsert.executeQuery()) {
                r.next();
                return r.getBoolean("created");
            }
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }

    /** Removes the caller's subscription of that endpoint, if any. */
    @Transactional
    public void delete(String userId, String endpoint) {
        execute("delete from push_subscription where endpoint = ? and user_id = ?", endpoint, userId);
    }

    /** Removes a subscription the push service no longer knows (404 or 410). */
    @Transactional
    public void gone(String endpoint) {
        execute("delete from push_subscription where endpoint = ?", endpoint);
    }

    public List<Subscription> of(Collection<String> userIds) {
        List<Subscription> found = new ArrayList<>();
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement select = db.prepareStatement(
                        "select * from push_subscription where user_id = any(?) order by user_id, endpoint")) {
            select.setArray(1, db.createArrayOf("text", userIds.toArray()));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    found.add(new Subscription(
                            r.getString("endpoint"),
                            r.getString("user_id"),
                            r.getString("p256dh"),
                            r.getString("auth")));
                }
            }
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
        return found;
    }

    private void execute(String sql, String... values) {
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }
}
