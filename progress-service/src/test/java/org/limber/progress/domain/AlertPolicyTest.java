package org.limber.progress.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertPolicyTest {

    final AlertPolicy policy = new AlertPolicy(AlertRules.load());

    @Test
    void everyKindHasARuleWithAReason() {
        for (AlertKind kind : AlertKind.values()) {
            assertThat(policy.rules().rule(kind).reason()).isNotBlank();
        }
        assertThat(policy.rules().rule(AlertKind.RED_FLAG_SYMPTOM).severity()).isEqualTo(Severity.URGENT);
        assertThat(policy.rules().rule(AlertKind.REFERRAL).severity()).isEqualTo(Severity.URGENT);
        assertThat(policy.rules().rule(AlertKind.NEEDS_REVIEW).severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void noUrgentCauseIsEverFoldedIntoAnOpenAlert() {
        for (AlertKind kind : AlertKind.values()) {
            AlertRules.Rule rule = policy.rules().rule(kind);
            if (rule.severity() == Severity.URGENT) {
                assertThat(rule.folds()).as(kind.name()).isFalse();
            }
        }
        assertThat(policy.rules().rule(AlertKind.NEEDS_REVIEW).folds()).isFalse();
        assertThat(policy.rules().rule(AlertKind.HIGH_PAIN).folds()).isTrue();
    }

    @Test
    void sessionRules() {
        assertThat(policy.forSession(2, 6, 3, List.of())).isEmpty();
        assertThat(policy.forSession(2, 7, 3, List.of())).containsExactly(AlertKind.HIGH_PAIN);
        assertThat(policy.forSession(7, 1, 1, List.of())).containsExactly(AlertKind.HIGH_PAIN);
        assertThat(policy.forSession(1, 1, 1, List.of("SADDLE_NUMBNESS"))).containsExactly(AlertKind.RED_FLAG_SYMPTOM);
    }

    @Test
    void painAboveBaselineNeedsTwoSessionsAveragingTwoPointsOver() {
        assertThat(policy.painAboveBaseline(1, 9, 3)).isFalse(); // one session does not make a week
        assertThat(policy.painAboveBaseline(2, 10, 3)).isTrue(); // mean 5 = 3 + 2
        assertThat(policy.painAboveBaseline(2, 9, 3)).isFalse(); // mean 4.5
        assertThat(policy.painAboveBaseline(3, 20, null)).isFalse();
    }

    @Test
    void inactivityAndLowAdherence() {
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        assertThat(policy.inactive(now.minus(8, ChronoUnit.DAYS), now)).isTrue();
        assertThat(policy.inactive(now.minus(6, ChronoUnit.DAYS), now)).isFalse();
        assertThat(policy.lowAdherence(List.of(33, 49))).isTrue();
        assertThat(policy.lowAdherence(List.of(33, 50))).isFalse();
        assertThat(policy.lowAdherence(List.of(10))).isFalse();
    }

    @Test
    void inactiveMeansMoreThanSevenWholeDaysAndNeedsAStart() {
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        assertThat(policy.inactive(now.minus(7, ChronoUnit.DAYS), now)).isFalse();
        assertThat(policy.inactive(now.minus(7, ChronoUnit.DAYS).minusSeconds(1), now))
                .isTrue();
        assertThat(policy.inactive(null, now)).isFalse();
        // Painful after a session alone, or a null adherence (a week before any plan), counts too.
        assertThat(policy.forSession(1, 1, 7, List.of())).containsExactly(AlertKind.HIGH_PAIN);
        assertThat(policy.forSession(7, 1, 1, List.of("FEVER")))
                .containsExactly(AlertKind.RED_FLAG_SYMPTOM, AlertKind.HIGH_PAIN);
        assertThat(policy.lowAdherence(Arrays.asList(33, null))).isFalse();
    }

    /** Issue 20, item 5: no meaningful change by week 6 to 8 is the guideline's point to reconsider the approach. */
    @Test
    void noResponseAtWeeksSixToEightWhenPainHasNotFallenTwoPointsOrThirtyPercent() {
        LocalDate start = LocalDate.parse("2026-01-05");
        LocalDate week6 = start.plusDays(35);
        assertThat(AlertPolicy.planWeek(start, start)).isEqualTo(1);
        assertThat(AlertPolicy.planWeek(start, week6)).isEqualTo(6);
        // Baseline 6, mean pain before 5 over 4 sessions: 1 point, 17%; no meaningful change.
        assertThat(policy.noResponse(start, week6, 6, 4, 20)).isTrue();
        // Mean 4.5: 1.5 points but 25%; still none. Mean 4: 2 points, a meaningful change.
        assertThat(policy.noResponse(start, week6, 6, 2, 9)).isTrue();
        assertThat(policy.noResponse(start, week6, 6, 2, 8)).isFalse();
        // Baseline 3, mean 2: 1 point but 33%, meaningful.
        assertThat(policy.noResponse(start, week6, 3, 3, 6)).isFalse();
        // Pain that rose is no response either.
        assertThat(policy.noResponse(start, week6, 4, 3, 18)).isTrue();
    }

    @Test
    void noResponseOnlyInPlanWeeksSixToEight() {
        LocalDate start = LocalDate.parse("2026-01-05");
        assertThat(policy.noResponse(start, start.plusDays(34), 6, 4, 24)).isFalse(); // week 5
        assertThat(policy.noResponse(start, start.plusDays(35), 6, 4, 24)).isTrue(); // week 6, first day
        assertThat(policy.noResponse(start, start.plusDays(55), 6, 4, 24)).isTrue(); // week 8, last day
        assertThat(policy.noResponse(start, start.plusDays(56), 6, 4, 24)).isFalse(); // week 9
        assertThat(policy.noResponse(start, start.minusDays(3), 6, 4, 24)).isFalse();
        // The reader's window of first plan starts is exactly the members in those weeks today.
        LocalDate today = LocalDate.parse("2026-03-01");
        AlertPolicy.Starts starts = policy.noResponseStarts(today);
        assertThat(AlertPolicy.planWeek(starts.to(), today)).isEqualTo(6);
        assertThat(AlertPolicy.planWeek(starts.to().plusDays(1), today)).isEqualTo(5);
        assertThat(AlertPolicy.planWeek(starts.from(), today)).isEqualTo(8);
        assertThat(AlertPolicy.planWeek(starts.from().minusDays(1), today)).isEqualTo(9);
    }

    @Test
    void noResponseIsConservativeWithoutEvidenceAndSilentWithoutPainToFall() {
        LocalDate start = LocalDate.parse("2026-01-05");
        LocalDate week7 = start.plusDays(44);
        // One good session is not a response; none is no evidence of one: both ask for a review.
        assertThat(policy.noResponse(start, week7, 6, 1, 1)).isTrue();
        assertThat(policy.noResponse(start, week7, 6, 0, 0)).isTrue();
        // A baseline of 0 has no pain to fall; an unknown one gives nothing to compare.
        assertThat(policy.noResponse(start, week7, 0, 4, 0)).isFalse();
        assertThat(policy.noResponse(start, week7, null, 4, 0)).isFalse();
        assertThat(policy.noResponseDetails(6, 4, 20))
                .containsExactly(
                        "NO_MEANINGFUL_CHANGE: baseline pain 6; mean pain before sessions 5.0 over the last 14 days (4 sessions)");
        assertThat(policy.noResponseDetails(6, 1, 1))
                .containsExactly(
                        "TOO_FEW_SESSIONS: baseline pain 6; 1 session in the last 14 days, too few to show a change");
    }

    @Test
    void noResponseDetailsNameTooFewSessionsBelowTheRulesMinimumAndTheMeanPainFromIt() {
        assertThat(policy.noResponseDetails(6, 1, 5))
                .containsExactly("TOO_FEW_SESSIONS: baseline pain 6; 1 session in the last 14 days, too few to show a"
                        + " change");
        assertThat(policy.noResponseDetails(6, 2, 11))
                .containsExactly("NO_MEANINGFUL_CHANGE: baseline pain 6; mean pain before sessions 5.5 over the last 14"
                        + " days (2 sessions)");
    }
}
