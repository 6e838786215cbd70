package org.limber.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.limber.common.sql.SqlFailure;

/** The session facts the FHIR API serves as Observations: each session's pain, and each week's exercise. */
@ApplicationScoped
public class FhirReader {

    /** One session's pain ratings (0-10): before, the worst during, after. */
    public record SessionPain(UUID sessionId, Instant performedAt, int before, int during, int after) {}

    /**
     * One week (Monday to Sunday, UTC) with sessions: the days with a session, the sessions, and their minutes by the
     * plan each was done under (the plan's minutes a session; sessions are not timed).
     */
    public record WeekActivity(LocalDate weekStart, int days, int sessions, int minutes) {}

    private static final String SESSIONS = "select session_id, performed_at, pain_before, pain_during, pain_after"
            + " from session_fact where member_id = ? and performed_at >= ? and performed_at < ?"
            + " order by performed_at, session_id limit ?";
    private static final String WEEKS =
            "select date_trunc('week', s.performed_at at time zone 'UTC')::date as week_start,"
                    + " count(distinct (s.performed_at at time zone 'UTC')::date) as days, count(*) as sessions,"
                    + " sum(coalesce(d.minutes_per_session, 0)) as minutes"
                    + " from session_fact s left join plan_detail d"
                    + " on d.member_id = s.member_id and d.plan_version = s.plan_version"
                    + " where s.member_id = ? and s.performed_at >= ? and s.performed_at < ?"
                    + " group by 1 order by 1 limit ?";

    private final AgroalDataSource dataSource;

    public FhirReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The member's sessions done in [from, to), oldest first, at most {@code limit}. */
    public List<SessionPain> sessions(String memberId, Instant from, Instant to, int limit) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(SESSIONS)) {
            bind(q, memberId, from, to, limit);
            List<SessionPain> result = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    result.add(new SessionPain(
                            r.getObject("session_id", UUID.class),
                            r.getTimestamp("performed_at").toInstant(),
                            r.getInt("pain_before"),
                            r.getInt("pain_during"),
                            r.getInt("pain_after")));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** The member's weeks with a session done in [from, to), oldest first, at most {@code limit}. */
    public List<WeekActivity> weeks(String memberId, Instant from, Instant to, int limit) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(WEEKS)) {
            bind(q, memberId, from, to, limit);
            List<WeekActivity> result = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    result.add(new WeekActivity(
                            r.getDate("week_start").toLocalDate(),
                            r.getInt("days"),
                            r.getInt("sessions"),
                            r.getInt("minutes")));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private static void bind(PreparedStatement q, String memberId, Instant from, Instant to, int limit)
            throws SQLException {
        q.setString(1, memberId);
        q.setTimestamp(2, Timestamp.from(from));
        q.setTimestamp(3, Timestamp.from(to));
        q.setInt(4, limit);
    }
}
