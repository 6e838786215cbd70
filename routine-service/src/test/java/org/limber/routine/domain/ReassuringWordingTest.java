package org.limber.routine.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.limber.content.ExerciseFiles;
import org.limber.routine.domain.plan.Rules;
import org.limber.routine.domain.safety.RedFlagAdvice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What members read about their back stays reassuring and active, as back-pain guidelines ask: no words that
 * present the spine as fragile or damaged ("protect your low back", "wear and tear", "slipped disc", "never bend").
 * Every text of every exercise file, of the condition and progression rules and of the red-flag advice is searched.
 * Write instead what the member can do and what it builds ("so your body moves as one straight line", "helps keep
 * your bones strong").
 */
class ReassuringWordingTest {

    /** Fear-reinforcing wording, as whole words, case-insensitive. */
    static final List<Pattern> FEAR_WORDING = List.of(
                    "protect(s|ing)? (your|the) (low |lower )?(back|spine|discs?)",
                    "damag(e|ed|es|ing)",
                    "wear and tear",
                    "worn (out|down)",
                    "fragil(e|ity)",
                    "slipped dis[ck]s?",
                    "never (bend|lift|twist)(s|ing)?",
                    "degenerat\\w*",
                    "crumbl\\w*",
                    "out of (place|alignment)",
                    "misalign\\w*",
                    "bone on bone",
                    "weak(er|ened)? (back|spine|bones?)",
                    "bones? (weakened|weaker)",
                    "(hurt|injure|harm) (your|the) (low |lower )?(back|spine)",
                    "bad back",
                    "dangerous",
                    "vulnerable",
                    "strain(s|ed|ing)? (off |on )?(your|the) (low |lower )?back")
            .stream()
            .map(phrase -> Pattern.compile("\\b" + phrase + "\\b", Pattern.CASE_INSENSITIVE))
            .toList();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The files with text for members (and care teams) that routine-service ships besides the exercise library. */
    static final List<String> RULE_FILES =
            List.of(Rules.LOCATION, "rules/progression-rules.yaml", RedFlagAdvice.LOCATION);

    static List<String> findings(String where, String text) {
        List<String> found = new ArrayList<>();
        for (Pattern pattern : FEAR_WORDING) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                found.add(where + ": \"" + matcher.group() + "\" in \"" + text + "\"");
            }
        }
        return found;
    }

    /** Every text value of a YAML tree, wherever it is. */
    private static void texts(String where, JsonNode node, List<String> found) {
        if (node.isTextual()) {
            found.addAll(findings(where, node.asText()));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> texts(where + "." + field.getKey(), field.getValue(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                texts(where + "[" + i + "]", node.get(i), found);
            }
        }
    }

    private static JsonNode resource(String location) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            assertThat(in).as(location).isNotNull();
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noExerciseTextUsesFearReinforcingWording() {
        List<String> found = new ArrayList<>();
        List<ExerciseFiles.Entry> entries = ExerciseFiles.read();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(35);
        for (ExerciseFiles.Entry entry : entries) {
            texts(entry.file() + " " + entry.slug(), entry.fields(), found);
        }
        assertThat(found).isEmpty();
    }

    @Test
    void noRuleReasonOrRedFlagAdviceUsesFearReinforcingWording() {
        List<String> found = new ArrayList<>();
        for (String file : RULE_FILES) {
            texts(file, resource(file), found);
        }
        assertThat(found).isEmpty();
    }

    /** The list catches what it is meant to and leaves ordinary coaching alone. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Squeeze your buttocks to protect your low back.           | true
            It builds the endurance that protects your back.          | true
            Your disc is DAMAGED.                                     | true
            Back pain is mostly wear and tear.                        | true
            You may have a slipped disc.                              | true
            Never bend with a round back.                             | true
            Bones weakened by osteoporosis need care.                 | true
            Lifting them strains your back.                           | true
            Degenerative changes are common.                          | true
            Breathe out slowly, without straining.                    | false
            Never roll directly on your lower spine.                  | false
            Strong glutes share the work of lifting with your back.   | false
            Upright strengthening helps keep your bones strong.       | false
            A new episode of back pain after 50 is usually harmless.  | false
            """)
    void theListCatchesFearWordingOnly(String sentence, boolean caught) {
        assertThat(findings("example", sentence.toLowerCase(Locale.ROOT)))
                .as(sentence)
                .hasSize(caught ? 1 : 0);
    }
}
