package org.limber.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.limber.common.paging.Page;
import org.limber.common.sql.SqlFailure;
import org.limber.progress.domain.Alert;

import static org.limber.progress.repository.Rows.instant;
import static org.limber.progress.repository.Rows.strings;

/** The reads of alerts: a clinician's, triage, one alert, and the open ones counted by kind. */
@ApplicationScoped
public class AlertReader {

    private static final String ALERT =
            "select a.id, a.member_id, a.kind, a.severity, a.status, a.reason, a.raised_at, a.acknowledged_by,"
                    + " a.acknowledged_at, a.acknowledge_note, a.resolved_by, a.resolved_at, a.resolve_note, p.clinician_id, a.details,"
                    + " a.occurrences, a.last_occurred_at, a.reopened_at"
                    + " from alert a left join member_profile p on p.member_id = a.member_id";

    private final AgroalDataSource dataSource;

    public AlertReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Page<Alert> alerts(String clinicianId, String status, String kind, int page, int size) {
        String where = " where p.clinician_id = ? and (? is null or a.status = ?) and (? is null or a.kind = ?)";
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(ALERT + where
                        + " order by a.severity_rank desc, a.last_occurred_at desc, a.id limit ? offset ?");
                PreparedStatement count = db.prepareStatement(
                        "select count(*) from alert a left join member_profile p on p.member_id = a.member_id"
                                + where)) {
            for (PreparedStatement s : List.of(q, count)) {
                s.setString(1, clinicianId);
                s.setString(2, status);
                s.setString(3, status);
                s.setString(4, kind);
                s.setString(5, kind);
            }
            q.setInt(6, size);
            q.setLong(7, (long) page * size);
            List<Alert> rows = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(alert(r));
                }
            }
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return new Page<>(rows, page, size, r.getLong(1));
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /**
     * Triage: the unresolved alerts of at least {@code minSeverityRank} of members without a
     * clinician, most severe first, then oldest first.
     */
    public Page<Alert> triage(int minSeverityRank, int page, int size) {
        String where = " where a.status <> 'RESOLVED' and a.severity_rank >= ? and p.clinician_id is null";
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(
                        ALERT + where + " order by a.severity_rank desc, a.raised_at, a.id limit ? offset ?");
                PreparedStatement count = db.prepareStatement(
                        "select count(*) from alert a left join member_profile p on p.member_id = a.member_id"
                                + where)) {
            q.setInt(1, minSeverityRank);
            q.setInt(2, size);
            q.setLong(3, (long) page * size);
            count.setInt(1, minSeverityRank);
            List<Alert> rows = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(alert(r));
                }
            }
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return new Page<>(rows, page, size, r.getLong(1));
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    public Optional<Alert> alert(UUID id) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(ALERT + " where a.id = ?")) {
            q.setObject(1, id);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(alert(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** The number of open alerts (not acknowledged, not resolved) of each kind that has any. */
    public Map<String, Long> openAlertsByKind() {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(
                        "select kind, count(*) as open from alert where status = 'OPEN' group by kind");
                ResultSet r = q.executeQuery()) {
            Map<String, Long> counts = new HashMap<>();
            while (r.next()) {
                counts.put(r.getString("kind"), r.getLong("open"));
            }
            return counts;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private static Alert alert(ResultSet r) throws SQLException {
        return new Alert(
                r.getObject("id", UUID.class),
                r.getString("member_id"),
                r.getString("kind"),
                r.getString("severity"),
                r.getString("status"),
                r.getString("reason"),
                strings(r, "details"),
                instant(r, "raised_at"),
                r.getString("acknowledged_by"),
                instant(r, "acknowledged_at"),
                r.getString("acknowledge_note"),
                r.getString("resolved_by"),
                instant(r, "resolved_at"),
                r.getString("resolve_note"),
                r.getString("clinician_id"),
                r.getInt("occurrences"),
                instant(r, "last_occurred_at"),
                instant(r, "reopened_at"));
    }
}
