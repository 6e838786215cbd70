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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.limber.common.paging.Page;
import org.limber.progress.domain.Outcomes;
import org.limber.progress.domain.Prescription;
import org.limber.progress.domain.WeekStats;

import io.agroal.api.AgroalDataSource;

/** The queries of the read side; each answers from indexed rows of one member, or of one panel. */
@ApplicationScoped
public class ProgressReader {

    /** A member's profile row; {@code planStatus} as {@link #PLAN_STATUS} decides it. */
    public record Profile(String memberId, Integer planVersion, Integer sessionsPerWeek, Integer baselinePain, List<String> conditions,
            String clinicianId, LocalDate planStart, LocalDate firstPlanStart, Instant referredAt, Integer latestPain, Instant latestPainAt,
            Instant lastActivity, String planStatus) {
    }

    public record SessionRow(UUID sessionId, Instant performedAt, int planVersion, int painBefore, int painDuring, int painAfter,
            String effort, int skipped, int skippedForPain, List<String> redFlags) {
    }

    /** A member of a panel with what ranks them: open alerts (kind:severity), worst severity, pain against baseline. */
    public record PanelRow(String memberId, Integer baselinePain, Integer latestPain, Instant lastActivity, LocalDate planStart,
            List<String> openAlerts, int worstSeverityRank, String planStatus) {
    }

    /** An alert; {@code clinicianId} is the member's clinician now (null: the member has none, the alert is in triage). */
    public record AlertRow(UUID id, String memberId, String kind, String severity, String status, String reason, List<String> details,
            Instant raisedAt, String acknowledgedBy, Instant acknowledgedAt, String acknowledgeNote, String resolvedBy, Instant resolvedAt,
            String resolveNote, String clinicianId) {
    }

    /** For the scheduled rules: a member with an active plan and their last two complete weeks. */
    public record ActivePlan(String memberId, Instant lastActivity, LocalDate planStart, LocalDate firstPlanStart, int sessionsPerWeek,
            int sessionsLastWeek, int sessionsWeekBefore) {
    }

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

    /** The newest session of the member {@code p}: its pain before and when it was done (one index probe). */
    private static final String LATEST = " left join lateral (select s.pain_before as latest_pain, s.performed_at as last_activity"
            + " from session_fact s where s.member_id = p.member_id order by s.performed_at desc limit 1) l on true";

    private static final String PROFILE = "select p.member_id, p.plan_version, p.sessions_per_week, p.baseline_pain, p.conditions,"
            + " p.clinician_id, p.plan_start, p.first_plan_start, p.referred_at, l.latest_pain, l.last_activity, l.last_activity, "
            + PLAN_STATUS + " from member_profile p" + LATEST;

    private static final String ALERT = "select a.id, a.member_id, a.kind, a.severity, a.status, a.reason, a.raised_at, a.acknowledged_by,"
            + " a.acknowledged_at, a.acknowledge_note, a.resolved_by, a.resolved_at, a.resolve_note, p.clinician_id, a.details"
            + " from alert a left join member_profile p on p.member_id = a.member_id";

    private final AgroalDataSource dataSource;

