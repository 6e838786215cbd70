package org.limber.engagement.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What engagement-service knows of a member from routine's events: the plan (highest version wins), whether it
 * is suspended (highest sequence wins), the clinician (highest sequence wins) and the sessions logged.
 */
@ApplicationScoped
public class MemberStore {

    /** A member's plan as reminders need it. */
    public record Plan(String memberId, int planVersion, int sessionsPerWeek, boolean suspended, String clinicianId) {

        public boolean hasPlan() {
            return planVersion > 0;
        }
    }

    private final DataSource dataSource;

    public MemberStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(String memberId, int planVersion, int sessionsPerWeek, Instant now) {
        update("""
                insert into member_plan (member_id, plan_version, sessions_per_week, updated_at) values (?, ?, ?, ?)
                on conflict (member_id) do update set plan_version = excluded.plan_version,
                    sessions_per_week = excluded.sessions_per_week, updated_at = excluded.updated_at
                where member_plan.plan_version < excluded.plan_version
                """, memberId, planVersion, sessionsPerWeek, Rows.timestamp(now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void status(String memberId, boolean suspended, long sequence, Instant now) {
        update("""
                insert into member_plan (member_id, suspended, status_sequence, updated_at) values (?, ?, ?, ?)
                on conflict (member_id) do update set suspended = excluded.suspended,
                    status_sequence = excluded.status_sequence, updated_at = excluded.updated_at
                where member_plan.status_sequence < excluded.status_sequence
                """, memberId, suspended, sequence, Rows.timestamp(now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void careTeam(String memberId, String clinicianId, long sequence, Instant now) {
        update("""
                insert into member_plan (member_id, clinician_id, care_sequence, updated_at) values (?, ?, ?, ?)
                on conflict (member_id) do update set clinician_id = excluded.clinician_id,
                    care_sequence = excluded.care_sequence, updated_at = excluded.updated_at
                where member_plan.care_sequence < excluded.care_sequence
                """, memberId, clinicianId, sequence, Rows.timestamp(now));
    }

    /** The clinician from an alert, only while no assignment was seen (an assignment's sequence orders it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clinicianIfUnknown(String memberId, String clinicianId, Instant now) {
        update("""
                insert into member_plan (member_id, clinician_id, updated_at) values (?, ?, ?)
                on conflict (member_id) do update set clinician_id = excluded.clinician_id
                where member_plan.care_sequence = 0 and member_plan.clinician_id is null
                """, memberId, clinicianId, Rows.timestamp(now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void session(String memberId, UUID sessionId, Instant performedAt) {
        update(
                "insert into member_session (member_id, session_id, performed_at) values (?, ?, ?) on conflict do nothing",
                memberId,
                sessionId,
                Rows.timestamp(performedAt));
    }

    public Optional<Plan> find(String memberId) {
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement select = db.prepareStatement("select * from member_plan where member_id = ?")) {
            select.setString(1, memberId);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? Optional.of(plan(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }

    /** The plans of many members, by member id. */
    public Map<String, Plan> find(Connection db, List<String> memberIds) throws SQLException {
        Map<String, Plan> plans = new HashMap<>();
        try (PreparedStatement select = db.prepareStatement("select * from member_plan where member_id = any(?)")) {
            select.setArray(1, db.createArrayOf("text", memberIds.toArray()));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    Plan plan = plan(r);
                    plans.put(plan.memberId(), plan);
                }
            }
        }
        return plans;
    }

    /** When each of the members logged sessions since {@code since}. */
    public Map<String, List<Instant>> sessionsSince(Connection db, List<String> memberIds, Instant since)
            throws SQLException {
        Map<String, List<Instant>> sessions = new HashMap<>();
        try (PreparedStatement select = db.prepareStatement(
                "select member_id, performed_at from member_session where member_id = any(?) and performed_at >= ?")) {
            select.setArray(1, db.createArrayOf("text", memberIds.toArray()));
            select.setTimestamp(2, Rows.timestamp(since));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    sessions.computeIfAbsent(r.getString("member_id"), k -> new ArrayList<>())
                            .add(Rows.instant(r, "performed_at"));
                }
            }
        }
        return sessions;
    }

    private static Plan plan(ResultSet r) throws SQLException {
        return new Plan(
                r.getString("member_id"),
                r.getInt("plan_version"),
                r.getInt("sessions_per_week"),
                r.getBoolean("suspended"),
                r.getString("clinician_id"));
    }

    private void update(String sql, Object... values) {
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }
}
