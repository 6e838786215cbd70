package org.limber.progress.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.limber.events.member.MemberNeedsReview.Reason;

import static org.assertj.core.api.Assertions.assertThat;

class EventBoundsTest {

    @Test
    void repeatedCodesAreKeptOnceNotRefused() {
        List<String> repeated = new ArrayList<>(Collections.nCopies(10_000, "FEVER"));
        repeated.add("SADDLE_NUMBNESS");
        assertThat(EventBounds.codes(repeated, true)).isTrue();
        assertThat(EventBounds.distinct(repeated)).containsExactly("FEVER", "SADDLE_NUMBNESS");
        List<String> once = List.of("FEVER");
        assertThat(EventBounds.distinct(once)).isSameAs(once);
    }

    @Test
    void codesIdsTextsAndReasonsAreBounded() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= EventBounds.MAX_CODES; i++) {
            many.add("CODE_" + i);
        }
        assertThat(EventBounds.codes(many, false)).isFalse();
        assertThat(EventBounds.codes(List.of(), true)).isFalse();
        assertThat(EventBounds.codes(List.of(), false)).isTrue();
        assertThat(EventBounds.codes(List.of(" "), false)).isFalse();
        assertThat(EventBounds.codes(List.of("X".repeat(65)), false)).isFalse();
        assertThat(EventBounds.codes(List.of("A\nB"), false)).isFalse();
        assertThat(EventBounds.id(null)).isTrue();
        assertThat(EventBounds.id("")).isFalse();
        assertThat(EventBounds.id("c".repeat(129))).isFalse();
        assertThat(EventBounds.text("n".repeat(2001))).isFalse();
        assertThat(EventBounds.reasons(List.of(new Reason("NO_SAFE_SESSION", "why"))))
                .isTrue();
        assertThat(EventBounds.reasons(List.of())).isFalse();
        assertThat(EventBounds.reasons(List.of(new Reason("NO_SAFE_SESSION", " "))))
                .isFalse();
        assertThat(EventBounds.reasons(Collections.nCopies(21, new Reason("A", "b"))))
                .isFalse();
    }
}
