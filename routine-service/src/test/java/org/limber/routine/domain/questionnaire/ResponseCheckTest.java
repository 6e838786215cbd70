package org.limber.routine.domain.questionnaire;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.limber.common.problem.Problem.FieldProblem;
import org.limber.routine.domain.questionnaire.ResponseCheck.GivenAnswer;
import org.limber.routine.domain.questionnaire.ResponseCheck.GivenItem;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers checked against the shipped Questionnaire resources (read as the service reads them). */
class ResponseCheckTest {

    private static final Instruments SHIPPED = Instruments.load(new ObjectMapper());
    private static final Instrument PEG = SHIPPED.find("PEG").orElseThrow().instrument();
    private static final Instrument STARTBACK =
            SHIPPED.find("STARTBACK").orElseThrow().instrument();

    private static GivenItem integer(String linkId, int value) {
        return new GivenItem(linkId, List.of(new GivenAnswer(value, null)));
    }

    private static GivenItem coded(String linkId, String code) {
        return new GivenItem(linkId, List.of(new GivenAnswer(null, code)));
    }

    @Test
    void reads_the_shipped_resources() {
        assertThat(PEG.canonical()).isEqualTo("http://limber.example.org/fhir/Questionnaire/peg|1.0.0");
        assertThat(PEG.items())
                .filteredOn(Instrument.Item::answered)
                .extracting(Instrument.Item::linkId)
                .containsExactlyElementsOf(Scoring.PEG_ITEMS);
        assertThat(PEG.item("75893-8").orElseThrow().max()).isEqualTo(10);
        assertThat(STARTBACK.items())
                .extracting(Instrument.Item::linkId)
                .containsExactlyElementsOf(Scoring.STARTBACK_ITEMS);
        assertThat(STARTBACK.item("9").orElseThrow().options())
                .containsEntry("moderately", 0)
                .containsEntry("very-much", 1)
                .containsEntry("extremely", 1);
    }

    @Test
    void a_complete_peg_is_scored() {
        var checked =
                ResponseCheck.check(PEG, List.of(integer("75893-8", 6), integer("91145-3", 5), integer("91146-1", 4)));
        assertThat(checked.problems()).isEmpty();
        assertThat(Scoring.peg(checked.values()).score()).isEqualTo(5.0);
    }

    @Test
    void names_the_link_id_of_each_problem() {
        var checked =
                ResponseCheck.check(PEG, List.of(integer("75893-8", 11), integer("nope", 1), integer("91147-9", 3)));
        assertThat(checked.problems())
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "item[75893-8]", "item[nope]", "item[91147-9]", "item[91145-3]", "item[91146-1]");
        assertThat(checked.values()).isEmpty();
    }

    @Test
    void start_back_choices_score_by_their_ordinal_value() {
        List<GivenItem> items = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            items.add(coded(String.valueOf(i), i >= 5 ? "agree" : "disagree"));
        }
        items.add(coded("9", "very-much"));
        var checked = ResponseCheck.check(STARTBACK, items);
        assertThat(checked.problems()).isEmpty();
        Scoring.Score score = Scoring.startBack(checked.values());
        assertThat(score.score()).isEqualTo(5);
        assertThat(score.riskGroup()).isEqualTo(Scoring.RiskGroup.HIGH);
        items.set(8, coded("9", "moderately"));
        assertThat(Scoring.startBack(ResponseCheck.check(STARTBACK, items).values())
                        .riskGroup())
                .isEqualTo(Scoring.RiskGroup.HIGH);
        items.set(7, coded("8", "disagree"));
        assertThat(Scoring.startBack(ResponseCheck.check(STARTBACK, items).values())
                        .riskGroup())
                .isEqualTo(Scoring.RiskGroup.LOW);
    }

    @Test
    void refuses_unknown_codes_two_answers_and_repeats() {
        List<GivenItem> items = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            items.add(coded(String.valueOf(i), "disagree"));
        }
        items.set(8, coded("9", "a-lot"));
        items.add(coded("1", "agree"));
        items.set(2, new GivenItem("3", List.of(new GivenAnswer(null, "agree"), new GivenAnswer(null, "disagree"))));
        items.set(3, integer("4", 1));
        assertThat(ResponseCheck.check(STARTBACK, items).problems())
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("item[9]", "item[1]", "item[3]", "item[4]");
    }

    @Test
    void theEndsOfARangeAreAnswersAndOneBeyondIsNot() {
        var ends =
                ResponseCheck.check(PEG, List.of(integer("75893-8", 0), integer("91145-3", 10), integer("91146-1", 5)));
        assertThat(ends.problems()).isEmpty();
        assertThat(ends.values()).containsEntry("75893-8", 0).containsEntry("91145-3", 10);
        var below =
                ResponseCheck.check(PEG, List.of(integer("75893-8", -1), integer("91145-3", 5), integer("91146-1", 5)));
        assertThat(below.problems()).extracting(FieldProblem::field).containsExactly("item[75893-8]");
        assertThat(below.values()).isEmpty();
        var above =
                ResponseCheck.check(PEG, List.of(integer("75893-8", 5), integer("91145-3", 11), integer("91146-1", 5)));
        assertThat(above.problems()).extracting(FieldProblem::field).containsExactly("item[91145-3]");
    }
}
