package org.limber.console.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

    @Test
    void theReviewAlertsHavePlainWords() {
        assertThat(Labels.alertKind("CANNOT_REGRESS")).isEqualTo("Pain not settling at the easiest level");
        assertThat(Labels.alertKind("NO_RESPONSE")).isEqualTo("No meaningful change by week 6-8");
        assertThat(Labels.alertKind("CLEARANCE_OVERDUE")).isEqualTo("Surgical clearance awaited over 2 weeks");
        assertThat(Labels.alertKind("NEEDS_REVIEW")).isEqualTo("Needs a clinician's review");
    }

    @Test
    void anUnknownCodeIsWrittenOutFromItself() {
        assertThat(Labels.alertKind("SOME_NEW_KIND")).isEqualTo("Some new kind");
        assertThat(Labels.redFlag("A_NEW_FLAG")).isEqualTo("A new flag");
        assertThat(Labels.alertKind(null)).isEmpty();
        assertThat(Labels.alertKind(" ")).isEmpty();
        assertThat(Labels.cause("SOMETHING_ELSE")).isEqualTo("something else");
    }

    @Test
    void thePanelsOpenAlertsAreSeverityAndKindInWordsMostUrgentFirst() {
        assertThat(Labels.openAlerts(
                        List.of("INACTIVE:NORMAL", "SOME_NEW_KIND", "NO_RESPONSE:HIGH", "REFERRAL:URGENT")))
                .extracting(Labels.OpenAlert::text)
                .containsExactly(
                        "Urgent: Red flag at intake: referred",
                        "High: No meaningful change by week 6-8",
                        "Routine: No session for 7 days",
                        "Some new kind");
        assertThat(Labels.openAlerts(List.of("HIGH_PAIN:HIGH", "CANNOT_REGRESS:HIGH")))
                .extracting(Labels.OpenAlert::severity)
                .containsExactly("HIGH", "HIGH");
        assertThat(Labels.openAlerts(List.of("HIGH_PAIN:HIGH", "CANNOT_REGRESS:HIGH")))
                .extracting(Labels.OpenAlert::code)
                .containsExactly("HIGH_PAIN:HIGH", "CANNOT_REGRESS:HIGH");
        assertThat(Labels.openAlerts(null)).isEmpty();
    }

    @Test
    void severitiesReadInWordsAndRankByUrgency() {
        assertThat(Labels.severity("URGENT")).isEqualTo("Urgent");
        assertThat(Labels.severity("HIGH")).isEqualTo("High");
        assertThat(Labels.severity("NORMAL")).isEqualTo("Routine");
        assertThat(Labels.severity("CRITICAL_NEW")).isEqualTo("Critical new");
        assertThat(Labels.urgency("URGENT")).isGreaterThan(Labels.urgency("HIGH"));
        assertThat(Labels.urgency("HIGH")).isGreaterThan(Labels.urgency("NORMAL"));
        assertThat(Labels.urgency("NORMAL"))
                .isGreaterThan(Labels.urgency("SOMETHING"))
                .isGreaterThan(Labels.urgency(null) - 1);
    }

    @Test
    void theOutcomesOfAReviewReadAsTheFormOffersThem() {
        assertThat(Labels.OUTCOMES).containsExactly("EXCLUDED_SAFE_TO_CONTINUE", "REFERRED_ON", "OTHER");
        assertThat(Labels.outcome("EXCLUDED_SAFE_TO_CONTINUE")).isEqualTo("Excluded — safe to continue");
        assertThat(Labels.outcome("REFERRED_ON")).isEqualTo("Referred on — keep the plan paused");
        assertThat(Labels.outcome("OTHER")).isEqualTo("Other");
        assertThat(Labels.redFlag("SADDLE_NUMBNESS")).isEqualTo("Saddle numbness");
    }
}
