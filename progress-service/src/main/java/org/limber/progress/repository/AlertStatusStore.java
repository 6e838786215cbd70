package org.limber.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.limber.common.sql.SqlArrays;
import org.limber.common.sql.SqlFailure;
import org.limber.progress.domain.AlertAccess;
import org.limber.progress.domain.AlertStatusChange;
import org.limber.progress.domain.Inactivity;

/**
 * The status changes of alerts: a clinician's acknowledgement or resolution, and the inactivity a new
 * session ends (decided by {@link Inactivity}), inside the caller's transaction.
 */
@ApplicationScoped
public class AlertStatusStore {

    /**
     * Who may act, as {@link AlertAccess#mayAct} decides, checked in the update itself (parameters: the
     * clinician, the triage's least severity rank), so that an alert whose member moved to another panel, or
     * that left triage, between the caller's check and the update is left alone: the member's clinician now
     * is the caller or, when the member has none ({@code null = ?} is null), the alert is severe enough.
     */
    private static final String MAY_ACT = """
              and coalesce((select p.clinician_id from member_profile p where p.member_id = a.member_id) = ?,
                           a.severity_rank >= ?)
            """;

    private static final String ACKNOWLEDGE = """
            update alert a set status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = now(), acknowledge_note = ?
            where a.id = ? and a.status = 'OPEN'
            """ + MAY_ACT + " returning a.member_id, a.acknowledged_at";

    private static final String RESOLVE = """
            update alert a set status = 'RESOLVED', resolved_by = ?, resolved_at = now(), resolve_note = ?
            where a.id = ? and a.status <> 'RESOLVED'
            """ + MAY_ACT + " returning a.member_id, a.resolved_at";

    /** The unresolved INACTIVE alerts of the members, locked in member order (a clinician's update waits for them). */
    private static final String OPEN_INACTIVITY = """
            select a.id, a.member_id, a.inactive_since from alert a
            where a.member_id = any(?) and a.kind = 'INACTIVE' and a.status <> 'RESOLVED'
            order by a.member_id
            for update
            """;

    private static final String END_INACTIVITY = """
            update alert set status = 'RESOLVED', resolved_by = 'system', resolved_at = now(),
                             resolve_note = 'a session was logged'
            where id = any(?) and status <> 'RESOLVED'
            returning id, member_id, resolved_at
            """;

    private final AgroalDataSource dataSource;

    public AlertStatusStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Moves an open alert the clinician may act on to acknowledged; empty if it was not open, or they may not. */
    public Optional<AlertStatusChange> acknowledge(UUID id, String clinicianId, String note) {
        return update(ACKNOWLEDGE, id, clinicianId, note);
    }

    /** Resolves an open or acknowledged alert the clinician may act on; empty if it was resolved already, or they may not. */
    public Optional<AlertStatusChange> resolve(UUID id, String clinicianId, String note) {
        return update(RESOLVE, id, clinicianId, note);
    }

    private Optional<AlertStatusChange> update(String sql, UUID id, String clinicianId, String note) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, clinicianId);
            statement.setString(2, note);
            statement.setObject(3, id);
            statement.setString(4, clinicianId);
            statement.setInt(5, AlertAccess.TRIAGE_MIN_SEVERITY.rank);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next()
                        ? Optional.of(new AlertStatusChange(
                                id,
                                rows.getString(1),
                                clinicianId,
                                rows.getTimestamp(2).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** The unresolved INACTIVE alerts of the members, locked until the transaction ends. */
    public List<Inactivity.Open> openInactivity(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(OPEN_INACTIVITY)) {
            SqlArrays.bind(statement, 1, "text", memberIds);
            List<Inactivity.Open> open = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    open.add(new Inactivity.Open(
                            rows.getObject("id", UUID.class),
                            rows.getString("member_id"),
                            Rows.date(rows, "inactive_since")));
                }
            }
            return open;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Resolves the given alerts, by the system: a session ended the inactivity; returns those it resolved. */
    public List<AlertStatusChange> endInactivity(List<UUID> alertIds) {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(END_INACTIVITY)) {
            SqlArrays.bind(statement, 1, "uuid", alertIds);
            List<AlertStatusChange> resolved = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    resolved.add(new AlertStatusChange(
                            rows.getObject(1, UUID.class),
                            rows.getString(2),
                            null,
                            rows.getTimestamp(3).toInstant()));
                }
            }
            return resolved;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }
}
