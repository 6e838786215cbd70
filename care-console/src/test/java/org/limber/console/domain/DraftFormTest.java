package org.limber.console.domain;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DraftFormTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode content() throws Exception {
        return JSON.readTree("""
                {"name": "Cat-cow", "description": "Arch and round.", "aliases": [], "level": "BEGINNER", "category": "MOBILITY",
                 "steps": ["Start on hands and knees.", "Round your back."], "mayFeel": [], "tips": ["Breathe."], "commonMistakes": [],
                 "safetyTags": ["FLARE_SAFE"], "dose": {"sets": 2, "reps": 8, "holdSeconds": null, "durationSeconds": null, "restSeconds": 30,
                 "range": {"sets": {"min": 1, "max": 3}}}}
                """);
    }

    @Test
    void valuesComeFromTheContentAndGoBackKeepingEverythingElse() throws Exception {
        Map<String, String> values = new HashMap<>(DraftForm.values(content()));
        assertThat(values)
                .containsEntry("name", "Cat-cow")
                .containsEntry("steps", "Start on hands and knees.\nRound your back.")
                .containsEntry("doseSets", "2")
                .containsEntry("doseHoldSeconds", "");
        values.put("steps", "Start on hands and knees.\n\n  Round your back slowly.  \nReturn.");
        values.put("doseReps", "10");
        values.put("doseHoldSeconds", "");
        DraftForm.Result r = DraftForm.apply(content(), values);
        assertThat(r.errors()).isEmpty();
        assertThat(r.content().path("steps")).hasSize(3);
        assertThat(r.content().path("steps").get(1).asText()).isEqualTo("Round your back slowly.");
        assertThat(r.content().path("dose").path("reps").asInt()).isEqualTo(10);
        assertThat(r.content().path("dose").path("holdSeconds").isNull()).isTrue();
        assertThat(r.content()
                        .path("dose")
                        .path("range")
                        .path("sets")
                        .path("max")
                        .asInt())
                .isEqualTo(3);
        assertThat(r.content().path("safetyTags").get(0).asText()).isEqualTo("FLARE_SAFE");
        assertThat(r.content().path("category").asText()).isEqualTo("MOBILITY");
    }

    @Test
    void aNumberThatIsNotOneIsReportedAtItsField() throws Exception {
        Map<String, String> values = new HashMap<>(DraftForm.values(content()));
        values.put("doseSets", "two");
        assertThat(DraftForm.apply(content(), values).errors())
                .containsOnlyKeys("doseSets")
                .containsValue("must be a whole number");
    }

    @Test
    void theServicesFieldErrorsLandOnTheFormsFields() {
        assertThat(DraftForm.fromService(Map.of(
                        "content.steps",
                        "must not be empty",
                        "content.dose.sets",
                        "must be at most 10",
                        "content.steps[2]",
                        "must not be blank",
                        "content.harder",
                        "unknown exercise x")))
                .containsEntry("doseSets", "must be at most 10")
                .containsKey("steps")
                .containsEntry("", "content.harder unknown exercise x");
    }
}
