package org.limber.console.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewFormTest {

    @Test
    void flagsAreReadOnceEachAndTheOutcomeTextGoesOnlyWithOther() {
        ReviewForm.Result r = ReviewForm.read(
                List.of("saddle_numbness", "SADDLE_NUMBNESS", "FOOT_DROP"), "excluded_safe_to_continue", "t", "ok");
        assertThat(r.valid()).isTrue();
        assertThat(r.values().redFlags()).containsExactly("SADDLE_NUMBNESS", "FOOT_DROP");
        assertThat(r.values().ticked("FOOT_DROP")).isTrue();
        assertThat(r.values().outcomeTextToSend()).isNull();
        assertThat(ReviewForm.read(List.of("FOOT_DROP"), "OTHER", "seen", "n")
                        .values()
                        .outcomeTextToSend())
                .isEqualTo("seen");
    }

    @Test
    void nothingTickedAnUnknownOutcomeOtherWithoutTextAndNoNoteAreEachNamed() {
        assertThat(ReviewForm.read(null, "MAYBE", null, " ").errors())
                .containsOnlyKeys("redFlagsAssessed", "outcome", "note");
        assertThat(ReviewForm.read(List.of("<b>"), "OTHER", null, "n").errors())
                .containsEntry("redFlagsAssessed", "'<b>' is not a red flag")
                .containsEntry("outcomeText", "say what the outcome is when it is Other");
        String[] many = new String[33];
        Arrays.setAll(many, i -> "FLAG_" + i);
        assertThat(ReviewForm.read(List.of(many), "REFERRED_ON", null, "n").errors())
                .containsEntry("redFlagsAssessed", "at most 32");
    }

    @Test
    void theServicesFieldErrorsOnListElementsShowOnTheGroup() {
        Problem p = new Problem(422, "t", "d", Map.of("redFlagsAssessed[0]", "not assessed", "note", "too long"));
        assertThat(ReviewForm.fieldErrors(p))
                .containsEntry("redFlagsAssessed", "not assessed")
                .containsEntry("note", "too long");
    }
}
