package org.limber.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

import org.limber.common.paging.Page;
import org.limber.common.privacy.MemberDataEraser;
import org.limber.common.sql.SqlFailure;
import org.limber.events.audit.MemberDataAccessed;

/**
 * The access log (table {@code access_log}, append-only by its trigger): each {@link MemberDataAccessed}
 * once by its event id; read back per member and for admins with filters, the actor's name from
 * {@code staff_name}; pseudonymized at erasure; purged after the retention.
 */
@ApplicationScoped
public class AccessLogRepository implements MemberDataEraser {

    /** One entry; {@code actorName} null when progress has not seen the actor's name. */
    public record Entry(
            String memberRef,
            Instant accessedAt,
            String actorId,
            String actorName,
            String actorRole,
            String operation,
            String resource,
            String service,
            String client) {}

    /** Filters of the admin's view; each null when not given; {@code from} inclusive, {@code to} exclusive. */
    public record Filter(String memberRef, String actorId, Instant from, Instant to) {}

    private static final String INSERT =
            "insert into access_log (event_id, member_ref, actor_id, actor_role, operation,"
                    + " resource, service, client, accessed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (event_id) do nothing";
    private static final String WHERE = " where (?::text is null or a.member_ref = ?)"
            + " and (?::text is null or a.actor_id = ?)"
            + " and (?::timestamptz is null or a.accessed_at >= ?)"
            + " and (?::timestamptz is null or a.accessed_at < ?)";
    private static final String PAGE = "select a.member_ref, a.accessed_at, a.actor_id, s.name as actor_name,"
            + " a.actor_role, a.operation, a.resource, a.service, a.client"
            + " from access_log a left join staff_name s on s.actor_id = a.actor_id" + WHERE
            + " order by a.accessed_at desc, a.id desc limit ? offset ?";
    private static final String COUNT = "select count(*) from access_log a" + WHERE;
    private static final String PSEUDONYMIZE = "update access_log set member_ref = ? where member_ref = ?";
    private static final String ALLOW_PURGE = "select set_config('limber.access_log_purge', 'on', true)";
    private static final String PURGE = "delete from access_log where accessed_at < ?";
    private static final String REMEMBER_NAME = "insert into staff_name (actor_id, name, updated_at) values (?, ?, ?)"
            + " on conflict (actor_id) do update set name = excluded.name, updated_at = excluded.updated_at"
            + " where staff_name.name is distinct from excluded.name";

    private final AgroalDataSource dataSource;

    public AccessLogRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the entry, about {@code memberRef} (the member's id, or pseudonym once erased), unless its event id is stored already; true when new. */
    public boolean record(MemberDataAccessed e, String memberRef) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(INSERT)) {
            q.setObject(1, e.eventId());
            q.setString(2, memberRef);
            q.setString(3, e.actorId());
            q.setString(4, e.actorRole());
            q.setString(5, e.operation());
            q.setString(6, e.resource());
            q.setString(7, e.service());
            q.setString(8, e.client());
            q.setTimestamp(9, Timestamp.from(e.occurredAt()));
            return q.executeUpdate() == 1;
        } catch (SQLException ex) {
            throw new SqlFailure(ex);
        }
    }

    /**
     * Replaces a member's id by their pseudonym in every entry (at erasure: the entries outlive the member, the id
     * does not); returns how many entries changed. The one update the table's trigger allows.
     */
    @Transactional
    public int pseudonymize(String memberId, String pseudonym) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(PSEUDONYMIZE)) {
            q.setString(1, pseudonym);
            q.setString(2, memberId);
            return q.executeUpdate();
        } catch (SQLException ex) {
            throw new SqlFailure(ex);
        }
    }

    /** An erasure's part here: the member's entries stay, under the pseudonym. */
    @Override
    public Map<String, Integer> erase(String memberId, String pseudonym) {
        return Map.of("access_log", pseudonymize(memberId, pseudonym));
    }

    /** Deletes the entries older than {@code cutoff} (the retention purge, the one delete the trigger allows). */
    @Transactional
    public int purgeBefore(Instant cutoff) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement allow = db.prepareStatement(ALLOW_PURGE);
                PreparedStatement q = db.prepareStatement(PURGE)) {
            allow.executeQuery().close();
            q.setTimestamp(1, Timestamp.from(cutoff));
            return q.executeUpdate();
        } catch (SQLException ex) {
            throw new SqlFailure(ex);
        }
    }

    /** Entries matching the filter, newest first. */
    public Page<Entry> page(Filter filter, int page, int size) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(PAGE);
                PreparedStatement count = db.prepareStatement(COUNT)) {
            bind(q, filter);
            q.setInt(9, size);
            q.setLong(10, (long) page * size);
            List<Entry> items = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    items.add(new Entry(
                            r.getString("member_ref"),
                            Rows.instant(r, "accessed_at"),
                            r.getString("actor_id"),
                            r.getString("actor_name"),
                            r.getString("actor_role"),
                            r.getString("operation"),
                            r.getString("resource"),
                            r.getString("service"),
                            r.getString("client")));
                }
            }
            bind(count, filter);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return new Page<>(items, page, size, r.getLong(1));
            }
        } catch (SQLException ex) {
            throw new SqlFailure(ex);
        }
    }

    /** Remembers a clinician's or admin's name (written only when it changed). */
    public void rememberName(String actorId, String name, Instant at) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(REMEMBER_NAME)) {
            q.setString(1, actorId);
            q.setString(2, name);
            q.setTimestamp(3, Timestamp.from(at));
            q.executeUpdate();
        } catch (SQLException ex) {
            throw new SqlFailure(ex);
        }
    }

    private static void bind(PreparedStatement q, Filter f) throws SQLException {
        q.setString(1, f.memberRef());
        q.setString(2, f.memberRef());
        q.setString(3, f.actorId());
        q.setString(4, f.actorId());
        setInstant(q, 5, f.from());
        setInstant(q, 6, f.from());
        setInstant(q, 7, f.to());
        setInstant(q, 8, f.to());
    }

    private static void setInstant(PreparedStatement q, int index, Instant at) throws SQLException {
        if (at == null) {
            q.setNull(index, Types.TIMESTAMP);
        } else {
            q.setTimestamp(index, Timestamp.from(at));
        }
    }
}
