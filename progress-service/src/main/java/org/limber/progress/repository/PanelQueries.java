package org.limber.progress.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.limber.common.sql.SqlArrays;
import org.limber.common.sql.SqlFailure;
import org.limber.progress.repository.ProgressReader.PanelRow;

/**
 * The panel read for a page of members chosen elsewhere (routine-service's directory search by name),
 * and a clinician's day: each in one statement, whatever the size of the panel.
 */
@ApplicationScoped
public class PanelQueries {

    /** Counts of a clinician's day: members with a session today and this week, and awaiting a review. */
    public record DayCounts(long panelSize, long activeToday, long activeThisWeek, long awaitingReview) {}

    /** The worst pain reported in a session (the highest of before, during and after). */
    public record WorstPain(String memberId, int pain, Instant performedAt) {}

    /** A member whose plan waits for a clinician's review (suspended, or referred), and since when. */
    public record Waiting(String memberId, String planStatus, Instant since) {}

    private static final String ROWS = "select p.member_id, p.baseline_pain, l.latest_pain, l.last_activity,"
            + " p.plan_start, a.open_alerts, coalesce(a.worst, 0) as worst, " + ProgressReader.PLAN_STATUS
            + " as plan_status, " + QuestionnaireStore.STARTBACK_RISK + " from member_profile p"
            + " left join lateral (select s.pain_before as latest_pain, s.performed_at as last_activity"
            + " from session_fact s where s.member_id = p.member_id order by s.performed_at desc limit 1) l on true"
            + " left join lateral (select array_agg(a.kind || ':' || a.severity order by a.severity_rank desc,"
            + " a.kind) as open_alerts, max(a.severity_rank) as worst from alert a"
            + " where a.member_id = p.member_id and a.status <> 'RESOLVED') a on true"
            + " where p.clinician_id = ? and p.member_id = any(?)";

    private static final String DAY = "select count(*) as panel_size,"
            + " count(*) filter (where t.today) as active_today,"
            + " count(*) filter (where t.week) as active_week,"
            + " count(*) filter (where (" + ProgressReader.PLAN_STATUS + ") in ('SUSPENDED', 'REFERRED'))"
            + " as awaiting_review from member_profile p"
            + " left join lateral (select bool_or(s.performed_at >= ?) as today, count(*) > 0 as week"
            + " from session_fact s where s.member_id = p.member_id and s.performed_at >= ?) t on true"
            + " where p.clinician_id = ?";

    private static final String WORST = "select s.member_id, greatest(s.pain_before, s.pain_during, s.pain_after)"
            + " as pain, s.performed_at from member_profile p join session_fact s on s.member_id = p.member_id"
            + " where p.clinician_id = ? and s.performed_at >= ? and s.performed_at < ?"
            + " order by pain desc, s.performed_at desc limit 1";

    private static final String WAITING = "select * from (select p.member_id, " + ProgressReader.PLAN_STATUS
            + " as plan_status, coalesce(p.suspended_at, p.referred_at) as since from member_profile p"
            + " where p.clinician_id = ?) w where w.plan_status in ('SUSPENDED', 'REFERRED')"
            + " order by w.since nulls last, w.member_id limit ?";

    private final AgroalDataSource dataSource;

    public PanelQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The panel rows of those of {@code memberIds} on the clinician's panel (the others are left out). */
    public List<PanelRow> rows(String clinicianId, Collection<String> memberIds) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(ROWS)) {
            q.setString(1, clinicianId);
            SqlArrays.bind(q, 2, "text", memberIds);
            List<PanelRow> rows = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(new PanelRow(
                            r.getString("member_id"),
                            integer(r, "baseline_pain"),
                            integer(r, "latest_pain"),
                            instant(r, "last_activity"),
                            date(r, "plan_start"),
                            strings(r, "open_alerts"),
                            r.getInt("worst"),
                            r.getString("plan_status"),
                            r.getString("startback_risk")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** The day's counts; {@code dayStart} and {@code weekStart} are the first instants of the day and week. */
    public DayCounts day(String clinicianId, Instant dayStart, Instant weekStart) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(DAY)) {
            q.setTimestamp(1, Timestamp.from(dayStart));
            q.setTimestamp(2, Timestamp.from(weekStart));
            q.setString(3, clinicianId);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return new DayCounts(
                        r.getLong("panel_size"),
                        r.getLong("active_today"),
                        r.getLong("active_week"),
                        r.getLong("awaiting_review"));
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** The worst pain a member of the panel reported in a session from {@code from} until {@code to}; null: none. */
    public WorstPain worstPain(String clinicianId, Instant from, Instant to) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(WORST)) {
            q.setString(1, clinicianId);
            q.setTimestamp(2, Timestamp.from(from));
            q.setTimestamp(3, Timestamp.from(to));
            try (ResultSet r = q.executeQuery()) {
                return r.next()
                        ? new WorstPain(r.getString("member_id"), r.getInt("pain"), instant(r, "performed_at"))
                        : null;
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** The members of the panel waiting longest for a review first, at most {@code limit}. */
    public List<Waiting> waiting(String clinicianId, int limit) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(WAITING)) {
            q.setString(1, clinicianId);
            q.setInt(2, limit);
            List<Waiting> rows = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(new Waiting(r.getString("member_id"), r.getString("plan_status"), instant(r, "since")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(ResultSet r, String column) throws SQLException {
        Date d = r.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Integer integer(ResultSet r, String column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value;
    }

    private static List<String> strings(ResultSet r, String column) throws SQLException {
        Array array = r.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
