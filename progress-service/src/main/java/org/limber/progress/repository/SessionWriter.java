package org.limber.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.limber.common.sql.SqlFailure;
import org.limber.events.member.SessionCompleted;
import org.limber.events.member.SymptomsReported;

import static org.limber.progress.repository.Rows.timestamp;

/**
 * Set-based writes of what members log: sessions (each stored once by its id, its week's sums upserted in the
 * same statement) and symptom reports (once by report id), inside the caller's transaction.
 */
@ApplicationScoped
public class SessionWriter {

    /** A week whose sums this batch changed, with the member's baseline (null without a plan yet). */
    public record ChangedWeek(
            String memberId, LocalDate weekStart, int sessions, int sumPainBefore, Integer baselinePain) {}

    /** What a batch of sessions changed: the sessions stored (not seen before), in the batch's order, and their weeks. */
    public record SessionsApplied(List<SessionCompleted> stored, List<ChangedWeek> weeks) {}

    /** Keeps each symptom report once; returns the new ones. */
    private static final String INSERT_REPORTS = """
            insert into symptom_report (member_id, report_id, reported_at, red_flags, note, received_at)
            select member_id, report_id, reported_at, string_to_array(red_flags, chr(31)), note, now()
            from unnest(?::text[], ?::uuid[], ?::timestamptz[], ?::text[], ?::text[]) as t(member_id, report_id, reported_at, red_flags, note)
            order by member_id, report_id
            on conflict do nothing
            returning report_id
            """;

    /**
     * Stores the sessions not seen before and adds them to their weeks; returns the ids stored and the weeks
     * changed with their sums and the member's baseline: the facts the alert rules read (domain AlertPolicy).
     */
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
            select i.member_id, i.session_id, null::date as week_start, null::int as sessions,
                   null::int as sum_pain_before, null::int as baseline_pain
            from ins i
            union all
            select w.member_id, null, w.week_start, w.sessions, w.sum_pain_before, m.baseline_pain
            from weeks w left join member_profile m on m.member_id = w.member_id
            """;

    /** Joins a list of text for an array parameter (a unit separator: the items are free text, commas included). */
    private static final String DETAIL_SEPARATOR = "\u001f";

    private final AgroalDataSource dataSource;

    public SessionWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Keeps the symptom reports not seen before (by report id); returns those. */
    public List<SymptomsReported> recordReports(List<SymptomsReported> reports) {
        if (reports.isEmpty()) {
            return List.of();
        }
        Set<UUID> stored = new HashSet<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(INSERT_REPORTS)) {
            ColumnArrays.of(reports)
                    .column("text", String[]::new, SymptomsReported::memberId)
                    .column("uuid", UUID[]::new, SymptomsReported::reportId)
                    .column("timestamptz", Timestamp[]::new, r -> timestamp(r.reportedAt()))
                    .column("text", String[]::new, r -> String.join(DETAIL_SEPARATOR, r.redFlagSymptoms()))
                    .column("text", String[]::new, SymptomsReported::note)
                    .bind(statement, 1);
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

    /** Stores the sessions that are new and adds them to their weeks; returns those sessions and the weeks changed. */
    public SessionsApplied applySessions(List<SessionCompleted> sessions) {
        if (sessions.isEmpty()) {
            return new SessionsApplied(List.of(), List.of());
        }
        Set<UUID> stored = new HashSet<>();
        List<ChangedWeek> weeks = new ArrayList<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(APPLY_SESSIONS)) {
            bindSessions(statement, sessions);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID session = rows.getObject("session_id", UUID.class);
                    if (session != null) {
                        stored.add(session);
                    } else {
                        weeks.add(new ChangedWeek(
                                rows.getString("member_id"),
                                Rows.date(rows, "week_start"),
                                rows.getInt("sessions"),
                                rows.getInt("sum_pain_before"),
                                Rows.integer(rows, "baseline_pain")));
                    }
                }
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
        // A session id stored once: a repeat of it in the same batch is not new either.
        List<SessionCompleted> storedSessions =
                sessions.stream().filter(s -> stored.remove(s.sessionId())).toList();
        return new SessionsApplied(storedSessions, weeks);
    }

    private static void bindSessions(PreparedStatement statement, List<SessionCompleted> sessions) throws SQLException {
        ColumnArrays.of(sessions)
                .column("text", String[]::new, SessionCompleted::memberId)
                .column("uuid", UUID[]::new, SessionCompleted::sessionId)
                .column("timestamptz", Timestamp[]::new, s -> Timestamp.from(s.performedAt()))
                .column("int4", Integer[]::new, SessionCompleted::planVersion)
                .column("int2", Short[]::new, s -> (short) s.painBefore())
                .column("int2", Short[]::new, s -> (short) s.painDuring())
                .column("int2", Short[]::new, s -> (short) s.painAfter())
                .column("text", String[]::new, SessionCompleted::effort)
                .column("int2", Short[]::new, s -> (short) s.exercises().stream()
                        .filter(e -> "SKIPPED".equals(e.status()))
                        .count())
                .column("int2", Short[]::new, s -> (short) s.exercises().stream()
                        .filter(e -> "PAIN".equals(e.skipReason()))
                        .count())
                .column("text", String[]::new, s -> String.join(",", s.redFlagSymptoms()))
                .bind(statement, 1);
    }
}
