package org.limber.routine.domain.adapt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.limber.routine.domain.adapt.ProgressionRules.Action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Reading the progression rules file: a sound file, and each kind of mistake with the exact error it gives. */
class ProgressionRulesTest {

    static final String PROGRESS_WHEN = "adherenceAtLeast: 100, painTrend: [FALLING, STABLE],"
            + " unsettledSessionsAtMost: 0, awaitingClearance: false, inForceDaysAtLeast: 7";
    static final String OTHER_SETTINGS =
            "flareExit: {painBeforeAtMost: 4, painDuringAtMost: 5}\nprogressionIntervalDays: 7\nclearanceOverdueDays: 14";

    /** A file with these settings and rules (one YAML mapping each), in that order. */
    static ProgressionRules read(int maxChangesPerWeek, int unsettledPainRise, String... rules) throws IOException {
        return readWith(
                "maxChangesPerWeek: " + maxChangesPerWeek + "\nunsettledPainRise: " + unsettledPainRise + "\n"
                        + OTHER_SETTINGS,
                rules);
    }

    /** A file with these settings (YAML lines) and rules. */
    static ProgressionRules readWith(String settings, String... rules) throws IOException {
        StringBuilder yaml = new StringBuilder().append(settings).append("\nrules:\n");
        for (String rule : rules) {
            yaml.append("  - ").append(rule).append('\n');
        }
        return ProgressionRules.read(new ByteArrayInputStream(yaml.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSoundFileIsReadAsWritten() throws IOException {
        ProgressionRules rules = read(
                3,
                4,
                "{id: skipped, when: {skippedAtLeast: 2, skipReasons: [TOO_HARD, PAIN]}, action: REGRESS_SKIPPED,"
                        + " reason: \"skipped {times} times\"}",
                "{id: a, when: {" + PROGRESS_WHEN + "}, action: PROGRESS, reason: done well}",
                "{id: hold, action: HOLD, reason: holds}");
        assertThat(rules.maxChangesPerWeek()).isEqualTo(3);
        assertThat(rules.unsettledPainRise()).isEqualTo(4);
        assertThat(rules.flareExit()).isEqualTo(new ProgressionRules.FlareExit(4, 5));
        assertThat(rules.progressionIntervalDays()).isEqualTo(7);
        assertThat(rules.clearanceOverdueDays()).isEqualTo(14);
        assertThat(rules.rules())
                .extracting(ProgressionRules.Rule::id, ProgressionRules.Rule::action, ProgressionRules.Rule::reason)
                .containsExactly(
                        tuple("skipped", Action.REGRESS_SKIPPED, "skipped {times} times"),
                        tuple("a", Action.PROGRESS, "done well"),
                        tuple("hold", Action.HOLD, "holds"));
        assertThat(rules.rules().get(0).when().skippedAtLeast()).isEqualTo(2);
        assertThat(rules.rules().get(0).when().skipReasons()).isEqualTo(Set.of("TOO_HARD", "PAIN"));
        assertThat(rules.rules().get(2).when()).isNull();
        // Four points above the pain before is unsettled, three is not.
        assertThat(rules.unsettled(2, 6)).isTrue();
        assertThat(rules.unsettled(2, 5)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                  | max | rise | first rule (the file ends with an unconditional hold) | error, after the file's name
            the smallest settings                   | 1   | 1    | {id: a, action: HOLD, reason: r} | -
            the largest pain rise                   | 1   | 10   | {id: a, action: HOLD, reason: r} | -
            no changes allowed in a week            | 0   | 2    | {id: a, action: HOLD, reason: r} | maxChangesPerWeek must be at least 1
            no pain rise                            | 2   | 0    | {id: a, action: HOLD, reason: r} | unsettledPainRise must be 1 to 10 points
            a pain rise beyond the scale            | 2   | 11   | {id: a, action: HOLD, reason: r} | unsettledPainRise must be 1 to 10 points
            a rule without an id                    | 2   | 2    | {action: HOLD, reason: r} | every rule needs an id of its own: null
            two rules with one id                   | 2   | 2    | {id: hold, action: HOLD, reason: r} | every rule needs an id of its own: hold
            a rule without an action                | 2   | 2    | {id: a, reason: r} | rule a needs an action and a reason
            a rule without a reason                 | 2   | 2    | {id: a, action: HOLD} | rule a needs an action and a reason
            a rule with a blank reason              | 2   | 2    | {id: a, action: HOLD, reason: "  "} | rule a needs an action and a reason
            skips counted without their reasons     | 2   | 2    | {id: a, when: {skippedAtLeast: 2}, action: REGRESS_SKIPPED, reason: r} | rule a gives skippedAtLeast and skipReasons together
            skip reasons without a count            | 2   | 2    | {id: a, when: {skipReasons: [PAIN]}, action: REGRESS_SKIPPED, reason: r} | rule a gives skippedAtLeast and skipReasons together
            skips counted with no reason listed     | 2   | 2    | {id: a, when: {skippedAtLeast: 2, skipReasons: []}, action: REGRESS_SKIPPED, reason: r} | rule a gives skippedAtLeast and skipReasons together
            progress always                           | 2   | 2    | {id: a, action: PROGRESS, reason: r} | PROGRESS rule a must require adherenceAtLeast: 100, a painTrend without RISING, unsettledSessionsAtMost, awaitingClearance: false and inForceDaysAtLeast: 7 or more
            progress without adherence                | 2   | 2    | {id: a, when: {painTrend: [STABLE], unsettledSessionsAtMost: 0, awaitingClearance: false, inForceDaysAtLeast: 7}, action: PROGRESS, reason: r} | PROGRESS rule a must require adherenceAtLeast: 100, a painTrend without RISING, unsettledSessionsAtMost, awaitingClearance: false and inForceDaysAtLeast: 7 or more
            progress on 99% adherence                 | 2   | 2    | {id: a, when: {adherenceAtLeast: 99, painTrend: [STABLE], unsettledSessionsAtMost: 0, awaitingClearance: false, inForceDaysAtLeast: 7}, action: PROGRESS, reason: r} | PROGRESS rule a must require adherenceAtLeast: 100, a painTrend without RISING, unsettledSessionsAtMost, awaitingClearance: false and inForceDaysAtLeast: 7 or more
            progress whatever the pain trend          | 2   | 2    | {id: a, when: {adherenceAtLeast: 100, unsettledSessionsAtMost: 0, awaitingClearance: false, inForceDaysAtLeast: 7}, action: PROGRESS, reason: r} | PROGRESS rule a must require adherenceAtLeast: 100, a painTrend without RISING, unsettledSessionsAtMost, awaitingClearance: false and inForceDaysAtLeast: 7 or more
            progress on rising pain                   | 2   | 2    | {id: a, when: {adherenceAtLeast: 100, painTrend: [STABLE, RISING], unsettledSessionsAtMost: 0, awaitingClearance: false, inForceDaysAtLeast: 7}, action: PROGRESS, reason: r} | PROGRESS rule a must require adherenceAtLeast: 100, a painTrend without RISING, unsettledSessionsAtMost, awaitingClearance: false and inForceDaysAtLeast: 7 or more
            progress on unsettled sessions            | 2   | 2    | {id: a, when: {adherenceAtLeast: 100, painTrend: [STABLE], awaitingClearance: false, inForceDaysAtLeast: 7}, action: PROGRESS, reason: r} | PROGRESS rule a must require adherenceAtLeast: 100, a painTrend without RISING, unsettledSessionsAtMost, awaitingClearance: false and inForceDaysAtLeast: 7 or more
            progress whether cleared or not           | 2   | 2    | {id: a, when: {adherenceAtLeast: 100, painTrend: [STABLE], unsettledSessionsAtMost: 0, inForceDaysAtLeast: 7}, action: PROGRESS, reason: r} | PROGRESS rule a must require adherenceAtLeast: 100, a painTrend without RISING, unsettledSessionsAtMost, awaitingClearance: false and inForceDaysAtLeast: 7 or more
            progress only while awaiting clearance    | 2   | 2    | {id: a, when: {adherenceAtLeast: 100, painTrend: [STABLE], unsettledSessionsAtMost: 0, awaitingClearance: true, inForceDaysAtLeast: 7}, action: PROGRESS, reason: r} | PROGRESS rule a must require adherenceAtLeast: 100, a painTrend without RISING, unsettledSessionsAtMost, awaitingClearance: false and inForceDaysAtLeast: 7 or more
            progress on a version of any age          | 2   | 2    | {id: a, when: {adherenceAtLeast: 100, painTrend: [STABLE], unsettledSessionsAtMost: 0, awaitingClearance: false}, action: PROGRESS, reason: r} | PROGRESS rule a must require adherenceAtLeast: 100, a painTrend without RISING, unsettledSessionsAtMost, awaitingClearance: false and inForceDaysAtLeast: 7 or more
            progress on a version 6 days old          | 2   | 2    | {id: a, when: {adherenceAtLeast: 100, painTrend: [STABLE], unsettledSessionsAtMost: 0, awaitingClearance: false, inForceDaysAtLeast: 6}, action: PROGRESS, reason: r} | PROGRESS rule a must require adherenceAtLeast: 100, a painTrend without RISING, unsettledSessionsAtMost, awaitingClearance: false and inForceDaysAtLeast: 7 or more
            progress with every safeguard             | 2   | 2    | {id: a, when: {adherenceAtLeast: 100, painTrend: [FALLING], unsettledSessionsAtMost: 1, awaitingClearance: false, inForceDaysAtLeast: 7}, action: PROGRESS, reason: r} | -
            progress as a safety rule                 | 2   | 2    | {id: a, when: {adherenceAtLeast: 100, painTrend: [STABLE], unsettledSessionsAtMost: 0, awaitingClearance: false, inForceDaysAtLeast: 7}, safety: true, action: PROGRESS, reason: r} | rule a cannot be a safety rule: PROGRESS is an automatic adaptation, off when a clinician turns it off
            regress as a safety rule                  | 2   | 2    | {id: a, when: {worstPainDuringAbove: 5}, safety: true, action: REGRESS, reason: r} | rule a cannot be a safety rule: REGRESS is an automatic adaptation, off when a clinician turns it off
            a flare ending always                     | 2   | 2    | {id: a, action: END_FLARE, reason: r} | END_FLARE rule a must require inFlare: true, sessionsAtLeast: 1 or more and settledDaysAtLeast: 2 or more (a flare ends on settled sessions on different days only)
            a flare ending without sessions counted   | 2   | 2    | {id: a, when: {inFlare: true, settledDaysAtLeast: 2}, action: END_FLARE, reason: r} | END_FLARE rule a must require inFlare: true, sessionsAtLeast: 1 or more and settledDaysAtLeast: 2 or more (a flare ends on settled sessions on different days only)
            a flare ending on no sessions             | 2   | 2    | {id: a, when: {inFlare: true, sessionsAtLeast: 0, settledDaysAtLeast: 2}, action: END_FLARE, reason: r} | END_FLARE rule a must require inFlare: true, sessionsAtLeast: 1 or more and settledDaysAtLeast: 2 or more (a flare ends on settled sessions on different days only)
            a flare ending on one session             | 2   | 2    | {id: a, when: {inFlare: true, sessionsAtLeast: 1}, action: END_FLARE, reason: r} | END_FLARE rule a must require inFlare: true, sessionsAtLeast: 1 or more and settledDaysAtLeast: 2 or more (a flare ends on settled sessions on different days only)
            a flare ending on one day                 | 2   | 2    | {id: a, when: {inFlare: true, sessionsAtLeast: 2, settledDaysAtLeast: 1}, action: END_FLARE, reason: r} | END_FLARE rule a must require inFlare: true, sessionsAtLeast: 1 or more and settledDaysAtLeast: 2 or more (a flare ends on settled sessions on different days only)
            a flare ending outside a flare            | 2   | 2    | {id: a, when: {sessionsAtLeast: 1, settledDaysAtLeast: 2}, action: END_FLARE, reason: r} | END_FLARE rule a must require inFlare: true, sessionsAtLeast: 1 or more and settledDaysAtLeast: 2 or more (a flare ends on settled sessions on different days only)
            a flare ending on two days                | 2   | 2    | {id: a, when: {inFlare: true, sessionsAtLeast: 1, settledDaysAtLeast: 2}, action: END_FLARE, reason: r} | -
            the usual plan back at once               | 2   | 2    | {id: a, when: {afterFlare: true, sessionsAtLeast: 1}, action: RESTORE, reason: r} | RESTORE rule a must require afterFlare: true, inForceDaysAtLeast: 7 or more and sessionsAtLeast: 1 or more
            the usual plan back on no sessions        | 2   | 2    | {id: a, when: {afterFlare: true, inForceDaysAtLeast: 7}, action: RESTORE, reason: r} | RESTORE rule a must require afterFlare: true, inForceDaysAtLeast: 7 or more and sessionsAtLeast: 1 or more
            the usual plan back outside a flare's end | 2   | 2    | {id: a, when: {inForceDaysAtLeast: 7, sessionsAtLeast: 1}, action: RESTORE, reason: r} | RESTORE rule a must require afterFlare: true, inForceDaysAtLeast: 7 or more and sessionsAtLeast: 1 or more
            the usual plan back after a week          | 2   | 2    | {id: a, when: {afterFlare: true, inForceDaysAtLeast: 7, sessionsAtLeast: 1}, action: RESTORE, reason: r} | -
            a flare rule adaptation can turn off      | 2   | 2    | {id: a, when: {painAtLeast: 7}, action: FLARE, reason: r} | FLARE rule a must be a safety rule (safety: true): it applies with adaptation off too
            a red-flag rule adaptation can turn off   | 2   | 2    | {id: a, when: {redFlagReported: true}, action: STOP, reason: r} | STOP rule a must be a safety rule (safety: true): it applies with adaptation off too
            a flare rule that always applies          | 2   | 2    | {id: a, when: {painAtLeast: 7}, safety: true, action: FLARE, reason: r} | -
            """)
    void eachMistakeGivesItsError(String name, int max, int rise, String rule, String error) throws IOException {
        if (error.equals("-")) {
            assertThat(read(max, rise, rule, "{id: hold, action: HOLD, reason: holds}")
                            .rules())
                    .hasSize(2);
        } else {
            assertThatThrownBy(() -> read(max, rise, rule, "{id: hold, action: HOLD, reason: holds}"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("rules/progression-rules.yaml: " + error);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                   | flareExit                                    | interval | overdue | error, after the file's name
            the issue's settings                     | {painBeforeAtMost: 4, painDuringAtMost: 5}   | 7        | 14      | -
            leaving a flare at pain 7                | {painBeforeAtMost: 7, painDuringAtMost: 5}   | 7        | 14      | flareExit needs painBeforeAtMost and painDuringAtMost, each 0 to 6 (a flare is pain 7)
            leaving a flare at pain 7 during         | {painBeforeAtMost: 4, painDuringAtMost: 7}   | 7        | 14      | flareExit needs painBeforeAtMost and painDuringAtMost, each 0 to 6 (a flare is pain 7)
            a negative pain                          | {painBeforeAtMost: -1, painDuringAtMost: 5}  | 7        | 14      | flareExit needs painBeforeAtMost and painDuringAtMost, each 0 to 6 (a flare is pain 7)
            progressing an exercise twice in 6 days  | {painBeforeAtMost: 4, painDuringAtMost: 5}   | 6        | 14      | progressionIntervalDays must be at least 7 (one progression per exercise a week at most)
            a clearance overdue at once              | {painBeforeAtMost: 4, painDuringAtMost: 5}   | 7        | 0       | clearanceOverdueDays must be at least 1
            """)
    void eachSettingIsChecked(String name, String flareExit, int interval, int overdue, String error)
            throws IOException {
        String settings = "maxChangesPerWeek: 2\nunsettledPainRise: 2\nflareExit: " + flareExit
                + "\nprogressionIntervalDays: " + interval + "\nclearanceOverdueDays: " + overdue;
        if (error.equals("-")) {
            assertThat(readWith(settings, "{id: hold, action: HOLD, reason: holds}")
                            .clearanceOverdueDays())
                    .isEqualTo(overdue);
        } else {
            assertThatThrownBy(() -> readWith(settings, "{id: hold, action: HOLD, reason: holds}"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("rules/progression-rules.yaml: " + error);
        }
    }

    @Test
    void aFileWithoutTheFlareExitIsRefused() {
        assertThatThrownBy(() -> readWith(
                        "maxChangesPerWeek: 2\nunsettledPainRise: 2\nprogressionIntervalDays: 7\nclearanceOverdueDays: 14",
                        "{id: hold, action: HOLD, reason: holds}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("flareExit");
    }

    @Test
    void theLastRuleMustHoldAlwaysSoThatEveryWeekIsDecided() {
        assertThatThrownBy(
                        () -> read(2, 2, "{id: flare, when: {painAtLeast: 7}, safety: true, action: FLARE, reason: r}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rules/progression-rules.yaml: the last rule must hold always (no conditions),"
                        + " so that every week is decided");
    }

    @Test
    void anUnknownSettingOrActionIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> read(2, 2, "{id: a, when: {painAbove: 7}, action: HOLD, reason: r}"))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("painAbove");
        assertThatThrownBy(() -> read(2, 2, "{id: a, action: JUMP, reason: r}"))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("JUMP");
    }
}
