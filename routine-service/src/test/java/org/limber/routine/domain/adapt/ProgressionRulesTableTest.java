package org.limber.routine.domain.adapt;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
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
    static final ProgressionRules.FlareExit EXIT = new ProgressionRules.FlareExit(4, 5);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                          | flare | after | sessions | settledDays | inForce | pain | worstDuring | mean | reference | adherence | effort     | tooEasyWeeks | unsettled | awaitingClearance | trend   | rule
            red flag beats everything                       | false | false | 3        | 3           | 14      | 2    | 1           | 2.0  | 5.0       | 100       | TOO_EASY   | 2            | 0         | false             | FALLING | red-flag-stop
            pain 7 before a session starts a flare          | false | false | 1        | 0           | 14      | 7    | 3           | 7.0  | 5.0       | 33        | JUST_RIGHT | 0            | 0         | false             | RISING  | flare
            pain 7 during a session starts a flare          | false | false | 2        | 0           | 14      | 4    | 7           | 4.0  | 5.0       | 67        | JUST_RIGHT | 0            | 0         | false             | STABLE  | flare
            flare ends on sessions settled on two days      | true  | false | 2        | 2           | 5       | 4    | 5           | 4.0  | 7.0       | 67        | JUST_RIGHT | 0            | 0         | false             | FALLING | flare-settled
            one session at 6 no longer ends a flare         | true  | false | 1        | 0           | 5       | 6    | 3           | 6.0  | 7.0       | 33        | JUST_RIGHT | 0            | 0         | false             | FALLING | flare-continues
            settled sessions on one day do not end a flare  | true  | false | 2        | 1           | 5       | 3    | 3           | 3.0  | 7.0       | 67        | JUST_RIGHT | 0            | 0         | false             | FALLING | flare-continues
            a flare never ends on a week without sessions   | true  | false | 0        | 0           | 7       |      |             |      | 7.0       | 0         | JUST_RIGHT | 0            | 0         | false             | STABLE  | flare-continues
            flare goes on while pain during is above 5      | true  | false | 3        | 0           | 7       | 5    | 6           | 5.0  | 7.0       | 100       | JUST_RIGHT | 0            | 0         | false             | FALLING | flare-continues
            a week after a flare went well: the usual plan  | false | true  | 3        | 3           | 7       | 3    | 3           | 3.0  | 4.0       | 100       | JUST_RIGHT | 0            | 0         | false             | FALLING | back-to-usual-plan
            under a week after a flare the easier plan stays | false | true  | 3        | 3           | 4       | 3    | 3           | 3.0  | 4.0       | 100       | JUST_RIGHT | 0            | 0         | false             | FALLING | hold
            a week after a flare without sessions holds     | false | true  | 0        | 0           | 9       |      |             |      | 4.0       | 0         | JUST_RIGHT | 0            | 0         | false             | STABLE  | hold
            after a flare pain during above 5 regresses     | false | true  | 3        | 0           | 7       | 4    | 6           | 4.0  | 4.0       | 100       | JUST_RIGHT | 0            | 0         | false             | STABLE  | pain-during-too-high
            pain during above 5 regresses                   | false | false | 3        | 0           | 14      | 4    | 6           | 4.0  | 4.0       | 100       | JUST_RIGHT | 0            | 0         | false             | STABLE  | pain-during-too-high
            pain 2 over baseline regresses                  | false | false | 3        | 0           | 14      | 6    | 4           | 7.0  | 6.0       | 100       | JUST_RIGHT | 0            | 0         | false             | RISING  | pain-above-baseline
            after surgery progression waits for clearance   | false | false | 3        | 3           | 14      | 2    | 2           | 2.0  | 4.0       | 100       | JUST_RIGHT | 0            | 0         | true              | FALLING | surgery-awaits-clearance
            pain after a session not settled holds          | false | false | 3        | 3           | 14      | 2    | 2           | 2.0  | 4.0       | 100       | JUST_RIGHT | 0            | 1         | false             | FALLING | pain-not-settling
            a week done as prescribed progresses            | false | false | 3        | 3           | 14      | 2    | 2           | 2.0  | 4.0       | 100       | JUST_RIGHT | 0            | 0         | false             | FALLING | week-done-well
            a week done in two days on a new version holds  | false | false | 3        | 2           | 2       | 2    | 2           | 2.0  | 4.0       | 100       | JUST_RIGHT | 0            | 0         | false             | FALLING | hold
            a version in force 6.9 days holds               | false | false | 3        | 3           | 6.9     | 2    | 2           | 2.0  | 4.0       | 100       | TOO_EASY   | 2            | 0         | false             | FALLING | hold
            a version in force 7 days progresses            | false | false | 3        | 3           | 7       | 2    | 2           | 2.0  | 4.0       | 100       | JUST_RIGHT | 0            | 0         | false             | FALLING | week-done-well
            cleared after surgery progresses                | false | false | 3        | 3           | 14      | 2    | 2           | 2.0  | 4.0       | 100       | JUST_RIGHT | 0            | 0         | false             | STABLE  | week-done-well
            pain up 0.1 on the last week with sessions holds| false | false | 3        | 3           | 14      | 3    | 2           | 3.1  | 3.0       | 100       | JUST_RIGHT | 0            | 0         | false             | STABLE  | hold
            pain up 0.9 a week holds                        | false | false | 3        | 3           | 14      | 4    | 2           | 3.9  | 3.0       | 100       | JUST_RIGHT | 0            | 0         | false             | STABLE  | hold
            after a gap compare with the last week, not baseline | false | false | 3 | 3         | 14      | 5    | 2           | 4.9  | 2.0       | 100       | JUST_RIGHT | 0            | 0         | false             | FALLING | hold
            rising by progress-service's reckoning holds    | false | false | 3        | 3           | 14      | 3    | 2           | 3.0  | 3.0       | 100       | JUST_RIGHT | 0            | 0         | false             | RISING  | hold
            too easy two weeks done as prescribed           | false | false | 3        | 3           | 14      | 3    | 1           | 3.0  | 3.0       | 100       | TOO_EASY   | 2            | 0         | false             | STABLE  | week-done-well
            too easy two weeks at 67% holds                 | false | false | 2        | 2           | 14      | 3    | 1           | 3.0  | 3.0       | 67        | TOO_EASY   | 2            | 0         | false             | STABLE  | hold
            a session too hard holds                        | false | false | 3        | 3           | 14      | 3    | 3           | 3.0  | 4.0       | 100       | TOO_HARD   | 0            | 0         | false             | FALLING | hold
            a week without sessions holds                   | false | false | 0        | 0           | 14      |      |             |      | 3.0       | 0         | JUST_RIGHT | 0            | 0         | false             | STABLE  | hold
            """)
    void decides(
            String name,
            boolean flare,
            boolean afterFlare,
            int sessions,
            int settledDays,
            double inForce,
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
        WeekFacts week = week(
                name.startsWith("red flag"),
                flare,
                afterFlare,
                sessions,
                settledDays,
                inForce,
                pain,
                worstDuring,
                mean,
                reference,
                adherence,
                effort,
                tooEasyWeeks,
                unsettled,
                awaitingClearance,
                eventTrend);
        assertThat(Progression.decide(RULES, week).rule().id()).isEqualTo(rule);
    }

    static WeekFacts week(
            boolean redFlag,
            boolean flare,
            boolean afterFlare,
            int sessions,
            int settledDays,
            double inForce,
            Integer pain,
            Integer worstDuring,
            Double mean,
            Double reference,
            int adherence,
            WeekFacts.Effort effort,
            int tooEasyWeeks,
            int unsettled,
            boolean awaitingClearance,
            WeekFacts.Trend eventTrend) {
        WeekFacts.Trend trend = WeekFacts.worse(eventTrend, WeekFacts.trend(mean, reference, 5));
        // As WeekFacts.of: the latest pain before a session, or the worst during one when higher.
        Integer worst = pain == null || worstDuring != null && worstDuring > pain ? worstDuring : pain;
        return new WeekFacts(
                redFlag,
                flare,
                afterFlare,
                worst,
                worstDuring,
                mean,
                5,
                sessions,
                settledDays,
                inForce,
                adherence,
                effort,
                trend,
                Map.of(),
                tooEasyWeeks,
                unsettled,
                awaitingClearance);
    }

    /**
     * With automatic adaptation off (a clinician's toggle, or after a red flag) only the safety rules decide: a red flag
     * and the flare switch still apply; everything else waits for a clinician.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                    | redFlag | flare | after | sessions | settledDays | pain | worstDuring | mean | adherence | rule
            a week at pain 9 gets the gentle plan     | false   | false | false | 3        | 0           | 9    | 6           | 8.0  | 100       | flare
            a red flag still stops                    | true    | false | false | 3        | 0           | 3    | 2           | 3.0  | 100       | red-flag-stop
            a settled flare still ends                | false   | true  | false | 2        | 2           | 3    | 3           | 3.0  | 67        | flare-settled
            an unsettled flare still goes on          | false   | true  | false | 2        | 1           | 5    | 4           | 5.0  | 67        | flare-continues
            the week after a flare still ends         | false   | false | true  | 3        | 3           | 3    | 3           | 3.0  | 100       | back-to-usual-plan
            pain during 6 regresses nothing           | false   | false | false | 3        | 0           | 5    | 6           | 5.0  | 100       | -
            a good week progresses nothing            | false   | false | false | 3        | 3           | 2    | 2           | 2.0  | 100       | -
            """)
    void withAdaptationOffOnlyTheSafetyRulesApply(
            String name,
            boolean redFlag,
            boolean flare,
            boolean afterFlare,
            int sessions,
            int settledDays,
            Integer pain,
            Integer worstDuring,
            Double mean,
            int adherence,
            String rule) {
        WeekFacts week = week(
                redFlag,
                flare,
                afterFlare,
                sessions,
                settledDays,
                14,
                pain,
                worstDuring,
                mean,
                4.0,
                adherence,
                WeekFacts.Effort.JUST_RIGHT,
                0,
                0,
                false,
                WeekFacts.Trend.STABLE);
        assertThat(Progression.decideSafety(RULES, week).map(v -> v.rule().id()).orElse("-"))
                .isEqualTo(rule);
    }

    /**
     * The days a flare may end on: the different days of the latest run of sessions with pain before at most 4 and
     * during at most 5 (each session written day-hour:before/during, in the order reported, days of March 2026).
     */
    @ParameterizedTest(name = "{0}: {2} days")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                         | sessions                          | days
            one session at 6 before                        | 2-08:6/3                          | 0
            one settled session                            | 2-08:3/3                          | 1
            two settled sessions on one day                | 2-08:3/3 2-19:4/5                 | 1
            settled on two days                            | 2-08:3/3 3-08:4/5                 | 2
            settled on two days reported out of order      | 3-08:4/5 2-08:3/3                 | 2
            a session too painful before in between        | 2-08:3/3 3-08:5/3 4-08:2/2        | 1
            pain during 6 in the latest session            | 2-08:3/3 3-08:3/3 4-08:3/6        | 0
            three days, the first before a bad one        | 1-08:2/2 2-08:7/7 3-08:2/2 4-08:2/2 | 2
            no sessions                                    | -                                 | 0
            """)
    void aFlareEndsOnlyOnSettledSessionsOnDifferentDays(String name, String sessions, int days) {
        List<WeekFacts.Session> list = sessions.equals("-")
                ? List.of()
                : Arrays.stream(sessions.split(" "))
                        .map(s -> {
                            String[] dayPains = s.split(":");
                            String[] dayHour = dayPains[0].split("-");
                            String[] pains = dayPains[1].split("/");
                            return new WeekFacts.Session(
                                    LocalDate.of(2026, 3, Integer.parseInt(dayHour[0]))
                                            .atTime(Integer.parseInt(dayHour[1]), 0)
                                            .toInstant(ZoneOffset.UTC),
                                    Integer.parseInt(pains[0]),
                                    Integer.parseInt(pains[1]),
                                    Integer.parseInt(pains[0]));
                        })
                        .toList();
        assertThat(WeekFacts.settledDays(list, RULES.flareExit())).isEqualTo(days);
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
    void aRulesFileThatCouldProgressUnsafelyOrEndAFlareOnOneDayIsRefused() {
        ProgressionRules.When loose = new ProgressionRules.When(
                null,
                null,
                null,
                null,
                null,
                7,
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
                        EXIT,
                        7,
                        14,
                        List.of(
                                new ProgressionRules.Rule("easy", loose, ProgressionRules.Action.PROGRESS, "easy"),
                                hold))))
                .hasMessageContaining("adherenceAtLeast: 100");
        ProgressionRules.When oneDay = new ProgressionRules.When(
                null, true, null, 1, 1, null, null, 7, null, 5, null, null, null, null, null, null, null, null, null,
                null);
        assertThatThrownBy(() -> ProgressionRules.check(new ProgressionRules(
                        2,
                        2,
                        EXIT,
                        7,
                        14,
                        List.of(
                                new ProgressionRules.Rule(
                                        "settled", oneDay, ProgressionRules.Action.END_FLARE, "settled", true),
                                hold))))
                .hasMessageContaining("settledDaysAtLeast: 2");
    }

    @ParameterizedTest(name = "before {0}, after {1}: unsettled {2}")
    @CsvSource({"3, 5, true", "3, 4, false", "6, 6, false", "0, 2, true", "5, 3, false"})
    void painAfterTwoPointsAboveBeforeHasNotSettled(int before, int after, boolean unsettled) {
        assertThat(RULES.unsettled(before, after)).isEqualTo(unsettled);
    }
}
