package org.limber.routine.domain.adapt;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.limber.routine.domain.AssessmentRecord.Decision;

import static org.assertj.core.api.Assertions.assertThat;

/** What an assessment leads to before its week is looked at, and the time it judges the week at. */
class BeforeTheWeekTest {

    static final Instant RECEIVED = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aMemberWithoutAPlanHasNothingToAdapt() {
        WeeklyAdaptation.Outcome outcome =
                WeeklyAdaptation.beforeTheWeek(1, null, false).orElseThrow();

        assertThat(outcome.decision()).isEqualTo(Decision.NO_PLAN);
        assertThat(outcome.summary()).isEqualTo("The member has no plan.");
        assertThat(outcome.next()).isNull();
        assertThat(outcome.reviews()).isEmpty();
        assertThat(outcome.stopAdaptation()).isFalse();
        assertThat(outcome.ruleId()).isNull();
    }

    @Test
    void anAssessmentOfAnotherVersionThanTheOneInForceIsSuperseded() {
        WeeklyAdaptation.Outcome older =
                WeeklyAdaptation.beforeTheWeek(3, 4, false).orElseThrow();
        WeeklyAdaptation.Outcome newer =
                WeeklyAdaptation.beforeTheWeek(5, 4, true).orElseThrow();

        assertThat(older.decision()).isEqualTo(Decision.SUPERSEDED);
        assertThat(older.summary()).isEqualTo("Version 3 was assessed; version 4 is in force now.");
        assertThat(newer.decision()).isEqualTo(Decision.SUPERSEDED);
        assertThat(older.next()).isNull();
    }

    @Test
    void aSuspendedPlanIsLeftAloneUntilAClinicianHasLooked() {
        WeeklyAdaptation.Outcome outcome =
                WeeklyAdaptation.beforeTheWeek(4, 4, true).orElseThrow();

        assertThat(outcome.decision()).isEqualTo(Decision.SUSPENDED);
        assertThat(outcome.summary()).contains("suspended by a red flag");
        assertThat(outcome.next()).isNull();
        assertThat(outcome.stopAdaptation()).isFalse();
    }

    @Test
    void theWeekOfTheVersionInForceIsDecided() {
        assertThat(WeeklyAdaptation.beforeTheWeek(4, 4, false)).isEmpty();
    }

    @Test
    void theWeekIsJudgedAtTheAssessmentsOwnTimeUnlessItClaimsALaterOneThanItWasReceived() {
        Instant earlier = RECEIVED.minusSeconds(3_600);
        Instant later = RECEIVED.plusSeconds(60);

        assertThat(WeeklyAdaptation.judgedAt(earlier, RECEIVED)).isEqualTo(earlier);
        assertThat(WeeklyAdaptation.judgedAt(later, RECEIVED)).isEqualTo(RECEIVED);
        assertThat(WeeklyAdaptation.judgedAt(RECEIVED, RECEIVED)).isEqualTo(RECEIVED);
    }
}
