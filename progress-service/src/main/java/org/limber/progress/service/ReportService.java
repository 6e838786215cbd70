package org.limber.progress.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import org.limber.common.problem.ProblemException;
import org.limber.progress.domain.Outcomes;
import org.limber.progress.domain.measures.CohortMeasures;
import org.limber.progress.repository.MeasureReader;
import org.limber.progress.repository.OutcomeReader;

/** Program outcomes for admins: aggregates only. */
@ApplicationScoped
public class ReportService {

    /** Outcomes exist from 2000 on (Java would take years up to a billion). */
    static final int FIRST_YEAR = 2000;

    private final OutcomeReader reader;
    private final MeasureReader measures;

    public ReportService(OutcomeReader reader, MeasureReader measures) {
        this.reader = reader;
        this.measures = measures;
    }

    /**
     * The outcomes of members who reached 12 weeks by {@code today}: those whose first plan started
     * in {@code startMonth}, or all of them when it is null.
     */
    public Outcomes.Report outcomes(YearMonth startMonth, LocalDate today) {
        LocalDate from = LocalDate.of(FIRST_YEAR, 1, 1);
        LocalDate to = today.plusDays(1);
        if (startMonth != null) {
            if (startMonth.getYear() < FIRST_YEAR || startMonth.getYear() > today.getYear() + 1) {
                throw ProblemException.badParameter(
                        "startMonth", "must be a month between " + FIRST_YEAR + "-01 and next year");
            }
            from = startMonth.atDay(1);
            to = startMonth.plusMonths(1).atDay(1);
        }
        List<MeasureReader.Row> rows = measures.cohort(from, to, today);
        return Outcomes.report(reader.cohort(from, to, today))
                .withMeasures(
                        CohortMeasures.of(
                                rows.stream().map(MeasureReader.Row::started).toList()),
                        CohortMeasures.of(rows.stream()
                                .filter(MeasureReader.Row::completer)
                                .map(MeasureReader.Row::completed)
                                .toList()));
    }
}
