package org.limber.engagement.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** URGENT and EMERGENCY alerts with their escalation state, and the escalations made. */
@ApplicationScoped
public class AlertStore {

    /** An alert as escalation needs it. */
    public record Alert(
            UUID alertId,
            String memberId,
            String clinicianId,
            String severity,
            String state,
            int level,
            Instant nextAt) {}

    /** One escalation step. */
    public record Step(UUID alertId, int level, Instant at, String notified, int recipients, List<String> channels) {}

    private final DataSource dataSource;

    public AlertStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens the alert (again, when it was acknowledged and reopened) at level 0. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(Alert a, Instant raisedAt) {
        execute(
                """
                insert into alert (alert_id, member_id, clinician_id, severity, raised_at, state, level, next_escalation_at)
                values (?, ?, ?, ?, ?, 'OPEN', 0, ?)
                on conflict (alert_id) do update set state = 'OPEN', level = 0, clinician_id = excluded.clinician_id,
                    severity = excluded.severity, next_escalation_at = excluded.next_escalation_at
                """,
                a.alertId(),
                a.memberId(),
                a.clinicianId(),
                a.severity(),
                Rows.timestamp(raisedAt),
                Rows.timestamp(a.nextAt()));
    }

    /** Stops the escalation of an alert (acknowledged or resolved). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stop(UUID alertId, String state) {
        execute("update alert set state = ?, next_escalation_at = null where alert_id = ?", state, alertId);
    }

    public Optional<Alert> find(UUID alertId) {
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement select = db.prepareStatement("select * from alert where alert_id = ?")) {
            select.setObject(1, alertId);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? Optional.of(alert(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }

    /** Claims open alerts whose next escalation is due, locked until the caller's transaction ends. */
    public List<Alert> claimDue(Connection db, Instant now, int limit) throws SQLException {
        List<Alert> due = new ArrayList<>();
        try (PreparedStatement claim = db.prepareStatement("""
                select * from alert where state = 'OPEN' and next_escalation_at <= ?
                order by next_escalation_at limit ? for update skip locked
                """)) {
            claim.setTimestamp(1, Rows.timestamp(now));
            claim.setInt(2, limit);
            try (ResultSet r = claim.executeQuery()) {
                while (r.next()) {
                    due.add(alert(r));
                }
            }
        }
        return due;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void escalated(UUID alertId, int level, Instant nextAt) {
        execute(
                "update alert set level = ?, next_escalation_at = ? where alert_id = ?",
                level,
                Rows.timestamp(nextAt),
                alertId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void addStep(Step s) {
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement insert = db.prepareStatement("""
                        insert into escalation (alert_id, level, at, notified, recipients, channels)
                        values (?, ?, ?, ?, ?, ?)
                        """)) {
            insert.setObject(1, s.alertId());
            insert.setInt(2, s.level());
            insert.setTimestamp(3, Rows.timestamp(s.at()));
            insert.setString(4, s.notified());
            insert.setInt(5, s.recipients());
            insert.setArray(6, db.createArrayOf("text", s.channels().toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }

    public List<Step> steps(UUID alertId) {
        return steps("select * from escalation where alert_id = ? order by at, id", alertId);
    }

    /** The escalations of a member's alerts, newest first, at most {@code limit}. */
    public List<Step> stepsOfMember(String memberId, int limit) {
        return steps("""
                select e.* from escalation e join alert a on a.alert_id = e.alert_id
                where a.member_id = ? order by e.at desc, e.id desc limit ?
                """, memberId, limit);
    }

    private List<Step> steps(String sql, Object... values) {
        List<Step> steps = new ArrayList<>();
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 1, values[i]);
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    steps.add(new Step(
                            r.getObject("alert_id", UUID.class),
                            r.getInt("level"),
                            Rows.instant(r, "at"),
                            r.getString("notified"),
                            r.getInt("recipients"),
                            Rows.strings(r, "channels")));
                }
            }
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
        return steps;
    }

    private static Alert alert(ResultSet r) throws SQLException {
        return new Alert(
                r.getObject("alert_id", UUID.class),
                r.getString("member_id"),
                r.getString("clinician_id"),
                r.getString("severity"),
                r.getString("state"),
                r.getInt("level"),
                Rows.instant(r, "next_escalation_at"));
    }

    private void execute(String sql, Object... values) {
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
