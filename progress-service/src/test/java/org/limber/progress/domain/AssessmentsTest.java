package org.limber.progress.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.limber.events.member.ProgressAssessed;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentsTest {

    static final AlertPolicy POLICY = new AlertPolicy(AlertRules.load());

    static PlanWeekFacts week(
            int sessions, int perWeek, int baseline, Double mean, Double previous, Integer worstDuring) {
        int sum = mean == null ? 0 : (int) Math.round(mean * sessions);
        return new PlanWeekFacts(
                "m",
                2,
                LocalDate.of(2026, 3, 2),
                perWeek,
                baseline,
                sessions,
                sum,
                mean,
                previous,
                null,
                worstDuring,
                new ProgressAssessed.Effort(0, sessions, 0),
                List.of(),
                List.of());
    }

    @Test
    void trendComparesWithTheWeekBeforeOrElseTheBaseline() {
        assertThat(Assessments.trend(4.0, 5.0, 8)).isEqualTo(Assessments.Trend.FALLING);
        assertThat(Assessments.trend(4.5, 5.0, 8)).isEqualTo(Assessments.Trend.STABLE);
        assertThat(Assessments.trend(6.0, 5.0, 2)).isEqualTo(Assessments.Trend.RISING);
        assertThat(Assessments.trend(6.0, null, 5)).isEqualTo(Assessments.Trend.RISING);
        assertThat(Assessments.trend(5.5, null, 5)).isEqualTo(Assessments.Trend.STABLE);
        assertThat(Assessments.trend(null, 3.0, 5)).isEqualTo(Assessments.Trend.STABLE);
    }

    @Test
    void safetySignalsArePainDuringAboveFiveAndPainWellAboveBaseline() {
        assertThat(Assessments.signals(week(1, 3, 4, 4.0, null, 5), POLICY)).isEmpty();
        assertThat(Assessments.signals(week(1, 3, 4, 4.0, null, 6), POLICY))
                .containsExactly(Assessments.Signal.PAIN_DURING_ABOVE_5);
        assertThat(Assessments.signals(week(2, 3, 4, 6.0, null, 4), POLICY))
                .containsExactly(Assessments.Signal.PAIN_ABOVE_BASELINE);
        assertThat(Assessments.signals(week(1, 3, 4, 6.0, null, 4), POLICY))
                .as("one session is not a week's pain")
                .isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "pain {0} before the latest session: flare signal {1}")
    @org.junit.jupiter.params.provider.CsvSource({"6, false", "7, true", "10, true"})
    void painOfSevenOrMoreBeforeASessionIsAFlareSignal(int latestPain, boolean signal) {
        PlanWeekFacts week = new PlanWeekFacts(
                "m",
                2,
                LocalDate.of(2026, 3, 2),
                5,
                latestPain,
                1,
                latestPain,
                (double) latestPain,
                null,
                latestPain,
                3,
                new ProgressAssessed.Effort(0, 1, 0),
                List.of(),
                List.of());
        assertThat(Assessments.signals(week, POLICY).contains(Assessments.Signal.PAIN_BEFORE_AT_LEAST_7))
                .isEqualTo(signal);
    }

    @Test
    void aWeekIsCompletedWhenItsSessionsAreDone() {
        assertThat(Assessments.completed(week(2, 3, 4, 4.0, null, 2))).isFalse();
        assertThat(Assessments.completed(week(3, 3, 4, 4.0, null, 2))).isTrue();
    }

    @Test
    void anAssessmentCarriesTheWeekRoundedAndCapped() {
        UUID id = UUID.randomUUID();
        ProgressAssessed a = Assessments.assess(
                week(4, 3, 6, 4.333, 5.0, 3), Assessments.Trigger.WEEK_COMPLETED, POLICY, id, Instant.EPOCH);
        assertThat(a.assessmentId()).isEqualTo(id);
        assertThat(a.eventId()).isEqualTo(id);
        assertThat(a.adherencePercent()).isEqualTo(100);
        assertThat(a.meanPain()).isEqualTo(4.3);
        assertThat(a.painTrend()).isEqualTo("STABLE");
        assertThat(a.safetySignals()).isEmpty();
        ProgressAssessed empty = Assessments.assess(
                week(0, 3, 6, null, null, null), Assessments.Trigger.WEEK_ENDED, POLICY, id, Instant.EPOCH);
        assertThat(empty.adherencePercent()).isZero();
        assertThat(empty.meanPain()).isNull();
        ProgressAssessed early = Assessments.assess(
                week(1, 3, 2, 3.0, null, 7), Assessments.Trigger.SAFETY_SIGNAL, POLICY, id, Instant.EPOCH);
        assertThat(early.safetySignals()).containsExactly("PAIN_DURING_ABOVE_5");
    }

    @Test
    void aSafetySignalMakesAnEarlyAssessmentEverythingElseARegularOne() {
        assertThat(Assessments.timing(Assessments.Trigger.SAFETY_SIGNAL)).isEqualTo(Assessments.Timing.EARLY);
        assertThat(Assessments.timing(Assessments.Trigger.WEEK_ENDED)).isEqualTo(Assessments.Timing.REGULAR);
        assertThat(Assessments.timing(Assessments.Trigger.WEEK_COMPLETED)).isEqualTo(Assessments.Timing.REGULAR);
    }
}
