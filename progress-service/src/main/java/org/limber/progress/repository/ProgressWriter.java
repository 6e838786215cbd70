package org.limber.progress.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.limber.events.member.MemberReferred;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.SessionCompleted;
import org.limber.progress.domain.AlertKind;
import org.limber.progress.domain.AlertRules;
import org.limber.progress.domain.NewAlert;
import org.limber.progress.domain.RaisedAlert;
import org.limber.progress.domain.Severity;

import io.agroal.api.AgroalDataSource;

/**
 * Set-based writes of the read models: each method is one or two statements for a whole batch
 * (arrays unnested in PostgreSQL), inside the caller's transaction. Redeliveries change nothing:
 * sessions are keyed by their id, plans by their version, alerts by their cause.
 */
@ApplicationScoped
public class ProgressWriter {

    /** A session stored by this batch (not seen before) that may call for an alert. */
    public record NewSession(String memberId, UUID sessionId, int painBefore, int painDuring, int painAfter, List<String> redFlags) {
    }

    /** A week whose sums this batch changed, with the member's baseline, that may call for an alert. */
    public record ChangedWeek(String memberId, LocalDate weekStart, int sessions, int sumPainBefore, Integer baselinePain) {
    }

    public record SessionsApplied(List<NewSession> sessions, List<ChangedWeek> weeks, java.util.Set<String> members) {
    }

    private static final String UPSERT_PLAN = """
            insert into member_profile (member_id, plan_version, sessions_per_week, baseline_pain, conditions, clinician_id,
                                        plan_start, first_plan_start, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, now())
            on conflict (member_id) do update set
                plan_version      = greatest(coalesce(member_profile.plan_version, 0), excluded.plan_version),
                sessions_per_week = case when excluded.plan_version >= coalesce(member_profile.plan_version, 0)
                                         then excluded.sessions_per_week else member_profile.sessions_per_week end,
                conditions        = case when excluded.plan_version >= coalesce(member_profile.plan_version, 0)
                                         then excluded.conditions else member_profile.conditions end,
                clinician_id      = case when excluded.plan_version >= coalesce(member_profile.plan_version, 0)
                                         then excluded.clinician_id else member_profile.clinician_id end,
                plan_start        = case when excluded.plan_version >= coalesce(member_profile.plan_version, 0)
                                         then excluded.plan_start else member_profile.plan_start end,
                baseline_pain     = coalesce(member_profile.baseline_pain, excluded.baseline_pain),
                first_plan_start  = least(coalesce(member_profile.first_plan_start, excluded.first_plan_start), excluded.first_plan_start),
                updated_at        = now()
            """;

    private static final String INSERT_PRESCRIPTION = """
            insert into plan_prescription (member_id, plan_version, effective_from, sessions_per_week)
            values (?, ?, ?, ?) on conflict do nothing
            """;

    private static final String UPSERT_REFERRAL = """
            insert into member_profile (member_id, referred_at, updated_at) values (?, ?, now())
            on conflict (member_id) do update set
                referred_at = greatest(coalesce(member_profile.referred_at, excluded.referred_at), excluded.referred_at),
                updated_at = now()
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
            )
            -- Only the candidates for an alert come back (the alert policy decides): sessions with a red flag or
            -- high pain, weeks with enough sessions whose pain before sits above the baseline. A member never has two
            -- unresolved alerts of one kind, so high pain and weeks above baseline are no candidates while the member
            -- has such an alert open (most of them, when pain stays high).
            select 'S' as what, i.member_id, i.session_id::text, i.pain_before, i.pain_during, i.pain_after,
                   array_to_string(i.red_flags, ','), null::date, null::int, null::int, null::int
            from ins i
            where cardinality(i.red_flags) > 0
               or (greatest(i.pain_before, i.pain_during, i.pain_after) >= ?
                   and not exists (select from alert a where a.member_id = i.member_id and a.kind = 'HIGH_PAIN'
                                                         and a.status <> 'RESOLVED'))
            union all
            select 'W', w.member_id, null, null, null, null, null, w.week_start, w.sessions, w.sum_pain_before, m.baseline_pain
            from weeks w join member_profile m on m.member_id = w.member_id
            where w.sessions >= ? and w.sum_pain_before >= (m.baseline_pain + ?) * w.sessions
              and not exists (select from alert a where a.member_id = w.member_id and a.kind = 'PAIN_ABOVE_BASELINE'
                                                    and a.status <> 'RESOLVED')
            """;

    private static final String RAISE_ALERTS = """
            with input as (
                select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::smallint[], ?::text[], ?::text[])
                    as t(id, member_id, kind, severity, severity_rank, reason, source_id)
            ), raised as (
                insert into alert (id, member_id, kind, severity, severity_rank, status, reason, source_id, raised_at)
                select id, member_id, kind, severity, severity_rank, 'OPEN', reason, source_id, now() from input
                on conflict do nothing
                returning id, member_id, kind, severity, reason, raised_at
            )
            select r.id, r.member_id, r.kind, r.severity, r.reason, p.clinician_id, r.raised_at
            from raised r left join member_profile p on p.member_id = r.member_id
            """;

    private static final String RESOLVE_INACTIVE = """
            update alert set status = 'RESOLVED', resolved_by = 'system', resolved_at = now(),
                             resolve_note = 'a session was logged'
            where kind = 'INACTIVE' and status <> 'RESOLVED' and member_id = any(?::text[])
            """;

    private final AgroalDataSource dataSource;

