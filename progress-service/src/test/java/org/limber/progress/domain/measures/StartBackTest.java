package org.limber.progress.domain.measures;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class StartBackTest {

    /** Hand-worked cases at every boundary: total 3/4 (LOW), subscale 3/4 (MEDIUM/HIGH). */
    @ParameterizedTest
    @CsvSource({
        "0,0,LOW",
        "3,0,LOW",
        "3,3,LOW",
        "4,0,MEDIUM",
        "4,3,MEDIUM",
        "4,4,HIGH",
        "9,5,HIGH",
        "9,3,MEDIUM",
        "5,4,HIGH"
    })
    void riskGroupAtEachBoundary(int total, int subscale, String group) {
        assertThat(StartBack.riskGroup(total, subscale)).isEqualTo(group);
    }

    @Test
    void itemsAreScoredWithItemsFiveToNineAsTheSubscale() {
        // items 1-4 yes, 5-9 no: total 4, subscale 0 -> MEDIUM
        assertThat(StartBack.fromItems(List.of(1, 1, 1, 1, 0, 0, 0, 0, 0))).isEqualTo("MEDIUM");
        // items 5-8 yes: total 4, subscale 4 -> HIGH
        assertThat(StartBack.fromItems(List.of(0, 0, 0, 0, 1, 1, 1, 1, 0))).isEqualTo("HIGH");
        // items 1-3 yes: total 3 -> LOW
        assertThat(StartBack.fromItems(List.of(1, 1, 1, 0, 0, 0, 0, 0, 0))).isEqualTo("LOW");
        // items 1, 5, 6, 7 yes: total 4, subscale 3 -> MEDIUM
        assertThat(StartBack.fromItems(List.of(1, 0, 0, 0, 1, 1, 1, 0, 0))).isEqualTo("MEDIUM");
    }

    @Test
    void incompleteOrOutOfRangeItemsScoreNothing() {
        assertThat(StartBack.fromItems(List.of(1, 1, 1))).isNull();
        assertThat(StartBack.fromItems(List.of(0, 0, 0, 0, 2, 0, 0, 0, 0))).isNull();
    }

    @Test
    void theHigherGroupWins() {
        assertThat(StartBack.higher("LOW", "HIGH")).isEqualTo("HIGH");
        assertThat(StartBack.higher("HIGH", "MEDIUM")).isEqualTo("HIGH");
        assertThat(StartBack.higher("MEDIUM", null)).isEqualTo("MEDIUM");
        assertThat(StartBack.higher(null, "LOW")).isEqualTo("LOW");
        assertThat(StartBack.higher(null, null)).isNull();
    }
}
