package org.limber.progress.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;

import org.limber.common.sql.SqlArrays;
import org.limber.common.sql.SqlFailure;
import org.limber.events.member.ProgressAssessed;
import org.limber.events.member.SessionCompleted;
import org.limber.progress.domain.Assessments;
import org.limber.progress.domain.PlanWeekFacts;

/** Skipped exercises, the facts of plan weeks, and the assessments made of them; set-based statements. */
@ApplicationScoped
public class AssessmentStore {

    private static final String INSERT_SKIPS = """
            insert into session_skip (member_id, session_id, slug, reason)
            select * from unnest(?::text[], ?::uuid[], ?::text[], ?::text[])
            on conflict do nothing
            """;

    /**
     * The plan week in progress of the given members (sessions of their current plan version), of
     * those whose newest session given falls in it (a late session from an earlier week changes
     * nothing this week's assessment reads), unless its regular assessment is made already (it
     * covers the rest of the week), or the plan is suspended (routine-service adapts nothing while
     * it is: a clinician decides).
     */
    private static final String CURRENT_WEEKS = """
            with current_week as (
                select p.member_id, p.plan_version, p.plan_start + 7 * greatest(0, (?::date - p.plan_start) / 7) as week_start, i.newest
                from unnest(?::text[], ?::timestamptz[]) as i(member_id, newest)
                join member_profile p on p.member_id = i.member_id
                where p.plan_version is not null and p.plan_start is not null and not p.suspended
            ), w as (
                select c.member_id, c.week_start from current_week c
                where c.newest >= (c.week_start::timestamp at time zone 'UTC')
                  and not exists (select 1 from assessment a where a.member_id = c.member_id and a.plan_version = c.plan_version
                                                               and a.week_start = c.week_start and a.kind = 'REGULAR')
            )
            """;

    /**
     * The plan week that ended last, of members with an active plan not assessed for it yet
     * (active: the plan started in the last five weeks or a session was logged in them). Not while the
     * plan is suspended, and never a week the latest suspension overlapped (from the suspension to the
     * resumption): routine-service ignores such a week's assessment, and a week the member was told
     * to stop is no measure of the plan.
     */
    private static final String ENDED_WEEKS = """
            with ended as (
                select p.member_id, p.plan_version, p.plan_start + 7 * ((?::date - p.plan_start) / 7 - 1) as week_start,
                       p.suspended_at, case when p.resumed_at > p.suspended_at then p.resumed_at end as resumed_at
                from member_profile p
                where p.plan_version is not null and p.plan_start <= ?::date - 7 and not p.suspended
                  and (p.plan_start >= ?::date - 35
                       or exists (select 1 from session_fact s where s.member_id = p.member_id and s.performed_at >= ?))
            ), w as (
                select e.member_id, e.week_start from ended e
                where not exists (select 1 from assessment a where a.member_id = e.member_id and a.plan_version = e.plan_version
                                                               and a.week_start = e.week_start and a.kind = 'REGULAR')
                  and not (e.suspended_at is not null and e.suspended_at < ((e.week_start + 7)::timestamp at time zone 'UTC')
                           and (e.resumed_at is null or e.resumed_at > (e.week_start::timestamp at time zone 'UTC')))
            )
            """;

    /** The facts of each week in {@code w}; appended to one of the above. */
    private static final String FACTS = """
            , facts as (
                select w.member_id, w.week_start, p.plan_version, p.sessions_per_week, coalesce(p.baseline_pain, 0) as baseline_pain,
                       (w.week_start::timestamp at time zone 'UTC') as from_at,
                       ((w.week_start + 7)::timestamp at time zone 'UTC') as to_at
                from w join member_profile p on p.member_id = w.member_id
            )
            select f.member_id, f.week_start, f.plan_version, f.sessions_per_week, f.baseline_pain,
                   s.sessions, s.sum_pain_before, s.mean_pain, s.latest_pain, s.worst_during, s.too_easy, s.just_right, s.too_hard,
                   (select avg(pain_before)::float8 from session_fact b
                     where b.member_id = f.member_id and b.performed_at >= f.from_at - interval '7 days'
                       and b.performed_at < f.from_at) as previous_mean,
                   (select string_agg(distinct flag, ',') from session_fact r, unnest(r.red_flags) flag
                     where r.member_id = f.member_id and r.plan_version = f.plan_version
                       and r.performed_at >= f.from_at and r.performed_at < f.to_at) as red_flags,
                   (select string_agg(k.slug || ':' || k.reason || ':' || k.times, ',' order by k.slug, k.reason)
                      from (select k.slug, k.reason, count(*) as times
                              from session_skip k join session_fact x on x.member_id = k.member_id and x.session_id = k.session_id
                             where k.member_id = f.member_id and x.plan_version = f.plan_version
                               and x.performed_at >= f.from_at and x.performed_at < f.to_at
                             group by k.slug, k.reason) k) as skips
            from facts f
            cross join lateral (
                select count(*)::int as sessions, coalesce(sum(pain_before), 0)::int as sum_pain_before,
                       avg(pain_before)::float8 as mean_pain, (array_agg(pain_before order by performed_at desc))[1]::int as latest_pain,
                       max(pain_during)::int as worst_during,
                       count(*) filter (where effort = 'TOO_EASY')::int as too_easy,
                       count(*) filter (where effort = 'JUST_RIGHT')::int as just_right,
                       count(*) filter (where effort = 'TOO_HARD')::int as too_hard
                from session_fact s
                where s.member_id = f.member_id and s.plan_version = f.plan_version
                  and s.performed_at >= f.from_at and s.performed_at < f.to_at
            ) s
            order by f.member_id
            """;

