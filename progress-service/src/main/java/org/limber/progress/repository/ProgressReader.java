package org.limber.progress.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.limber.common.paging.Page;
import org.limber.common.sql.SqlFailure;
import org.limber.progress.domain.Prescription;
import org.limber.progress.domain.WeekStats;

import static org.limber.progress.repository.Rows.date;
import static org.limber.progress.repository.Rows.instant;
import static org.limber.progress.repository.Rows.integer;
import static org.limber.progress.repository.Rows.strings;

/**
 * The reads of members' profiles and progress, and of a clinician's panel; each answers from indexed rows of one
 * member, or of one panel.
 */
@ApplicationScoped
public class ProgressReader {

    /** A member's profile row; {@code planStatus} as {@link #PLAN_STATUS} decides it. */
    public record Profile(
            String memberId,
            Integer planVersion,
            Integer sessionsPerWeek,
            Integer baselinePain,
            List<String> conditions,
            String clinicianId,
            LocalDate planStart,
            LocalDate firstPlanStart,
            Instant referredAt,
            Integer latestPain,
            Instant latestPainAt,
            Instant lastActivity,
            String planStatus) {}

    /**
     * What a member's progress is computed from, read by one statement: the profile, the sessions in the 14 days
     * from the first plan's start, the weekly sums from a week on (in no particular order), and every plan version's
     * prescription (by version).
     */
    public record ProgressFacts(
            Profile profile, int sessionsFirst14Days, List<WeekStats> weeks, List<Prescription> prescriptions) {}

    /** A member of a panel with what ranks them: open alerts (kind:severity), worst severity, pain against baseline. */
    public record PanelRow(
            String memberId,
            Integer baselinePain,
            Integer latestPain,
            Instant lastActivity,
            LocalDate planStart,
            List<String> openAlerts,
            int worstSeverityRank,
            String planStatus,
            String startBackRisk) {}

    /**
     * The status of the member {@code p}'s plan: SUSPENDED (by the highest PlanSuspended/PlanResumed
     * sequence); without a plan, REFERRED (a red flag at intake) or NO_PLAN (assigned, or in review,
     * before any plan); REFERRED also when a referral came after the plan in force began and neither
     * a resumption nor a new version followed (events from before suspensions existed); else ACTIVE.
     */
    public static final String PLAN_STATUS = """
            case when p.suspended then 'SUSPENDED'
                 when p.plan_version is null then case when p.referred_at is not null then 'REFERRED' else 'NO_PLAN' end
                 when p.referred_at > coalesce(p.plan_at, p.plan_start::timestamptz)
                      and (p.resumed_at is null or p.resumed_at < p.referred_at) then 'REFERRED'
                 else 'ACTIVE' end""";

    /**
     * The newest session of the member {@code p} (one index probe): its pain before, and when it was
     * done. The latest pain is that session's, so its time is that session's time; the last activity
     * is the newest session too (README "The figures"), so both name the same column here.
     */
    private static final String LATEST =
            " left join lateral (select s.pain_before as latest_pain, s.performed_at as last_activity"
                    + " from session_fact s where s.member_id = p.member_id order by s.performed_at desc limit 1) l on true";

    private static final String PROFILE_COLUMNS =
            "select p.member_id, p.plan_version, p.sessions_per_week, p.baseline_pain, p.conditions,"
                    + " p.clinician_id, p.plan_start, p.first_plan_start, p.referred_at, l.latest_pain, l.last_activity, "
                    + PLAN_STATUS + " as plan_status";

    private static final String PROFILE = PROFILE_COLUMNS + " from member_profile p" + LATEST;

    /**
     * A member's progress facts in one round trip (parameters: from week, member): the profile row joined with each
     * weekly sum from a week on (one row per week, or one row with null week columns when there is none); the sessions
     * in the first 14 days (from the first plan's start, midnight UTC) and the prescriptions (as arrays, in one pass
     * over the member's few plan versions) are computed once per profile, through the same indexes as before.
     */
    private static final String PROGRESS = PROFILE_COLUMNS + """
            , f.first14, rx.rx_version, rx.rx_from, rx.rx_sessions, w.week_start, w.sessions, w.sum_pain_before,
              w.sum_pain_during, w.sum_pain_after, w.max_pain_during, w.too_hard, w.too_easy
            from member_profile p""" + LATEST + """
             left join lateral (
                select count(*) as first14 from session_fact s where s.member_id = p.member_id
                   and s.performed_at >= p.first_plan_start::timestamp at time zone 'UTC'
                   and s.performed_at < (p.first_plan_start + 14)::timestamp at time zone 'UTC'
            ) f on true
            left join lateral (
                select array_agg(x.plan_version) as rx_version, array_agg(x.effective_from) as rx_from,
                       array_agg(x.sessions_per_week) as rx_sessions
                from plan_prescription x where x.member_id = p.member_id
            ) rx on true
            left join weekly_stats w on w.member_id = p.member_id and w.week_start >= ?
            where p.member_id = ?""";

