package org.limber.simulator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo members' questionnaire answers: PEG falls with pain, STarT Back follows the persona. */
class QuestionnaireAnswersTest {

    static final LocalDate START = LocalDate.of(2026, 1, 5);

    private static Player player(Persona persona) {
        Player player = new Player(
                persona.ordinal(),
                "demo-" + persona.ordinal(),
                new MemberScript(persona, 42, START, false),
                "clinician");
        player.programStart = START;
        return player;
    }

    @SuppressWarnings("unchecked")
    private static double mean(Map<String, Object> response) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) response.get("item");
        return items.stream()
                .mapToInt(i -> (Integer)
                        ((List<Map<String, Object>>) i.get("answer")).get(0).get("valueInteger"))
                .peek(v -> assertThat(v).isBetween(0, 10))
                .average()
                .orElseThrow();
    }

    @Test
    void anImproversPegFallsWithPain() {
        Player improver = player(Persona.IMPROVER);
        double baseline = mean(QuestionnaireAnswers.peg(improver, START));
        double end = mean(QuestionnaireAnswers.peg(improver, START.plusDays(84)));
        assertThat(baseline).isGreaterThan(end);
        Map<String, Object> r = QuestionnaireAnswers.peg(improver, START);
        assertThat(r).containsEntry("resourceType", "QuestionnaireResponse").containsEntry("status", "completed");
        assertThat((List<?>) r.get("item")).hasSize(3);
    }

    @SuppressWarnings("unchecked")
    @Test
    void startBackFollowsThePersona() {
        Map<String, Object> drifter = QuestionnaireAnswers.startBack(player(Persona.DRIFTER), START);
        List<Map<String, Object>> items = (List<Map<String, Object>>) drifter.get("item");
        assertThat(items).hasSize(9);
        long psychosocialAgreed = items.subList(4, 8).stream()
                .filter(i -> i.toString().contains("code=agree"))
                .count();
        // Items 5-7 agreed and item 9 "very much": a psychosocial subscale of 4, high risk.
        assertThat(psychosocialAgreed).isEqualTo(3);
        assertThat(items.get(8).toString()).contains("very-much");
        Map<String, Object> improver = QuestionnaireAnswers.startBack(player(Persona.IMPROVER), START);
        assertThat(improver.toString()).doesNotContain("very-much");
        assertThat(drifter.get("id")).isNotEqualTo(improver.get("id"));
        assertThat(QuestionnaireAnswers.peg(player(Persona.DRIFTER), START).get("id"))
                .isNotEqualTo(drifter.get("id"));
    }
}
