package org.limber.progress.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.limber.common.sql.SqlFailure;
import org.limber.progress.domain.measures.CohortMeasures;

/**
 * The outcomes report's pain and PEG measures of the cohort {@link OutcomeReader} reads (the same members: first plan
 * started in [from, to) and at least 12 weeks before the report's day, with a baseline pain).
 */
@ApplicationScoped
public class MeasureReader {

    /** A cohort member's pain at the end and PEG scores, and whether they completed (a session in weeks 11-12). */
    public record Row(boolean completer, CohortMeasures.Member completed, CohortMeasures.Member started) {}

    private static final String COHORT = """
                select p.baseline_pain,
                       (select sum(w.sum_pain_before)::float / nullif(sum(w.sessions), 0) from weekly_stats w
                          where w.member_id = p.member_id
                            and w.week_start >= date_trunc('week', p.first_plan_start + 70)::date
                            and w.week_start < date_trunc('week', p.first_plan_start + 84)::date) as end_pain,
                       (select s.pain_before from session_fact s
                          where s.member_id = p.member_id
                            and s.performed_at < date_trunc('week', p.first_plan_start + 84)
                          order by s.performed_at desc limit 1) as last_pain,
                       (select q.score::float from questionnaire_response q
                          where q.member_id = p.member_id and q.questionnaire = 'PEG'
                          order by q.timepoint = 'BASELINE' desc, q.authored_at limit 1) as baseline_peg,
                       (select q.score::float from questionnaire_response q
                          where q.member_id = p.member_id and q.questionnaire = 'PEG'
                          order by q.authored_at desc limit 1) as latest_peg
                from member_profile p
                where p.first_plan_start >= ? and p.first_plan_start < ? and p.first_plan_start <= ?
                  and p.baseline_pain is not null
            """;

    private final AgroalDataSource dataSource;

    public MeasureReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Row> cohort(LocalDate from, LocalDate to, LocalDate reachedBy) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(COHORT)) {
            q.setDate(1, Date.valueOf(from));
            q.setDate(2, Date.valueOf(to));
            q.setDate(3, Date.valueOf(reachedBy.minusWeeks(12)));
            List<Row> result = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    result.add(row(r));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private static Row row(ResultSet r) throws SQLException {
        int baseline = r.getInt("baseline_pain");
        Double end = nullable(r, "end_pain");
        Double last = nullable(r, "last_pain");
        Double baselinePeg = nullable(r, "baseline_peg");
        Double latestPeg = nullable(r, "latest_peg");
        // All starters: end pain, else the last session's pain, else the baseline (no change); see CohortMeasures.
        double startedEnd = end != null ? end : last != null ? last : baseline;
        return new Row(
                end != null,
                new CohortMeasures.Member(baseline, end, baselinePeg, latestPeg),
                new CohortMeasures.Member(baseline, startedEnd, baselinePeg, latestPeg));
    }

    private static Double nullable(ResultSet r, String column) throws SQLException {
        double value = r.getDouble(column);
        return r.wasNull() ? null : value;
    }
}
