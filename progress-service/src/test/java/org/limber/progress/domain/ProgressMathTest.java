package org.limber.progress.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressMathTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

    @Test
    void painChangeAndTheClinicallyMeaningfulThreshold() {
        assertThat(ProgressMath.changePoints(6, 4)).isEqualTo(2);
        assertThat(ProgressMath.changePercent(6, 4)).isEqualByComparingTo("33.3");
        assertThat(ProgressMath.meaningful(6, 4)).isTrue(); // 2 points
        assertThat(ProgressMath.meaningful(3, 2)).isTrue(); // 1 point but 33.3%
        assertThat(ProgressMath.meaningful(5, 4)).isFalse(); // 1 point, 20%
        assertThat(ProgressMath.meaningful(8, 6)).isTrue(); // exactly 2 points, only 25%
        assertThat(ProgressMath.meaningful(4, 6)).isFalse(); // worse
        assertThat(ProgressMath.changePercent(0, 2)).isNull();
        assertThat(ProgressMath.changePoints(null, 2)).isNull();
        assertThat(ProgressMath.changePercent(7, 0)).isEqualByComparingTo("100.0");
    }

    @Test
    void aMeanPainFallsMeaningfullyByTheSameThreshold() {
        for (int baseline = 0; baseline <= 10; baseline++) {
            for (int latest = 0; latest <= 10; latest++) {
                assertThat(ProgressMath.meaningfulFall(baseline, latest))
                        .as(baseline + " to " + latest)
                        .isEqualTo(ProgressMath.meaningful(baseline, latest));
            }
        }
        assertThat(ProgressMath.meaningfulFall(6, 4.5)).isFalse(); // 1.5 points, 25%
        assertThat(ProgressMath.meaningfulFall(5, 3.5)).isTrue(); // 1.5 points, 30%
        assertThat(ProgressMath.meaningfulFall(0, 0)).isFalse(); // no pain to fall
    }

    @Test
    void adherenceIsCappedAndNullWithoutAPlan() {
        assertThat(ProgressMath.adherence(2, 3)).isEqualTo(67);
        assertThat(ProgressMath.adherence(5, 3)).isEqualTo(100);
        assertThat(ProgressMath.adherence(0, 4)).isZero();
        assertThat(ProgressMath.adherence(1, 0)).isNull();
    }

    @Test
    void prescriptionFollowsThePlanInForceAndProratesTheFirstWeek() {
        List<Prescription> plans =
                List.of(new Prescription(1, MONDAY.plusDays(3), 4), new Prescription(2, MONDAY.plusWeeks(2), 5));
        assertThat(ProgressMath.prescribed(MONDAY.minusWeeks(1), plans)).isZero();
        assertThat(ProgressMath.prescribed(MONDAY, plans))
                .isEqualTo(2); // Thursday to Sunday: 4 of 7 days of 4 sessions
        assertThat(ProgressMath.prescribed(MONDAY.plusWeeks(1), plans)).isEqualTo(4);
        assertThat(ProgressMath.prescribed(MONDAY.plusWeeks(2), plans)).isEqualTo(5);
    }

    @Test
    void theWeeklySeriesHasExactMeansAndShares() {
        List<WeekStats> stats = List.of(new WeekStats(MONDAY, 3, 15, 12, 7, 6, 1, 0));
        List<ProgressMath.WeekPoint> series = ProgressMath.series(
                stats, List.of(new Prescription(1, MONDAY.minusWeeks(4), 4)), MONDAY.plusDays(2), 2);
        assertThat(series).hasSize(2);
        ProgressMath.WeekPoint empty = series.get(0);
        assertThat(empty.weekStart()).isEqualTo(MONDAY.minusWeeks(1));
        assertThat(empty.sessionsDone()).isZero();
        assertThat(empty.adherencePercent()).isZero();
        assertThat(empty.meanPainBefore()).isNull();
        ProgressMath.WeekPoint week = series.get(1);
        assertThat(week.sessionsDone()).isEqualTo(3);
        assertThat(week.sessionsPrescribed()).isEqualTo(4);
        assertThat(week.adherencePercent()).isEqualTo(75);
        assertThat(week.meanPainBefore()).isEqualByComparingTo("5.0");
        assertThat(week.meanWorstPainDuring()).isEqualByComparingTo("4.0");
        assertThat(week.meanPainAfter()).isEqualByComparingTo("2.3");
        assertThat(week.maxPainDuring()).isEqualTo(6);
        assertThat(week.shareTooHard()).isEqualByComparingTo(new BigDecimal("0.33"));
        assertThat(week.shareTooEasy()).isEqualByComparingTo("0.00");
    }

    @Test
    void aStreakCountsWeeksOfThreeOrMoreAndAWeekInProgressDoesNotBreakIt() {
        List<WeekStats> stats = List.of(
                week(MONDAY.minusWeeks(3), 3),
                week(MONDAY.minusWeeks(2), 4),
                week(MONDAY.minusWeeks(1), 3),
                week(MONDAY, 1));
        assertThat(ProgressMath.streak(stats, MONDAY.plusDays(2))).isEqualTo(3);
        assertThat(ProgressMath.streak(List.of(week(MONDAY.minusWeeks(1), 3), week(MONDAY, 3)), MONDAY.plusDays(2)))
                .isEqualTo(2);
        assertThat(ProgressMath.streak(List.of(week(MONDAY.minusWeeks(2), 5), week(MONDAY.minusWeeks(1), 2)), MONDAY))
                .isZero();
    }

    @Test
    void theSummaryMarksTheEarlyMilestone() {
        ProgressMath.Summary s = ProgressMath.summary(6, 3, null, null, 6, List.of(), List.of(), MONDAY, 4);
        assertThat(s.earlyMilestoneReached()).isTrue();
        assertThat(s.changePercent()).isEqualByComparingTo("50.0");
        assertThat(s.weeks()).hasSize(4);
        assertThat(ProgressMath.summary(6, 3, null, null, 5, List.of(), List.of(), MONDAY, 4)
                        .earlyMilestoneReached())
                .isFalse();
    }

    private static WeekStats week(LocalDate start, int sessions) {
        return new WeekStats(start, sessions, sessions * 4, sessions * 3, sessions * 2, 5, 0, 0);
    }
}
