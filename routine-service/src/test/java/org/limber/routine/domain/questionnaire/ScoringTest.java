package org.limber.routine.domain.questionnaire;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.limber.routine.domain.questionnaire.Scoring.RiskGroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scoring against hand-worked cases at every boundary. */
class ScoringTest {

    /** STarT Back answers from a string of nine 0/1 item scores, item 1 first. */
    private static Map<String, Integer> startBack(String items) {
        Map<String, Integer> values = new HashMap<>();
        for (int i = 0; i < 9; i++) {
            values.put(String.valueOf(i + 1), items.charAt(i) - '0');
        }
        return values;
    }

    @ParameterizedTest(name = "{0}: total {1}, subscale {2}, {3}")
    @CsvSource({
        // nothing agreed: total 0, low
        "000000000, 0, 0, LOW",
        // total 3 with items 1-3 only: low (subscale 0)
        "111000000, 3, 0, LOW",
        // total 3 all psychosocial (items 5-7): still low: the total decides first
        "000011100, 3, 3, LOW",
        // total 4, subscale 0 (items 1-4): medium
        "111100000, 4, 0, MEDIUM",
        // total 4, subscale 3 (items 1, 5, 6, 7): medium: the subscale boundary 3 vs 4
        "100011100, 4, 3, MEDIUM",
        // total 4, subscale 4 (items 5-8): high
        "000011110, 4, 4, HIGH",
        // total 5, subscale 4 with item 9 (bothersomeness) counting: high
        "100010111, 5, 4, HIGH",
        // total 7, subscale 3 (items 1-4 and 5, 8, 9): medium
        "111110011, 7, 3, MEDIUM",
        // everything agreed: total 9, subscale 5, high
        "111111111, 9, 5, HIGH"
    })
    void start_back_total_subscale_and_risk(String items, int total, int subscale, RiskGroup group) {
        Scoring.Score score = Scoring.startBack(startBack(items));
        assertThat(score.score()).isEqualTo(total);
        assertThat(score.subscale()).isEqualTo(subscale);
        assertThat(score.riskGroup()).isEqualTo(group);
    }

    @ParameterizedTest(name = "PEG {0} {1} {2} = {3}")
    @CsvSource({
        "0, 0, 0, 0.0",
        "10, 10, 10, 10.0",
        "7, 6, 5, 6.0",
        "5, 4, 4, 4.333333333333333",
        "1, 0, 0, 0.3333333333333333"
    })
    void peg_is_the_mean(int pain, int enjoyment, int activity, double mean) {
        Scoring.Score score = Scoring.peg(Map.of("75893-8", pain, "91145-3", enjoyment, "91146-1", activity));
        assertThat(score.score()).isEqualTo(mean);
        assertThat(score.subscale()).isNull();
        assertThat(score.riskGroup()).isNull();
    }

    @Test
    void refuses_values_out_of_range_or_missing() {
        assertThatThrownBy(() -> Scoring.peg(Map.of("75893-8", 11, "91145-3", 0, "91146-1", 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scoring.peg(Map.of("75893-8", 1, "91145-3", 0)))
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, Integer> two = startBack("000000000");
        two.put("9", 2);
        assertThatThrownBy(() -> Scoring.startBack(two)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scoring.score("ODI", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void risk_group_boundaries() {
        assertThat(Scoring.riskGroup(3, 3)).isEqualTo(RiskGroup.LOW);
        assertThat(Scoring.riskGroup(4, 3)).isEqualTo(RiskGroup.MEDIUM);
        assertThat(Scoring.riskGroup(4, 4)).isEqualTo(RiskGroup.HIGH);
        assertThat(Scoring.riskGroup(9, 3)).isEqualTo(RiskGroup.MEDIUM);
    }
}
