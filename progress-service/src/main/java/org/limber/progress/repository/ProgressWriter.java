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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.limber.common.sql.SqlArrays;
import org.limber.common.sql.SqlFailure;
import org.limber.events.member.CareTeamAssigned;
import org.limber.events.member.MemberNeedsReview;
import org.limber.events.member.MemberReferred;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.PlanResumed;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.SessionCompleted;
import org.limber.events.member.SymptomsReported;
import org.limber.progress.domain.AlertKind;
import org.limber.progress.domain.AlertRules;

/**
 * Set-based writes of the read models: each method is one or two statements for a whole batch
 * (arrays unnested in PostgreSQL), inside the caller's transaction. Redeliveries change nothing:
 * sessions are keyed by their id, plans by their version (alerts, by their cause: {@link AlertStore}).
 */
@ApplicationScoped
public class ProgressWriter {

    /** A session stored by this batch (not seen before) that may call for an alert. */
    public record NewSession(
            String memberId, UUID sessionId, int painBefore, int painDuring, int painAfter, List<String> redFlags) {}

    /** A week whose sums this batch changed, with the member's baseline, that may call for an alert. */
    public record ChangedWeek(
            String memberId, LocalDate weekStart, int sessions, int sumPainBefore, Integer baselinePain) {}

    public record SessionsApplied(List<NewSession> sessions, List<ChangedWeek> weeks) {}

    /**
     * The clinician named by an event without an assignment sequence (PlanAssigned, MemberReferred,
     * MemberNeedsReview): taken only while no CareTeamAssigned has been seen for the member (the
     * history from before assignments were events of their own), the newest by when it happened, and
     * never to clear one (only an assignment unassigns). Appended to an upsert's {@code do update set}.
     */
    private static final String CLINICIAN_HINT = """
                clinician_id      = case when p.care_team_seq is null and excluded.clinician_hint_at is not null
                                              and excluded.clinician_hint_at >= coalesce(p.clinician_hint_at, '-infinity')
                                         then excluded.clinician_id else p.clinician_id end,
                clinician_hint_at = case when p.care_team_seq is null and excluded.clinician_hint_at is not null
                                         then greatest(p.clinician_hint_at, excluded.clinician_hint_at) else p.clinician_hint_at end,
                updated_at        = now()
            """;

    private static final String INSERT_PRESCRIPTION = """
            insert into plan_prescription (member_id, plan_version, effective_from, sessions_per_week)
            values (?, ?, ?, ?) on conflict do nothing
            """;

    /**
     * A plan version: the highest version wins; its clinician is only a hint (see {@link #CLINICIAN_HINT}).
     * {@code plan_at} is when the version in force was first assigned (a re-send of it moves nothing).
     */
    private static final String UPSERT_PLAN = """
            insert into member_profile as p (member_id, plan_version, sessions_per_week, baseline_pain, conditions, clinician_id,
                                        clinician_hint_at, plan_start, first_plan_start, plan_at, updated_at)
            values (?, ?, ?, ?, ?, ?, case when ?::text is null then null else ?::timestamptz end, ?, ?, ?, now())
            on conflict (member_id) do update set
                plan_version      = greatest(coalesce(p.plan_version, 0), excluded.plan_version),
                sessions_per_week = case when excluded.plan_version >= coalesce(p.plan_version, 0)
                                         then excluded.sessions_per_week else p.sessions_per_week end,
                conditions        = case when excluded.plan_version >= coalesce(p.plan_version, 0)
                                         then excluded.conditions else p.conditions end,
                plan_start        = case when excluded.plan_version >= coalesce(p.plan_version, 0)
                                         then excluded.plan_start else p.plan_start end,
                plan_at           = case when excluded.plan_version > coalesce(p.plan_version, 0) then excluded.plan_at
                                         when excluded.plan_version = p.plan_version then least(p.plan_at, excluded.plan_at)
                                         else p.plan_at end,
                baseline_pain     = coalesce(p.baseline_pain, excluded.baseline_pain),
                first_plan_start  = least(coalesce(p.first_plan_start, excluded.first_plan_start), excluded.first_plan_start),
            """ + CLINICIAN_HINT;