    private static final String INSERT_ASSESSMENTS = """
            insert into assessment (id, member_id, plan_version, week_start, kind, trigger, created_at, payload)
            select id, member_id, plan_version, week_start, kind, trigger, created_at, payload::jsonb
            from unnest(?::uuid[], ?::text[], ?::int[], ?::date[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
                as t(id, member_id, plan_version, week_start, kind, trigger, created_at, payload)
            order by member_id
            on conflict do nothing
            returning id
            """;

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public AssessmentStore(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** Keeps which exercises the sessions skipped and why (a replay adds nothing). */
    public void recordSkips(List<SessionCompleted> sessions) {
        List<String> member = new ArrayList<>();
        List<UUID> session = new ArrayList<>();
        List<String> slug = new ArrayList<>();
        List<String> reason = new ArrayList<>();
        for (SessionCompleted s : sessions) {
            for (SessionCompleted.ExerciseOutcome e : s.exercises()) {
                if ("SKIPPED".equals(e.status()) && e.slug() != null) {
                    member.add(s.memberId());
                    session.add(s.sessionId());
                    slug.add(e.slug());
                    reason.add(e.skipReason() == null ? "OTHER" : e.skipReason());
                }
            }
        }
        if (member.isEmpty()) {
            return;
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(INSERT_SKIPS)) {
            SqlArrays.bind(statement, 1, "text", member);
            SqlArrays.bind(statement, 2, "uuid", session);
            SqlArrays.bind(statement, 3, "text", slug);
            SqlArrays.bind(statement, 4, "text", reason);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /**
     * The plan week in progress on {@code today} of each of the members who has a plan, given each member's newest
     * session just stored: a member whose newest one is from before that week has nothing new in it.
     */
    public List<PlanWeekFacts> currentWeeks(Map<String, Instant> newestSession, LocalDate today) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(CURRENT_WEEKS + FACTS)) {
            statement.setDate(1, Date.valueOf(today));
            SqlArrays.bind(statement, 2, "text", newestSession.keySet());
            SqlArrays.bind(
                    statement,
                    3,
                    "timestamptz",
                    newestSession.values().stream().map(Timestamp::from).toList());
            return facts(statement);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** The plan week that ended last before {@code today}, of each active member not assessed for it. */
    public List<PlanWeekFacts> endedWeeks(LocalDate today) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(ENDED_WEEKS + FACTS)) {
            statement.setDate(1, Date.valueOf(today));
            statement.setDate(2, Date.valueOf(today));
            statement.setDate(3, Date.valueOf(today));
            statement.setTimestamp(
                    4,
                    Timestamp.from(
                            today.minusDays(35).atStartOfDay(ZoneOffset.UTC).toInstant()));
            return facts(statement);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Stores the assessments not made before (per member, plan version, week and timing); returns those. */
    public List<ProgressAssessed> record(List<ProgressAssessed> assessments) {
        if (assessments.isEmpty()) {
            return List.of();
        }
        Set<UUID> stored = new HashSet<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(INSERT_ASSESSMENTS)) {
            ColumnArrays.of(assessments)
                    .column("uuid", UUID[]::new, ProgressAssessed::assessmentId)
                    .column("text", String[]::new, ProgressAssessed::memberId)
                    .column("int4", Integer[]::new, ProgressAssessed::planVersion)
                    .column("date", Date[]::new, a -> Date.valueOf(a.weekStart()))
                    .column(
                            "text",
                            String[]::new,
                            a -> Assessments.timing(Assessments.Trigger.valueOf(a.trigger()))
                                    .name())
                    .column("text", String[]::new, ProgressAssessed::trigger)
                    .column("timestamptz", Timestamp[]::new, a -> Timestamp.from(a.occurredAt()))
                    .column("text", String[]::new, this::json)
                    .bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
        return assessments.stream()
                .filter(a -> stored.contains(a.assessmentId()))
                .toList();
    }

    private static List<PlanWeekFacts> facts(PreparedStatement statement) throws SQLException {
        List<PlanWeekFacts> weeks = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                int sessions = rows.getInt("sessions");
                weeks.add(new PlanWeekFacts(
                        rows.getString("member_id"),
                        rows.getInt("plan_version"),
                        rows.getDate("week_start").toLocalDate(),
                        rows.getInt("sessions_per_week"),
                        rows.getInt("baseline_pain"),
                        sessions,
                        rows.getInt("sum_pain_before"),
                        nullable(rows, "mean_pain"),
                        nullable(rows, "previous_mean"),
                        sessions == 0 ? null : rows.getInt("latest_pain"),
                        sessions == 0 ? null : rows.getInt("worst_during"),
                        new ProgressAssessed.Effort(
                                rows.getInt("too_easy"), rows.getInt("just_right"), rows.getInt("too_hard")),
                        skips(rows.getString("skips")),
                        split(rows.getString("red_flags"))));
            }
        }
        return weeks;
    }

    private static Double nullable(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    private static List<ProgressAssessed.Skip> skips(String joined) {
        return split(joined).stream()
                .map(s -> s.split(":"))
                .map(p -> new ProgressAssessed.Skip(p[0], p[1], Integer.parseInt(p[2])))
                .toList();
    }

    private String json(ProgressAssessed assessment) {
        try {
            return mapper.writeValueAsString(assessment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an assessment cannot be written as JSON", e);
        }
    }
}