    public ProgressReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Profile> profile(String memberId) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement q = db.prepareStatement(PROFILE + " where p.member_id = ?")) {
            q.setString(1, memberId);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(profile(r)) : Optional.empty();
            }
        }
    }

    public List<WeekStats> weeks(String memberId, LocalDate from) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement q = db.prepareStatement(
                "select week_start, sessions, sum_pain_before, sum_pain_during, sum_pain_after, max_pain_during, too_hard, too_easy"
                        + " from weekly_stats where member_id = ? and week_start >= ? order by week_start")) {
            q.setString(1, memberId);
            q.setDate(2, Date.valueOf(from));
            List<WeekStats> weeks = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    weeks.add(new WeekStats(r.getDate(1).toLocalDate(), r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5), r.getInt(6),
                            r.getInt(7), r.getInt(8)));
                }
            }
            return weeks;
        }
    }

    public List<Prescription> prescriptions(String memberId) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement q = db.prepareStatement(
                "select plan_version, effective_from, sessions_per_week from plan_prescription where member_id = ? order by plan_version")) {
            q.setString(1, memberId);
            List<Prescription> result = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    result.add(new Prescription(r.getInt(1), r.getDate(2).toLocalDate(), r.getInt(3)));
                }
            }
            return result;
        }
    }

    public int sessionsBetween(String memberId, Instant from, Instant to) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement q = db.prepareStatement(
                "select count(*) from session_fact where member_id = ? and performed_at >= ? and performed_at < ?")) {
            q.setString(1, memberId);
            q.setTimestamp(2, Timestamp.from(from));
            q.setTimestamp(3, Timestamp.from(to));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    public Page<SessionRow> sessions(String memberId, int page, int size) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement("select session_id, performed_at, plan_version, pain_before, pain_during,"
                        + " pain_after, effort, skipped, skipped_for_pain, red_flags from session_fact where member_id = ?"
                        + " order by performed_at desc, session_id limit ? offset ?");
                PreparedStatement count = db.prepareStatement("select count(*) from session_fact where member_id = ?")) {
            q.setString(1, memberId);
            q.setInt(2, size);
            q.setLong(3, (long) page * size);
            List<SessionRow> rows = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(new SessionRow(r.getObject(1, UUID.class), r.getTimestamp(2).toInstant(), r.getInt(3), r.getInt(4), r.getInt(5),
                            r.getInt(6), r.getString(7), r.getInt(8), r.getInt(9), strings(r, 10)));
                }
            }
            count.setString(1, memberId);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return new Page<>(rows, page, size, r.getLong(1));
            }
        }
    }

    /**
     * A clinician's members, most in need first: an urgent open alert, then pain furthest above
     * baseline, then longest without a session; optionally only members with an open alert of a kind.
     */
    public Page<PanelRow> panel(String clinicianId, String alertKind, int page, int size) throws SQLException {
        String from = """
                from member_profile p
                left join lateral (
                    select array_agg(a.kind || ':' || a.severity order by a.severity_rank desc, a.kind) as open_alerts,
                           max(a.severity_rank) as worst, bool_or(a.kind = ?) as has_kind
                    from alert a where a.member_id = p.member_id and a.status <> 'RESOLVED'
                ) a on true
                where p.clinician_id = ? and (? is null or a.has_kind)
                """;
        String select = "select * from (select p.member_id, p.baseline_pain, l.latest_pain, l.last_activity, p.plan_start, a.open_alerts,"
                + " coalesce(a.worst, 0) as worst, " + PLAN_STATUS + " as plan_status " + from.replace("where p.clinician_id", LATEST + " where p.clinician_id") + ") panel"
                + " order by (worst = 3) desc, greatest(coalesce(latest_pain - baseline_pain, 0), 0) desc,"
                + " coalesce(last_activity, plan_start::timestamptz) asc nulls first, member_id limit ? offset ?";
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(select);
                PreparedStatement count = db.prepareStatement("select count(*) " + from)) {
            q.setString(1, alertKind);
            q.setString(2, clinicianId);
            q.setString(3, alertKind);
            q.setInt(4, size);
            q.setLong(5, (long) page * size);
            List<PanelRow> rows = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    Timestamp last = r.getTimestamp(4);
                    Date start = r.getDate(5);
                    rows.add(new PanelRow(r.getString(1), integer(r, 2), integer(r, 3), last == null ? null : last.toInstant(),
                            start == null ? null : start.toLocalDate(), strings(r, 6), r.getInt(7), r.getString(8)));
                }
            }
            count.setString(1, alertKind);
            count.setString(2, clinicianId);
            count.setString(3, alertKind);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return new Page<>(rows, page, size, r.getLong(1));
            }
        }
    }

    public Page<AlertRow> alerts(String clinicianId, String status, String kind, int page, int size) throws SQLException {
        String where = " where p.clinician_id = ? and (? is null or a.status = ?) and (? is null or a.kind = ?)";
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(ALERT + where + " order by a.severity_rank desc, a.raised_at desc, a.id limit ? offset ?");
                PreparedStatement count = db.prepareStatement("select count(*) from alert a left join member_profile p on p.member_id = a.member_id"
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
        }
    }

    /**
     * Triage: the unresolved alerts of at least {@code minSeverityRank} of members without a
     * clinician, most severe first, then oldest first.
     */
    public Page<AlertRow> triage(int minSeverityRank, int page, int size) throws SQLException {
        String where = " where a.status <> 'RESOLVED' and a.severity_rank >= ? and p.clinician_id is null";
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(ALERT + where + " order by a.severity_rank desc, a.raised_at, a.id limit ? offset ?");
                PreparedStatement count = db.prepareStatement("select count(*) from alert a left join member_profile p on p.member_id = a.member_id"
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
        }
    }

    public Optional<AlertRow> alert(UUID id) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement q = db.prepareStatement(ALERT + " where a.id = ?")) {
            q.setObject(1, id);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(alert(r)) : Optional.empty();
            }
        }
    }

    /** Members whose plan is ACTIVE (not suspended, not referred since it began), with their last two complete weeks. */
    public List<ActivePlan> activePlans(LocalDate lastWeek) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement q = db.prepareStatement("""
                select p.member_id, l.last_activity, p.plan_start, p.first_plan_start, p.sessions_per_week,
                       coalesce(w1.sessions, 0), coalesce(w2.sessions, 0)
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
                    Timestamp last = r.getTimestamp(2);
                    result.add(new ActivePlan(r.getString(1), last == null ? null : last.toInstant(), r.getDate(3).toLocalDate(),
                            r.getDate(4).toLocalDate(), r.getInt(5), r.getInt(6), r.getInt(7)));
                }
            }
            return result;
        }
    }

    /**
     * Members whose first plan started in [from, to) and at least 12 weeks before {@code reachedBy}, with every plan
     * version's prescription. Weeks of plan suspension are not known here yet (plan suspension is added on another
     * branch): it should fill {@link Outcomes.Member#suspendedWeeks()} from its records.
     */
    public List<Outcomes.Member> cohort(LocalDate from, LocalDate to, LocalDate reachedBy) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement q = db.prepareStatement("""
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
                          where rx.member_id = p.member_id) as rx_sessions
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
                    double end = r.getDouble(5);
                    Double endPain = r.wasNull() ? null : end; // no session in weeks 11-12: not a completer
                    Integer[] weekly = (Integer[]) r.getArray(6).getArray();
                    LocalDate firstStart = r.getDate(4).toLocalDate();
                    List<Prescription> prescriptions = new ArrayList<>();
                    if (r.getArray(7) != null) {
                        Integer[] versions = (Integer[]) r.getArray(7).getArray();
                        Date[] effective = (Date[]) r.getArray(8).getArray();
                        Integer[] perWeek = (Integer[]) r.getArray(9).getArray();
                        for (int i = 0; i < versions.length; i++) {
                            prescriptions.add(new Prescription(versions[i], effective[i].toLocalDate(), perWeek[i]));
                        }
                    } else {
                        prescriptions.add(new Prescription(0, firstStart, r.getInt(3)));
                    }
                    result.add(new Outcomes.Member(r.getInt(2), endPain, firstStart, prescriptions,
                            Arrays.stream(weekly).mapToInt(Integer::intValue).toArray(), Set.of()));
                }
            }
            return result;
        }
    }

    private static Profile profile(ResultSet r) throws SQLException {
        Date start = r.getDate(7);
        Date first = r.getDate(8);
        Timestamp referred = r.getTimestamp(9);
        Timestamp latestAt = r.getTimestamp(11);
        Timestamp last = r.getTimestamp(12);
        return new Profile(r.getString(1), integer(r, 2), integer(r, 3), integer(r, 4), strings(r, 5), r.getString(6),
                start == null ? null : start.toLocalDate(), first == null ? null : first.toLocalDate(),
                referred == null ? null : referred.toInstant(), integer(r, 10), latestAt == null ? null : latestAt.toInstant(),
                last == null ? null : last.toInstant(), r.getString(13));
    }

    private static AlertRow alert(ResultSet r) throws SQLException {
        return new AlertRow(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                strings(r, 15), instant(r, 7), r.getString(8), instant(r, 9), r.getString(10), r.getString(11), instant(r, 12),
                r.getString(13), r.getString(14));
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Integer integer(ResultSet r, int column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value;
    }

    private static List<String> strings(ResultSet r, int column) throws SQLException {
        java.sql.Array array = r.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
