package org.limber.console.domain;

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
    void thePanelsOpenAlertsNameTheKindAndTheSeverity() {
        assertThat(Labels.openAlert("NO_RESPONSE:HIGH")).isEqualTo("No meaningful change by week 6-8 (HIGH)");
        assertThat(Labels.openAlert("SOME_NEW_KIND")).isEqualTo("Some new kind");
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
