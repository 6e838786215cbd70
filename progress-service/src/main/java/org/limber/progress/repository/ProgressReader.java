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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.limber.common.paging.Page;
import org.limber.common.sql.SqlFailure;
import org.limber.progress.domain.Outcomes;
import org.limber.progress.domain.Prescription;
import org.limber.progress.domain.WeekStats;

/** The queries of the read side; each answers from indexed rows of one member, or of one panel. */
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

    /** A member of a panel with what ranks them: open alerts (kind:severity), worst severity, pain against baseline. */
    public record PanelRow(
            String memberId,
            Integer baselinePain,
            Integer latestPain,
            Instant lastActivity,
            LocalDate planStart,
            List<String> openAlerts,
            int worstSeverityRank,
            String planStatus) {}

    /**
     * An alert; {@code clinicianId} is the member's clinician now (null: the member has none, the alert is in triage);
     * {@code occurrences} the causes it stands for, {@code lastOccurredAt} when the latest was counted,
     * {@code reopenedAt} when a new occurrence last reopened it after an acknowledgement (null: never).
     */
    public record AlertRow(
            UUID id,
            String memberId,
            String kind,
            String severity,
            String status,
            String reason,
            List<String> details,
            Instant raisedAt,
            String acknowledgedBy,
            Instant acknowledgedAt,
            String acknowledgeNote,
            String resolvedBy,
            Instant resolvedAt,
            String resolveNote,
            String clinicianId,
            int occurrences,
            Instant lastOccurredAt,
            Instant reopenedAt) {}

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
                    + " a.open_alerts, coalesce(a.worst, 0) as worst, " + PLAN_STATUS + " as plan_status" + PANEL_FROM
                    + LATEST + PANEL_WHERE
                    + ") panel order by (worst = 3) desc, greatest(coalesce(latest_pain - baseline_pain, 0), 0) desc,"
                    + " coalesce(last_activity, plan_start::timestamptz) asc nulls first, member_id limit ? offset ?";

    private static final String PANEL_COUNT = "select count(*)" + PANEL_FROM + PANEL_WHERE;

    private static final String ALERT =
            "select a.id, a.member_id, a.kind, a.severity, a.status, a.reason, a.raised_at, a.acknowledged_by,"
                    + " a.acknowledged_at, a.acknowledge_note, a.resolved_by, a.resolved_at, a.resolve_note, p.clinician_id, a.details,"
                    + " a.occurrences, a.last_occurred_at, a.reopened_at"
                    + " from alert a left join member_profile p on p.member_id = a.member_id";

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
                List<Prescription> prescriptions = prescriptions(r);
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

    /** The prescriptions of the arrays rx_version, rx_from and rx_sessions (aggregated in one pass), by version. */
    private static List<Prescription> prescriptions(ResultSet r) throws SQLException {
        Array versions = r.getArray("rx_version");
        if (versions == null) {
            return List.of();
        }
        Integer[] version = (Integer[]) versions.getArray();
        Date[] from = (Date[]) r.getArray("rx_from").getArray();
        Integer[] perWeek = (Integer[]) r.getArray("rx_sessions").getArray();
        List<Prescription> result = new ArrayList<>(version.length);
        for (int i = 0; i < version.length; i++) {
            result.add(new Prescription(version[i], from[i].toLocalDate(), perWeek[i]));
        }
        result.sort(Comparator.comparingInt(Prescription::planVersion));
        return result;
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
                            r.getString("plan_status")));
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

    public Page<AlertRow> alerts(String clinicianId, String status, String kind, int page, int size) {
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
            List<AlertRow> rows = new ArrayList<>();
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
    public Page<AlertRow> triage(int minSeverityRank, int page, int size) {
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
            List<AlertRow> rows = new ArrayList<>();
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

    public Optional<AlertRow> alert(UUID id) {
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
                where p.plan_version is not null and\s""" + PLAN_STATUS + " = 'ACTIVE'")) {
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
                  and\s""" + PLAN_STATUS + " = 'ACTIVE'")) {
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

    /**
     * Members whose first plan started in [from, to) and at least 12 weeks before {@code reachedBy}, with every plan
     * version's prescription and the weeks (0-11) their plan was suspended in (the latest suspension: any week it
     * overlaps is left out of adherence, the conservative reading).
     */
    public List<Outcomes.Member> cohort(LocalDate from, LocalDate to, LocalDate reachedBy) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement("""
                select p.member_id, p.baseline_pain, p.sessions_per_week, p.first_plan_start,
                       (select sum(w.sum_pain_before)::float / nullif(sum(w.sessions), 0) from weekly_stats w
                          where w.member_id = p.member_id
                            and w.week_start >= date_trunc('week', p.first_plan_start + 70)::date
                            and w.week_start < date_trunc('week', p.first_plan_start + 84)::date) as end_pain,
                       (select array_agg(coalesce(w.sessions, 0) order by g.n)
                          from generate_series(0, 11) g(n)
                          left join weekly_stats w on w.member_id = p.member_id
                               and w.week_start = (date_trunc('week', p.first_plan_start) + g.n * interval '7 days')::date) as weekly,
                       (select array_agg(rx.plan_version order by rx.plan_version) from plan_prescription rx
                          where rx.member_id = p.member_id) as rx_version,
                       (select array_agg(rx.effective_from order by rx.plan_version) from plan_prescription rx
                          where rx.member_id = p.member_id) as rx_from,
                       (select array_agg(rx.sessions_per_week order by rx.plan_version) from plan_prescription rx
                          where rx.member_id = p.member_id) as rx_sessions,
                       (select array_agg(g.n order by g.n) from generate_series(0, 11) g(n)
                          where p.suspended_at is not null
                            and date_trunc('week', p.first_plan_start) + g.n * interval '7 days'
                                < coalesce(case when p.resumed_at > p.suspended_at then p.resumed_at end, now())
                            and date_trunc('week', p.first_plan_start) + (g.n + 1) * interval '7 days' > p.suspended_at) as suspended_weeks
                from member_profile p
                where p.first_plan_start >= ? and p.first_plan_start < ? and p.first_plan_start <= ?
                  and p.baseline_pain is not null
                """)) {
            q.setDate(1, Date.valueOf(from));
            q.setDate(2, Date.valueOf(to));
            q.setDate(3, Date.valueOf(reachedBy.minusWeeks(12)));
            List<Outcomes.Member> result = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    double end = r.getDouble("end_pain");
                    Double endPain = r.wasNull() ? null : end; // no session in weeks 11-12: not a completer
                    Integer[] weekly = (Integer[]) r.getArray("weekly").getArray();
                    LocalDate firstStart = r.getDate("first_plan_start").toLocalDate();
                    List<Prescription> prescriptions = new ArrayList<>();
                    if (r.getArray("rx_version") != null) {
                        Integer[] versions =
                                (Integer[]) r.getArray("rx_version").getArray();
                        Date[] effective = (Date[]) r.getArray("rx_from").getArray();
                        Integer[] perWeek =
                                (Integer[]) r.getArray("rx_sessions").getArray();
                        for (int i = 0; i < versions.length; i++) {
                            prescriptions.add(new Prescription(versions[i], effective[i].toLocalDate(), perWeek[i]));
                        }
                    } else {
                        prescriptions.add(new Prescription(0, firstStart, r.getInt("sessions_per_week")));
                    }
                    Array suspended = r.getArray("suspended_weeks");
                    Set<Integer> suspendedWeeks =
                            suspended == null ? Set.of() : Set.of((Integer[]) suspended.getArray());
                    result.add(new Outcomes.Member(
                            r.getInt("baseline_pain"),
                            endPain,
                            firstStart,
                            prescriptions,
                            Arrays.stream(weekly).mapToInt(Integer::intValue).toArray(),
                            suspendedWeeks));
                }
            }
            return result;
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

    private static AlertRow alert(ResultSet r) throws SQLException {
        return new AlertRow(
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