    public ProgressWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void applyPlans(List<PlanAssigned> plans) throws SQLException {
        if (plans.isEmpty()) {
            return;
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement profile = db.prepareStatement(UPSERT_PLAN);
                PreparedStatement prescription = db.prepareStatement(INSERT_PRESCRIPTION)) {
            for (PlanAssigned plan : plans) {
                profile.setString(1, plan.memberId());
                profile.setInt(2, plan.planVersion());
                profile.setInt(3, plan.sessionsPerWeek());
                profile.setInt(4, plan.baselinePain());
                profile.setArray(5, db.createArrayOf("text", plan.conditions().toArray()));
                profile.setString(6, plan.clinicianId());
                profile.setDate(7, Date.valueOf(plan.startDate()));
                profile.setDate(8, Date.valueOf(plan.startDate()));
                profile.addBatch();
                prescription.setString(1, plan.memberId());
                prescription.setInt(2, plan.planVersion());
                prescription.setDate(3, Date.valueOf(plan.startDate()));
                prescription.setInt(4, plan.sessionsPerWeek());
                prescription.addBatch();
            }
            profile.executeBatch();
            prescription.executeBatch();
        }
    }

    public void applyReferrals(List<MemberReferred> referrals) throws SQLException {
        if (referrals.isEmpty()) {
            return;
        }
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(UPSERT_REFERRAL)) {
            for (MemberReferred referral : referrals) {
                statement.setString(1, referral.memberId());
                statement.setTimestamp(2, Timestamp.from(referral.occurredAt()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Stores the sessions that are new and updates their weeks and members; returns the new sessions
     * and changed weeks that may call for an alert under {@code rules}.
     */
    public SessionsApplied applySessions(List<SessionCompleted> sessions, AlertRules rules) throws SQLException {
        if (sessions.isEmpty()) {
            return new SessionsApplied(List.of(), List.of(), java.util.Set.of());
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
            skipped[i] = (short) s.exercises().stream().filter(e -> "SKIPPED".equals(e.status())).count();
            skippedForPain[i] = (short) s.exercises().stream().filter(e -> "PAIN".equals(e.skipReason())).count();
            redFlags[i] = String.join(",", s.redFlagSymptoms());
        }
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(APPLY_SESSIONS)) {
            Object[][] columns = { member, id, at, version, before, during, after, effort, skipped, skippedForPain, redFlags };
            String[] types = { "text", "uuid", "timestamptz", "int4", "int2", "int2", "int2", "text", "int2", "int2", "text" };
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 1, db.createArrayOf(types[c], columns[c]));
            }
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
                        stored.add(new NewSession(rows.getString(2), UUID.fromString(rows.getString(3)), rows.getInt(4), rows.getInt(5),
                                rows.getInt(6), flags == null || flags.isEmpty() ? List.of() : List.of(flags.split(","))));
                    } else {
                        int baseline = rows.getInt(11);
                        weeks.add(new ChangedWeek(rows.getString(2), rows.getDate(8).toLocalDate(), rows.getInt(9), rows.getInt(10),
                                rows.wasNull() ? null : baseline));
                    }
                }
            }
            return new SessionsApplied(stored, weeks, new java.util.TreeSet<>(Arrays.asList(member)));
        }
    }

    /** Stores the alerts that are new (no unresolved alert of the kind, cause not seen before); returns those. */
    public List<RaisedAlert> raise(Collection<NewAlert> alerts, AlertRules rules) throws SQLException {
        if (alerts.isEmpty()) {
            return List.of();
        }
        int n = alerts.size();
        UUID[] id = new UUID[n];
        String[] member = new String[n];
        String[] kind = new String[n];
        String[] severity = new String[n];
        Short[] rank = new Short[n];
        String[] reason = new String[n];
        String[] source = new String[n];
        int i = 0;
        for (NewAlert alert : alerts) {
            AlertRules.Rule rule = rules.rule(alert.kind());
            id[i] = UUID.randomUUID();
            member[i] = alert.memberId();
            kind[i] = alert.kind().name();
            severity[i] = rule.severity().name();
            rank[i] = (short) rule.severity().rank;
            reason[i] = rule.reason();
            source[i] = alert.sourceId();
            i++;
        }
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(RAISE_ALERTS)) {
            Object[][] columns = { id, member, kind, severity, rank, reason, source };
            String[] types = { "uuid", "text", "text", "text", "int2", "text", "text" };
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 1, db.createArrayOf(types[c], columns[c]));
            }
            List<RaisedAlert> raised = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    raised.add(new RaisedAlert(rows.getObject(1, UUID.class), rows.getString(2), AlertKind.valueOf(rows.getString(3)),
                            Severity.valueOf(rows.getString(4)), rows.getString(5), rows.getString(6),
                            rows.getTimestamp(7).toInstant()));
                }
            }
            return raised;
        }
    }

    /** Moves an open alert to acknowledged; false if it was not open. */
    public boolean acknowledge(UUID id, String by, String note) throws SQLException {
        return update("update alert set status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = now(), acknowledge_note = ?"
                + " where id = ? and status = 'OPEN'", by, note, id);
    }

    /** Resolves an open or acknowledged alert; false if it was resolved already. */
    public boolean resolve(UUID id, String by, String note) throws SQLException {
        return update("update alert set status = 'RESOLVED', resolved_by = ?, resolved_at = now(), resolve_note = ?"
                + " where id = ? and status <> 'RESOLVED'", by, note, id);
    }

    private boolean update(String sql, String by, String note, UUID id) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, by);
            statement.setString(2, note);
            statement.setObject(3, id);
            return statement.executeUpdate() == 1;
        }
    }

    public void resolveInactive(Collection<String> members) throws SQLException {
        if (members.isEmpty()) {
            return;
        }
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(RESOLVE_INACTIVE)) {
            Array array = db.createArrayOf("text", members.toArray());
            statement.setArray(1, array);
            statement.executeUpdate();
        }
    }
}
