package org.limber.routine.domain.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.limber.events.catalog.Direction;
import org.limber.events.catalog.SafetyTag;
import org.limber.routine.domain.intake.Condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the condition rules file: a sound file, and each kind of mistake with the exact error it gives. */
class RulesTest {

    /** A rules file of these rules (one YAML mapping each). */
    static List<Rule> read(String... rules) throws IOException {
        StringBuilder yaml = new StringBuilder("rules:\n");
        for (String rule : rules) {
            yaml.append("  - ").append(rule).append('\n');
        }
        return Rules.read(new ByteArrayInputStream(yaml.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSoundFileIsReadAsWritten() throws IOException {
        List<Rule> rules = read(
                "{id: flare, when: {painAtLeast: 7}, only: {tags: [FLARE_SAFE]}, reason: gentle only}",
                "{id: stenosis, when: {conditions: [SPINAL_STENOSIS]}, exclude: {tags: [LOADED_EXTENSION],"
                        + " directions: [EXTENSION]}, reason: no arching}");
        assertThat(rules)
                .containsExactly(
                        new Rule(
                                "flare",
                                new Rule.When(null, null, null, 7, null),
                                null,
                                new Rule.Only(Set.of(SafetyTag.FLARE_SAFE)),
                                "gentle only"),
                        new Rule(
                                "stenosis",
                                new Rule.When(Set.of(Condition.SPINAL_STENOSIS), null, null, null, null),
                                new Rule.Exclude(
                                        Set.of(SafetyTag.LOADED_EXTENSION), Set.of(Direction.EXTENSION), null, null),
                                null,
                                "no arching"));
    }

    @Test
    void theShippedFileLoads() {
        assertThat(Rules.load())
                .extracting(Rule::id)
                .startsWith(
                        "flare-gentle-only",
                        "flare-prefers-bending-forward",
                        "flare-prefers-arching-back",
                        "stenosis-no-extension");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                               | second rule (after a sound rule a) | the problems listed
            a rule without an id                 | {exclude: {tags: [LIFTING]}, reason: r} | a rule has no id or a duplicate id: null
            two rules with one id                | {id: a, exclude: {tags: [LIFTING]}, reason: r} | a rule has no id or a duplicate id: a
            a rule without a reason              | {id: b, exclude: {tags: [LIFTING]}} | b: the reason is missing
            a rule with a blank reason           | {id: b, exclude: {tags: [LIFTING]}, reason: " "} | b: the reason is missing
            a rule that leaves nothing out       | {id: b, when: {painAtLeast: 3}, reason: r} | b: it neither excludes nor restricts anything
            every mistake at once                | {when: {painAtLeast: 3}} | a rule has no id or a duplicate id: null, null: the reason is missing, null: it neither excludes nor restricts anything
            """)
    void eachMistakeIsListed(String name, String rule, String problems) {
        assertThatThrownBy(() -> read("{id: a, exclude: {tags: [TWISTING]}, reason: no twisting}", rule))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The condition rules have errors: [" + problems + "]");
    }

    @Test
    void theMistakesOfEveryRuleAreListedTogether() {
        assertThatThrownBy(() -> read("{id: a, reason: r}", "{id: a, only: {tags: [FLARE_SAFE]}}"))
                .hasMessage("The condition rules have errors: [a: it neither excludes nor restricts anything,"
                        + " a rule has no id or a duplicate id: a, a: the reason is missing]");
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> read("{id: a, exclude: {tag: [LIFTING]}, reason: r}"))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("tag");
    }
}