    /** A referral or a review at intake: when (referrals), and the clinician it names as a hint. */
    private static final String UPSERT_INTAKE = """
            insert into member_profile as p (member_id, referred_at, clinician_id, clinician_hint_at, updated_at)
            values (?, ?, ?, case when ?::text is null then null else ?::timestamptz end, now())
            on conflict (member_id) do update set
                referred_at = greatest(p.referred_at, excluded.referred_at),
            """ + CLINICIAN_HINT;

    /** A care-team assignment: the highest sequence wins, whatever the order batches commit in; an older one changes nothing. */
    private static final String UPSERT_ASSIGNMENT = """
            insert into member_profile as p (member_id, clinician_id, care_team_seq, updated_at)
            values (?, ?, ?, now())
            on conflict (member_id) do update set
                clinician_id  = case when excluded.care_team_seq > coalesce(p.care_team_seq, 0) then excluded.clinician_id
                                     else p.clinician_id end,
                care_team_seq = greatest(p.care_team_seq, excluded.care_team_seq),
                updated_at    = now()
            """;

    /**
     * A suspension or resumption: the status of the highest sequence wins; the latest suspension and
     * resumption times are kept whatever the order (they bound the weeks left unassessed).
     */
    private static final String UPSERT_PLAN_STATUS = """
            insert into member_profile as p (member_id, plan_status_seq, suspended, suspension_cause, suspension_flags, suspended_at,
                                             resumed_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, now())
            on conflict (member_id) do update set
                suspended        = case when excluded.plan_status_seq > coalesce(p.plan_status_seq, 0) then excluded.suspended
                                        else p.suspended end,
                suspension_cause = case when excluded.plan_status_seq > coalesce(p.plan_status_seq, 0) and excluded.suspended
                                        then excluded.suspension_cause else p.suspension_cause end,
                suspension_flags = case when excluded.plan_status_seq > coalesce(p.plan_status_seq, 0) and excluded.suspended
                                        then excluded.suspension_flags else p.suspension_flags end,
                plan_status_seq  = greatest(p.plan_status_seq, excluded.plan_status_seq),
                suspended_at     = greatest(p.suspended_at, excluded.suspended_at),
                resumed_at       = greatest(p.resumed_at, excluded.resumed_at),
                updated_at       = now()
            """;

    /** Keeps each symptom report once; returns the new ones. */
    private static final String INSERT_REPORTS = """
            insert into symptom_report (member_id, report_id, reported_at, red_flags, note, received_at)
            select member_id, report_id, reported_at, string_to_array(red_flags, chr(31)), note, now()
            from unnest(?::text[], ?::uuid[], ?::timestamptz[], ?::text[], ?::text[]) as t(member_id, report_id, reported_at, red_flags, note)
            order by member_id, report_id
            on conflict do nothing
            returning report_id
            """;