    /** A clinician's members with their open alerts; optionally only those with an open alert of a kind (parameters: kind, clinician, kind). */
    private static final String PANEL_FROM = """
             from member_profile p
            left join lateral (
                select array_agg(a.kind || ':' || a.severity order by a.severity_rank desc, a.kind) as open_alerts,
                       max(a.severity_rank) as worst, bool_or(a.kind = ?) as has_kind
                from alert a where a.member_id = p.member_id and a.status <> 'RESOLVED'
            ) a on true
            """;

    private static final String PANEL_WHERE = " where p.clinician_id = ? and (? is null or a.has_kind)";

    /** The page of the panel, each row with the panel's size (counted before the limit: one pass over the members). */
    private static final String PANEL =
            "select *, count(*) over () as panel_size from (select p.member_id, p.baseline_pain, l.latest_pain, l.last_activity, p.plan_start,"
                    + " a.open_alerts, coalesce(a.worst, 0) as worst, " + PLAN_STATUS + " as plan_status, "
                    + QuestionnaireStore.STARTBACK_RISK + PANEL_FROM
                    + LATEST + PANEL_WHERE
                    + ") panel order by (case when worst >= 3 then worst else 0 end) desc, greatest(coalesce(latest_pain - baseline_pain, 0), 0) desc,"
                    + " coalesce(last_activity, plan_start::timestamptz) asc nulls first, member_id limit ? offset ?";

    private static final String PANEL_COUNT = "select count(*)" + PANEL_FROM + PANEL_WHERE;

    private final AgroalDataSource dataSource;

    public ProgressReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Profile> profile(String memberId) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(PROFILE + " where p.member_id = ?")) {
            q.setString(1, memberId);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(profile(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** A member's progress facts, with the weekly sums of the weeks from {@code from} on; empty without a profile. */
    public Optional<ProgressFacts> progressFacts(String memberId, LocalDate from) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(PROGRESS)) {
            q.setDate(1, Date.valueOf(from));
            q.setString(2, memberId);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Profile profile = profile(r);
                int first14 = r.getInt("first14");
                List<Prescription> prescriptions = Rows.prescriptions(r);
                List<WeekStats> weeks = new ArrayList<>();
                do {
                    Date week = r.getDate("week_start");
                    if (week != null) {
                        weeks.add(new WeekStats(
                                week.toLocalDate(),
                                r.getInt("sessions"),
                                r.getInt("sum_pain_before"),
                                r.getInt("sum_pain_during"),
                                r.getInt("sum_pain_after"),
                                r.getInt("max_pain_during"),
                                r.getInt("too_hard"),
                                r.getInt("too_easy")));
                    }
                } while (r.next());
                return Optional.of(new ProgressFacts(profile, first14, weeks, prescriptions));
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /**
     * A clinician's members, most in need first: an urgent open alert, then pain furthest above
     * baseline, then longest without a session; optionally only members with an open alert of a kind.
     */
    public Page<PanelRow> panel(String clinicianId, String alertKind, int page, int size) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(PANEL);
                PreparedStatement count = db.prepareStatement(PANEL_COUNT)) {
            q.setString(1, alertKind);
            q.setString(2, clinicianId);
            q.setString(3, alertKind);
            q.setInt(4, size);
            q.setLong(5, (long) page * size);
            List<PanelRow> rows = new ArrayList<>();
            long total = -1;
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    total = r.getLong("panel_size");
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
            if (total >= 0) {
                return new Page<>(rows, page, size, total);
            }
            // No row on this page (an empty panel, or a page past its end): the size needs a query of its own.
            count.setString(1, alertKind);
            count.setString(2, clinicianId);
            count.setString(3, alertKind);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return new Page<>(rows, page, size, r.getLong(1));
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private static Profile profile(ResultSet r) throws SQLException {
        return new Profile(
                r.getString("member_id"),
                integer(r, "plan_version"),
                integer(r, "sessions_per_week"),
                integer(r, "baseline_pain"),
                strings(r, "conditions"),
                r.getString("clinician_id"),
                date(r, "plan_start"),
                date(r, "first_plan_start"),
                instant(r, "referred_at"),
                integer(r, "latest_pain"),
                instant(r, "last_activity"),
                instant(r, "last_activity"),
                r.getString("plan_status"));
    }
}
