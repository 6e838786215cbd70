package org.limber.progress.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.limber.common.sql.SqlFailure;
import org.limber.progress.domain.Outcomes;
import org.limber.progress.domain.Prescription;

/** The read of the outcomes report: the members of a cohort, their pain and their weeks. */
@ApplicationScoped
public class OutcomeReader {

    /** Parameters: from, to, and the latest first start (at least 12 weeks before the report's day). */
    private static final String COHORT = """
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
            """;

    private final AgroalDataSource dataSource;

    public OutcomeReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Members whose first plan started in [from, to) and at least 12 weeks before {@code reachedBy}, with every plan
     * version's prescription and the weeks (0-11) their plan was suspended in (the latest suspension: any week it
     * overlaps is left out of adherence, the conservative reading).
     */
    public List<Outcomes.Member> cohort(LocalDate from, LocalDate to, LocalDate reachedBy) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(COHORT)) {
            q.setDate(1, Date.valueOf(from));
            q.setDate(2, Date.valueOf(to));
            q.setDate(3, Date.valueOf(reachedBy.minusWeeks(12)));
            List<Outcomes.Member> result = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    result.add(member(r));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private static Outcomes.Member member(ResultSet r) throws SQLException {
        double end = r.getDouble("end_pain");
        Double endPain = r.wasNull() ? null : end; // no session in weeks 11-12: not a completer
        Integer[] weekly = (Integer[]) r.getArray("weekly").getArray();
        LocalDate firstStart = r.getDate("first_plan_start").toLocalDate();
        List<Prescription> prescriptions = Rows.prescriptions(r);
        if (prescriptions.isEmpty()) {
            prescriptions = List.of(new Prescription(0, firstStart, r.getInt("sessions_per_week")));
        }
        Array suspended = r.getArray("suspended_weeks");
        Set<Integer> suspendedWeeks = suspended == null ? Set.of() : Set.of((Integer[]) suspended.getArray());
        return new Outcomes.Member(
                r.getInt("baseline_pain"),
                endPain,
                firstStart,
                prescriptions,
                Arrays.stream(weekly).mapToInt(Integer::intValue).toArray(),
                suspendedWeeks);
    }
}