    /** Stores new sessions and adds them to their weeks; returns what may call for an alert. */
    private static final String APPLY_SESSIONS = """
            with input as (
                select * from unnest(?::text[], ?::uuid[], ?::timestamptz[], ?::int[], ?::smallint[], ?::smallint[], ?::smallint[],
                                     ?::text[], ?::smallint[], ?::smallint[], ?::text[])
                    as t(member_id, session_id, performed_at, plan_version, pain_before, pain_during, pain_after,
                         effort, skipped, skipped_for_pain, red_flags)
            ), ins as (
                insert into session_fact (member_id, session_id, performed_at, plan_version, pain_before, pain_during, pain_after,
                                          effort, skipped, skipped_for_pain, red_flags)
                select member_id, session_id, performed_at, plan_version, pain_before, pain_during, pain_after, effort, skipped,
                       skipped_for_pain, case when red_flags = '' then '{}'::text[] else string_to_array(red_flags, ',') end
                from input
                order by member_id, session_id -- the same lock order in every transaction: concurrent batches wait, never deadlock
                on conflict do nothing
                returning *
            ), weeks as (
                insert into weekly_stats as w (member_id, week_start, sessions, sum_pain_before, sum_pain_during, sum_pain_after,
                                               max_pain_during, too_hard, too_easy)
                select member_id, date_trunc('week', performed_at at time zone 'UTC')::date, count(*), sum(pain_before),
                       sum(pain_during), sum(pain_after), max(pain_during), count(*) filter (where effort = 'TOO_HARD'),
                       count(*) filter (where effort = 'TOO_EASY')
                from ins group by 1, 2 order by 1, 2
                on conflict (member_id, week_start) do update set
                    sessions = w.sessions + excluded.sessions,
                    sum_pain_before = w.sum_pain_before + excluded.sum_pain_before,
                    sum_pain_during = w.sum_pain_during + excluded.sum_pain_during,
                    sum_pain_after = w.sum_pain_after + excluded.sum_pain_after,
                    max_pain_during = greatest(w.max_pain_during, excluded.max_pain_during),
                    too_hard = w.too_hard + excluded.too_hard,
                    too_easy = w.too_easy + excluded.too_easy
                returning member_id, week_start, sessions, sum_pain_before
            ), resolved as (
                -- A session ends an inactivity only when it is newly stored (not a replay) and performed after the
                -- inactivity began (the day after the last activity the alert names, "since:<date>"): a late session
                -- from before it, or the same event again, leaves the alert open and its cause key unchanged.
                update alert a set status = 'RESOLVED', resolved_by = 'system', resolved_at = now(),
                                   resolve_note = 'a session was logged'
                from (select member_id, max(performed_at) as last_at from ins group by member_id) s
                where a.kind = 'INACTIVE' and a.status <> 'RESOLVED' and a.member_id = s.member_id
                  and a.source_id like 'since:%'
                  and s.last_at >= (substring(a.source_id from 7)::date + 1)::timestamp at time zone 'UTC'
            )
            -- Only the candidates for an alert come back (the alert policy decides, and AlertFolding what becomes of
            -- them): sessions with a red flag or high pain, weeks with enough sessions whose pain before sits above the
            -- baseline. Also while the member has such an alert unresolved: a new occurrence is counted on it, and
            -- reopens it if it was acknowledged.
            select 'S' as what, i.member_id, i.session_id::text, i.pain_before, i.pain_during, i.pain_after,
                   array_to_string(i.red_flags, ','), null::date, null::int, null::int, null::int
            from ins i
            where cardinality(i.red_flags) > 0 or greatest(i.pain_before, i.pain_during, i.pain_after) >= ?
            union all
            select 'W', w.member_id, null, null, null, null, null, w.week_start, w.sessions, w.sum_pain_before, m.baseline_pain
            from weeks w join member_profile m on m.member_id = w.member_id
            where w.sessions >= ? and w.sum_pain_before >= (m.baseline_pain + ?) * w.sessions
            """;

    /** Joins a list of text for an array parameter (a unit separator: the items are free text, commas included). */
    private static final String DETAIL_SEPARATOR = "\u001f";

    private final AgroalDataSource dataSource;

