package org.limber.progress.repository;

import java.sql.Connection;
import java.sql.Date;
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

import org.limber.common.paging.Page;
import org.limber.common.sql.SqlFailure;

import static org.limber.progress.repository.Rows.date;
import static org.limber.progress.repository.Rows.instant;
import static org.limber.progress.repository.Rows.integer;
import static org.limber.progress.repository.Rows.strings;

/** The reads of sessions: a member's sessions, and the facts the scheduled alert rules need. */
@ApplicationScoped
public class SessionReader {

    public record SessionRow(
            UUID sessionId,
            Instant performedAt,
            int planVersion,
            int painBefore,
            int painDuring,
            int painAfter,
            String effort,
            int skipped,
            int skippedForPain,
            List<String> redFlags) {}

    /** For the scheduled rules: a member with an active plan and their last two complete weeks. */
    public record ActivePlan(
            String memberId,
            Instant lastActivity,
            LocalDate planStart,
            LocalDate firstPlanStart,
            int sessionsPerWeek,
            int sessionsLastWeek,
            int sessionsWeekBefore) {}

    /** For the review point: a member with an active plan, their baseline, and the sessions done since a time. */
    public record ReviewPoint(
            String memberId, LocalDate firstPlanStart, Integer baselinePain, int sessions, int sumPainBefore) {}

    private final AgroalDataSource dataSource;

    public SessionReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Page<SessionRow> sessions(String memberId, int page, int size) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q =
                        db.prepareStatement("select session_id, performed_at, plan_version, pain_before, pain_during,"
                                + " pain_after, effort, skipped, skipped_for_pain, red_flags from session_fact where member_id = ?"
                                + " order by performed_at desc, session_id limit ? offset ?");
                PreparedStatement count =
                        db.prepareStatement("select count(*) from session_fact where member_id = ?")) {
            q.setString(1, memberId);
            q.setInt(2, size);
            q.setLong(3, (long) page * size);
            List<SessionRow> rows = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(new SessionRow(
                            r.getObject("session_id", UUID.class),
                            instant(r, "performed_at"),
                            r.getInt("plan_version"),
                            r.getInt("pain_before"),
                            r.getInt("pain_during"),
                            r.getInt("pain_after"),
                            r.getString("effort"),
                            r.getInt("skipped"),
                            r.getInt("skipped_for_pain"),
                            strings(r, "red_flags")));
                }
            }
            count.setString(1, memberId);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return new Page<>(rows, page, size, r.getLong(1));
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Members whose plan is ACTIVE (not suspended, not referred since it began), with their last two complete weeks. */
    public List<ActivePlan> activePlans(LocalDate lastWeek) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement("""
                select p.member_id, l.last_activity, p.plan_start, p.first_plan_start, p.sessions_per_week,
                       coalesce(w1.sessions, 0) as sessions_last_week, coalesce(w2.sessions, 0) as sessions_week_before
                from member_profile p
                left join lateral (select s.performed_at as last_activity from session_fact s where s.member_id = p.member_id
                                   order by s.performed_at desc limit 1) l on true
                left join weekly_stats w1 on w1.member_id = p.member_id and w1.week_start = ?
                left join weekly_stats w2 on w2.member_id = p.member_id and w2.week_start = ?
                where p.plan_version is not null and\s""" + ProgressReader.PLAN_STATUS + " = 'ACTIVE'")) {
            q.setDate(1, Date.valueOf(lastWeek));
            q.setDate(2, Date.valueOf(lastWeek.minusWeeks(1)));
            List<ActivePlan> result = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    result.add(new ActivePlan(
                            r.getString("member_id"),
                            instant(r, "last_activity"),
                            date(r, "plan_start"),
                            date(r, "first_plan_start"),
                            r.getInt("sessions_per_week"),
                            r.getInt("sessions_last_week"),
                            r.getInt("sessions_week_before")));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /**
     * Members whose plan is ACTIVE and whose first plan started from {@code firstFrom} to {@code firstTo} (both
     * included), with the sessions they did from {@code since} on and their pains before, summed.
     */
    public List<ReviewPoint> reviewPoint(LocalDate firstFrom, LocalDate firstTo, Instant since) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement("""
                select p.member_id, p.first_plan_start, p.baseline_pain, s.sessions, s.sum_pain_before
                from member_profile p
                cross join lateral (select count(*) as sessions, coalesce(sum(s.pain_before), 0) as sum_pain_before
                                    from session_fact s where s.member_id = p.member_id and s.performed_at >= ?) s
                where p.first_plan_start >= ? and p.first_plan_start <= ? and p.plan_version is not null
                  and\s""" + ProgressReader.PLAN_STATUS + " = 'ACTIVE'")) {
            q.setTimestamp(1, Timestamp.from(since));
            q.setDate(2, Date.valueOf(firstFrom));
            q.setDate(3, Date.valueOf(firstTo));
            List<ReviewPoint> result = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    result.add(new ReviewPoint(
                            r.getString("member_id"),
                            date(r, "first_plan_start"),
                            integer(r, "baseline_pain"),
                            r.getInt("sessions"),
                            r.getInt("sum_pain_before")));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }
}
