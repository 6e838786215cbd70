package org.limber.progress.domain;

import java.time.Instant;
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
}
