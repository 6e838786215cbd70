package org.limber.console.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
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

    @Test
    void aFormIsPutBackFieldByFieldTrimmedWithEmptyLinesAndNumbersDropped() throws Exception {
        // No description, lists or dose fields in the content yet: the form adds them.
        JsonNode content =
                JSON.readTree("{\"name\": \"Old\", \"slug\": \"cat-cow\", \"dose\": {\"sets\": 2, \"range\": {}}}");
        Map<String, String> form = new HashMap<>();
        form.put("name", "  Cat-cow  ");
        form.put("description", " Arch and round. ");
        form.put("aliases", "cat camel\n\n   \n  cat stretch ");
        form.put("level", "BEGINNER");
        form.put("steps", "One\r\nTwo");
        form.put("doseSets", " 3 ");
        form.put("doseReps", "");
        form.put("doseHoldSeconds", "five");
        form.put("doseDurationSeconds", "   ");
        form.put("doseRestSeconds", "30");
        DraftForm.Result result = DraftForm.apply(content, form);
        assertThat(result.content()).isEqualTo(JSON.readTree("""
                        {"name": "Cat-cow", "slug": "cat-cow",
                         "dose": {"sets": 3, "range": {}, "reps": null, "durationSeconds": null, "restSeconds": 30},
                         "description": "Arch and round.", "aliases": ["cat camel", "cat stretch"], "level": "BEGINNER",
                         "steps": ["One", "Two"], "mayFeel": [], "tips": [], "commonMistakes": []}
                        """));
        assertThat(result.errors()).isEqualTo(Map.of("doseHoldSeconds", "must be a whole number"));
        // The content given is left as it was.
        assertThat(content.path("name").asText()).isEqualTo("Old");
    }

    @Test
    void aDoseThatIsNotAnObjectIsReplacedByOne() throws Exception {
        Map<String, String> form = new HashMap<>(Map.of("doseSets", "2", "doseRestSeconds", "0"));
        DraftForm.Result result = DraftForm.apply(JSON.readTree("{\"dose\": 5}"), form);
        assertThat(result.content().path("dose"))
                .isEqualTo(
                        JSON.readTree(
                                "{\"sets\": 2, \"reps\": null, \"holdSeconds\": null, \"durationSeconds\": null, \"restSeconds\": 0}"));
    }

    @Test
    void aValueOverEightThousandCharactersIsRefusedBeforeItIsSent() throws Exception {
        String longest = "a".repeat(8000);
        Map<String, String> form = new HashMap<>(Map.of("name", longest, "description", longest + "b"));
        DraftForm.Result result = DraftForm.apply(content(), form);
        assertThat(result.errors()).isEqualTo(Map.of("description", "is too long"));
        assertThat(result.content().path("name").asText()).isEqualTo(longest);
        assertThat(result.content().path("description").asText()).isEqualTo("Arch and round.");
    }

    @Test
    void valuesAreEmptyForWhatTheContentLacksOrHasAsNull() throws Exception {
        Map<String, String> values = DraftForm.values(
                JSON.readTree("{\"name\": null, \"tips\": [\"Breathe.\", \"Slowly.\"], \"dose\": {\"sets\": 3}}"));
        assertThat(values)
                .containsExactly(
                        Map.entry("name", ""),
                        Map.entry("description", ""),
                        Map.entry("aliases", ""),
                        Map.entry("level", ""),
                        Map.entry("steps", ""),
                        Map.entry("mayFeel", ""),
                        Map.entry("tips", "Breathe.\nSlowly."),
                        Map.entry("commonMistakes", ""),
                        Map.entry("doseSets", "3"),
                        Map.entry("doseReps", ""),
                        Map.entry("doseHoldSeconds", ""),
                        Map.entry("doseDurationSeconds", ""),
                        Map.entry("doseRestSeconds", ""));
    }

    @Test
    void severalErrorsOfOneFieldAreJoinedAndOthersKeepTheirServiceName() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("content.steps[0]", "must not be blank");
        errors.put("content.steps", "needs at least one");
        errors.put("content.dose.reps", "must be at most 50");
        errors.put("slug", "is taken");
        errors.put("content.stepsTaken", "unknown");
        assertThat(DraftForm.fromService(errors))
                .containsExactly(
                        Map.entry("steps", "must not be blank; needs at least one"),
                        Map.entry("doseReps", "must be at most 50"),
                        Map.entry("", "slug is taken; content.stepsTaken unknown"));
    }

    @Test
    void eachFieldIsEditedByItsKind() {
        assertThat(DraftForm.FIELDS.stream()
                        .map(f -> f.name() + ":" + (f.isText() ? "text" : "") + (f.isArea() ? "area" : "")
                                + (f.isNumber() ? "number" : "") + (f.isChoice() ? "choice" : ""))
                        .toList())
                .containsExactly(
                        "name:text",
                        "description:area",
                        "aliases:area",
                        "level:choice",
                        "steps:area",
                        "mayFeel:area",
                        "tips:area",
                        "commonMistakes:area",
                        "doseSets:number",
                        "doseReps:number",
                        "doseHoldSeconds:number",
                        "doseDurationSeconds:number",
                        "doseRestSeconds:number");
    }
}
