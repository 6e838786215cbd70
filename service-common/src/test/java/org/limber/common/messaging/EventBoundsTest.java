package org.limber.common.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

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
    void codesIdsTextsAndListsAreBounded() {
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
        assertThat(EventBounds.key(null)).isFalse();
        assertThat(EventBounds.key(" ")).isFalse();
        assertThat(EventBounds.key("member-1")).isTrue();
        assertThat(EventBounds.list(Collections.nCopies(3, "x"), 2)).isFalse();
        assertThat(EventBounds.list(Arrays.asList("x", null), 2)).isFalse();
        assertThat(EventBounds.list(null, 2)).isFalse();
    }

    @Test
    void aTextTooLongIsClippedToTheBoundNeverHalfACharacter() {
        String bound = "n".repeat(EventBounds.MAX_TEXT_LENGTH);
        assertThat(EventBounds.clip(bound)).isSameAs(bound);
        assertThat(EventBounds.clip(null)).isNull();
        String clipped = EventBounds.clip("n".repeat(5000));
        assertThat(clipped).hasSize(EventBounds.MAX_TEXT_LENGTH).endsWith("n…");
        assertThat(EventBounds.text(clipped)).isTrue();
        // An emoji (two chars) across the cut: left out whole, not split.
        String emoji = "n".repeat(EventBounds.MAX_TEXT_LENGTH - 2) + "\uD83D\uDE00" + "tail";
        assertThat(EventBounds.clip(emoji)).isEqualTo("n".repeat(EventBounds.MAX_TEXT_LENGTH - 2) + "…");
    }

    @Test
    void datesOutsideTheDomainsYearsAreRefused() {
        assertThat(EventBounds.time(Instant.parse("2026-03-01T10:00:00Z"))).isTrue();
        assertThat(EventBounds.time(LocalDate.of(2026, 3, 2))).isTrue();
        assertThat(EventBounds.time(null)).isFalse();
        assertThat(EventBounds.time(Instant.parse("+200000-01-01T00:00:00Z"))).isFalse();
        assertThat(EventBounds.time(Instant.MAX)).isFalse();
        assertThat(EventBounds.time(LocalDate.MIN)).isFalse();
        assertThat(EventBounds.time(LocalDate.of(1999, 12, 31))).isFalse();
    }
}
