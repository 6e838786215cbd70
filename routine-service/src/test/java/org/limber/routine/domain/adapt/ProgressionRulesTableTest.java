package org.limber.routine.domain.adapt;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The progression rules file as a table: one week per line and the rule that must decide it. Pain
 * figures left empty mean a week without sessions.
 */
class ProgressionRulesTableTest {

    static final ProgressionRules RULES = ProgressionRules.load();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                          | flare | sessions | pain | worstDuring | mean | reference | adherence | effort     | tooEasyWeeks | unsettled | awaitingClearance | trend   | rule
            red flag beats everything                       | false | 3        | 2    | 1           | 2.0  | 5.0       | 100       | TOO_EASY   | 2            | 0         | false             | FALLING | red-flag-stop
            pain 7 before a session starts a flare          | false | 1        | 7    | 3           | 7.0  | 5.0       | 33        | JUST_RIGHT | 0            | 0         | false             | RISING  | flare
            pain 7 during a session starts a flare          | false | 2        | 4    | 7           | 4.0  | 5.0       | 67        | JUST_RIGHT | 0            | 0         | false             | STABLE  | flare
            flare ends on settled sessions                  | true  | 2        | 5    | 5           | 5.0  | 7.0       | 67        | JUST_RIGHT | 0            | 0         | false             | FALLING | flare-settled
            a flare never ends on a week without sessions   | true  | 0        |      |             |      | 7.0       | 0         | JUST_RIGHT | 0            | 0         | false             | STABLE  | flare-continues
            flare goes on while pain during is above 5      | true  | 3        | 5    | 6           | 5.0  | 7.0       | 100       | JUST_RIGHT | 0            | 0         | false             | FALLING | flare-continues
            pain during above 5 regresses                   | false | 3        | 4    | 6           | 4.0  | 4.0       | 100       | JUST_RIGHT | 0            | 0         | false             | STABLE  | pain-during-too-high
            pain 2 over baseline regresses                  | false | 3        | 6    | 4           | 7.0  | 6.0       | 100       | JUST_RIGHT | 0            | 0         | false             | RISING  | pain-above-baseline
            after surgery progression waits for clearance   | false | 3        | 2    | 2           | 2.0  | 4.0       | 100       | JUST_RIGHT | 0            | 0         | true              | FALLING | surgery-awaits-clearance
            pain after a session not settled holds          | false | 3        | 2    | 2           | 2.0  | 4.0       | 100       | JUST_RIGHT | 0            | 1         | false             | FALLING | pain-not-settling
            a week done as prescribed progresses            | false | 3        | 2    | 2           | 2.0  | 4.0       | 100       | JUST_RIGHT | 0            | 0         | false             | FALLING | week-done-well
            cleared after surgery progresses                | false | 3        | 2    | 2           | 2.0  | 4.0       | 100       | JUST_RIGHT | 0            | 0         | false             | STABLE  | week-done-well
            pain up 0.1 on the last week with sessions holds| false | 3        | 3    | 2           | 3.1  | 3.0       | 100       | JUST_RIGHT | 0            | 0         | false             | STABLE  | hold
            pain up 0.9 a week holds                        | false | 3        | 4    | 2           | 3.9  | 3.0       | 100       | JUST_RIGHT | 0            | 0         | false             | STABLE  | hold
            after a gap compare with the last week, not baseline | false | 3   | 5    | 2           | 4.9  | 2.0       | 100       | JUST_RIGHT | 0            | 0         | false             | FALLING | hold
            rising by progress-service's reckoning holds    | false | 3        | 3    | 2           | 3.0  | 3.0       | 100       | JUST_RIGHT | 0            | 0         | false             | RISING  | hold
            too easy two weeks done as prescribed           | false | 3        | 3    | 1           | 3.0  | 3.0       | 100       | TOO_EASY   | 2            | 0         | false             | STABLE  | week-done-well
            too easy two weeks at 67% holds                 | false | 2        | 3    | 1           | 3.0  | 3.0       | 67        | TOO_EASY   | 2            | 0         | false             | STABLE  | hold
            a session too hard holds                        | false | 3        | 3    | 3           | 3.0  | 4.0       | 100       | TOO_HARD   | 0            | 0         | false             | FALLING | hold
            a week without sessions holds                   | false | 0        |      |             |      | 3.0       | 0         | JUST_RIGHT | 0            | 0         | false             | STABLE  | hold
            """)
    void decides(
            String name,
            boolean flare,
            int sessions,
            Integer pain,
            Integer worstDuring,
            Double mean,
            Double reference,
            int adherence,
            WeekFacts.Effort effort,
            int tooEasyWeeks,
            int unsettled,
            boolean awaitingClearance,
            WeekFacts.Trend eventTrend,
            String rule) {
        WeekFacts.Trend trend = WeekFacts.worse(eventTrend, WeekFacts.trend(mean, reference, 5));
        // As WeekFacts.of: the latest pain before a session, or the worst during one when higher.
        Integer worst = pain == null || worstDuring != null && worstDuring > pain ? worstDuring : pain;
        WeekFacts week = new WeekFacts(
                name.startsWith("red flag"),
                flare,
                worst,
                worstDuring,
                mean,
                5,
                sessions,
                adherence,
                effort,
                trend,
                Map.of(),
                tooEasyWeeks,
                unsettled,
                awaitingClearance);
        assertThat(Progression.decide(RULES, week).rule().id()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "mean {0} against {1} (baseline {2}) is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            3.1 | 3.0 | 6 | RISING
            3.0 | 3.0 | 6 | STABLE
            2.1 | 3.0 | 6 | STABLE
            2.0 | 3.0 | 6 | FALLING
            4.9 | 2.0 | 6 | RISING
            4.9 |     | 6 | FALLING
            6.1 |     | 6 | RISING
                | 3.0 | 6 | STABLE
            """)
    void theTrendComparesWithTheLastWeekWithSessionsAndAnyRiseIsRising(
            Double mean, Double reference, int baseline, WeekFacts.Trend trend) {
        assertThat(WeekFacts.trend(mean, reference, baseline)).isEqualTo(trend);
    }

    @Test
    void aRulesFileThatCouldProgressUnsafelyOrEndAFlareWithoutSessionsIsRefused() {
        ProgressionRules.When loose = new ProgressionRules.When(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of(WeekFacts.Trend.FALLING, WeekFacts.Trend.STABLE),
                2,
                null,
                0,
                false);
        ProgressionRules.Rule hold = new ProgressionRules.Rule("hold", null, ProgressionRules.Action.HOLD, "holds");
        assertThatThrownBy(() -> ProgressionRules.check(new ProgressionRules(
                        2,
                        2,
                        List.of(
                                new ProgressionRules.Rule("easy", loose, ProgressionRules.Action.PROGRESS, "easy"),
                                hold))))
                .hasMessageContaining("adherenceAtLeast: 100");
        ProgressionRules.When noSessions = new ProgressionRules.When(
                null, true, null, null, 7, null, 5, null, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> ProgressionRules.check(new ProgressionRules(
                        2,
                        2,
                        List.of(
                                new ProgressionRules.Rule(
                                        "settled", noSessions, ProgressionRules.Action.END_FLARE, "settled"),
                                hold))))
                .hasMessageContaining("sessionsAtLeast");
    }

    @ParameterizedTest(name = "before {0}, after {1}: unsettled {2}")
    @CsvSource({"3, 5, true", "3, 4, false", "6, 6, false", "0, 2, true", "5, 3, false"})
    void painAfterTwoPointsAboveBeforeHasNotSettled(int before, int after, boolean unsettled) {
        assertThat(RULES.unsettled(before, after)).isEqualTo(unsettled);
    }
}