    public ProgressWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void applyPlans(List<PlanAssigned> plans) {
        if (plans.isEmpty()) {
            return;
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement profile = db.prepareStatement(UPSERT_PLAN);
                PreparedStatement prescription = db.prepareStatement(INSERT_PRESCRIPTION)) {
            for (PlanAssigned plan : byMember(plans, PlanAssigned::memberId)) {
                profile.setString(1, plan.memberId());
                profile.setInt(2, plan.planVersion());
                profile.setInt(3, plan.sessionsPerWeek());
                profile.setInt(4, plan.baselinePain());
                SqlArrays.bind(profile, 5, "text", plan.conditions());
                profile.setString(6, plan.clinicianId());
                profile.setString(7, plan.clinicianId());
                profile.setTimestamp(8, timestamp(plan.occurredAt()));
                profile.setDate(9, Date.valueOf(plan.startDate()));
                profile.setDate(10, Date.valueOf(plan.startDate()));
                profile.setTimestamp(11, timestamp(plan.occurredAt()));
                profile.addBatch();
                prescription.setString(1, plan.memberId());
                prescription.setInt(2, plan.planVersion());
                prescription.setDate(3, Date.valueOf(plan.startDate()));
                prescription.setInt(4, plan.sessionsPerWeek());
                prescription.addBatch();
            }
            profile.executeBatch();
            prescription.executeBatch();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Referrals (when, and the clinician named) and reviews (the clinician named) at intake. */
    public void applyIntakes(List<MemberReferred> referrals, List<MemberNeedsReview> reviews) {
        if (referrals.isEmpty() && reviews.isEmpty()) {
            return;
        }
        record Intake(String memberId, Instant referredAt, String clinicianId, Instant at) {}
        List<Intake> intakes = new ArrayList<>();
        referrals.forEach(r -> intakes.add(new Intake(r.memberId(), r.occurredAt(), r.clinicianId(), r.occurredAt())));
        reviews.forEach(r -> intakes.add(new Intake(r.memberId(), null, r.clinicianId(), r.occurredAt())));
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(UPSERT_INTAKE)) {
            for (Intake intake : byMember(intakes, Intake::memberId)) {
                statement.setString(1, intake.memberId());
                statement.setTimestamp(2, timestamp(intake.referredAt()));
                statement.setString(3, intake.clinicianId());
                statement.setString(4, intake.clinicianId());
                statement.setTimestamp(5, timestamp(intake.at()));
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Care-team assignments, by their sequence. */
    public void applyAssignments(List<CareTeamAssigned> assignments) {
        if (assignments.isEmpty()) {
            return;
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(UPSERT_ASSIGNMENT)) {
            for (CareTeamAssigned a : byMember(assignments, CareTeamAssigned::memberId)) {
                statement.setString(1, a.memberId());
                statement.setString(2, a.clinicianId());
                statement.setLong(3, a.sequence());
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Suspensions and resumptions, by their shared sequence. */
    public void applyPlanStatus(List<PlanSuspended> suspensions, List<PlanResumed> resumptions) {
        if (suspensions.isEmpty() && resumptions.isEmpty()) {
            return;
        }
        record Status(
                String memberId, long sequence, boolean suspended, String cause, List<String> flags, Instant at) {}
        List<Status> changes = new ArrayList<>();
        suspensions.forEach(e ->
                changes.add(new Status(e.memberId(), e.sequence(), true, e.cause(), e.redFlags(), e.occurredAt())));
        resumptions.forEach(
                e -> changes.add(new Status(e.memberId(), e.sequence(), false, null, null, e.occurredAt())));
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(UPSERT_PLAN_STATUS)) {
            for (Status c : byMember(changes, Status::memberId)) {
                statement.setString(1, c.memberId());
                statement.setLong(2, c.sequence());
                statement.setBoolean(3, c.suspended());
                statement.setString(4, c.cause());
                SqlArrays.bind(statement, 5, "text", c.flags());
                statement.setTimestamp(6, c.suspended() ? timestamp(c.at()) : null);
                statement.setTimestamp(7, c.suspended() ? null : timestamp(c.at()));
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Keeps the symptom reports not seen before (by report id); returns those. */
    public List<SymptomsReported> recordReports(List<SymptomsReported> reports) {
        if (reports.isEmpty()) {
            return List.of();
        }
        int n = reports.size();
        String[] member = new String[n];
        UUID[] id = new UUID[n];
        Timestamp[] at = new Timestamp[n];
        String[] flags = new String[n];
        String[] note = new String[n];
        for (int i = 0; i < n; i++) {
            SymptomsReported r = reports.get(i);
            member[i] = r.memberId();
            id[i] = r.reportId();
            at[i] = timestamp(r.reportedAt());
            flags[i] = String.join(DETAIL_SEPARATOR, r.redFlagSymptoms());
            note[i] = r.note();
        }
        Set<UUID> stored = new HashSet<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(INSERT_REPORTS)) {
            Object[][] columns = {member, id, at, flags, note};
            String[] types = {"text", "uuid", "timestamptz", "text", "text"};
            SqlArrays.bindColumns(statement, types, columns);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
        return reports.stream().filter(r -> stored.remove(r.reportId())).toList();
    }

    /** The events in member order: every statement takes its row locks in one order, so concurrent batches never deadlock. */
    private static <T> List<T> byMember(List<T> events, Function<T, String> member) {
        return events.stream().sorted(Comparator.comparing(member)).toList();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    /**
     * Stores the sessions that are new and updates their weeks and members; returns the new sessions
     * and changed weeks that may call for an alert under {@code rules}.
     */
    public SessionsApplied applySessions(List<SessionCompleted> sessions, AlertRules rules) {
        if (sessions.isEmpty()) {
            return new SessionsApplied(List.of(), List.of());
        }
        int n = sessions.size();
        String[] member = new String[n];
        UUID[] id = new UUID[n];
        Timestamp[] at = new Timestamp[n];
        Integer[] version = new Integer[n];
        Short[] before = new Short[n];
        Short[] during = new Short[n];
        Short[] after = new Short[n];
        String[] effort = new String[n];
        Short[] skipped = new Short[n];
        Short[] skippedForPain = new Short[n];
        String[] redFlags = new String[n];
        for (int i = 0; i < n; i++) {
            SessionCompleted s = sessions.get(i);
            member[i] = s.memberId();
            id[i] = s.sessionId();
            at[i] = Timestamp.from(s.performedAt());
            version[i] = s.planVersion();
            before[i] = (short) s.painBefore();
            during[i] = (short) s.painDuring();
            after[i] = (short) s.painAfter();
            effort[i] = s.effort();
            skipped[i] = (short) s.exercises().stream()
                    .filter(e -> "SKIPPED".equals(e.status()))
                    .count();
            skippedForPain[i] = (short) s.exercises().stream()
                    .filter(e -> "PAIN".equals(e.skipReason()))
                    .count();
            redFlags[i] = String.join(",", s.redFlagSymptoms());
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(APPLY_SESSIONS)) {
            Object[][] columns = {
                member, id, at, version, before, during, after, effort, skipped, skippedForPain, redFlags
            };
            String[] types = {
                "text", "uuid", "timestamptz", "int4", "int2", "int2", "int2", "text", "int2", "int2", "text"
            };
            SqlArrays.bindColumns(statement, types, columns);
            AlertRules.Rule aboveBaseline = rules.rule(AlertKind.PAIN_ABOVE_BASELINE);
            statement.setInt(12, rules.rule(AlertKind.HIGH_PAIN).threshold());
            statement.setInt(13, aboveBaseline.minSessions());
            statement.setInt(14, aboveBaseline.threshold());
            List<NewSession> stored = new ArrayList<>();
            List<ChangedWeek> weeks = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if ("S".equals(rows.getString(1))) {
                        String flags = rows.getString(7);
                        stored.add(new NewSession(
                                rows.getString(2),
                                UUID.fromString(rows.getString(3)),
                                rows.getInt(4),
                                rows.getInt(5),
                                rows.getInt(6),
                                flags == null || flags.isEmpty() ? List.of() : List.of(flags.split(","))));
                    } else {
                        int baseline = rows.getInt(11);
                        weeks.add(new ChangedWeek(
                                rows.getString(2),
                                rows.getDate(8).toLocalDate(),
                                rows.getInt(9),
                                rows.getInt(10),
                                rows.wasNull() ? null : baseline));
                    }
                }
            }
            return new SessionsApplied(stored, weeks);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Moves an open alert to acknowledged; false if it was not open. */
    public boolean acknowledge(UUID id, String by, String note) {
        return update(
                "update alert set status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = now(), acknowledge_note = ?"
                        + " where id = ? and status = 'OPEN'",
                by,
                note,
                id);
    }

    /** Resolves an open or acknowledged alert; false if it was resolved already. */
    public boolean resolve(UUID id, String by, String note) {
        return update(
                "update alert set status = 'RESOLVED', resolved_by = ?, resolved_at = now(), resolve_note = ?"
                        + " where id = ? and status <> 'RESOLVED'",
                by,
                note,
                id);
    }

    private boolean update(String sql, String by, String note, UUID id) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, by);
            statement.setString(2, note);
            statement.setObject(3, id);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }
}
