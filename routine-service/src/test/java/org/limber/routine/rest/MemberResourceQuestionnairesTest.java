package org.limber.routine.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.events.member.MemberTopics;
import org.limber.events.member.QuestionnaireCompleted;
import org.limber.routine.Fixtures;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.TopicReader;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.limber.routine.Fixtures.intake;
import static org.limber.routine.Fixtures.member;
import static org.limber.routine.Fixtures.newMember;

/** The validated questionnaires: what is due, the Questionnaire resources, answers checked, scored and published. */
@QuarkusTest
public class MemberResourceQuestionnairesTest {

    static final String PEG_URL = "http://limber.example.org/fhir/Questionnaire/peg";

    @Inject
    CatalogReplica replica;

    @Inject
    DataSource db;

    @BeforeEach
    void catalog() {
        Fixtures.catalogLoaded(replica);
    }

    /** A PEG QuestionnaireResponse with these three answers (a null leaves the item out). */
    public static Map<String, Object> peg(UUID id, Integer pain, Integer enjoyment, Integer activity) {
        List<Map<String, Object>> items = new ArrayList<>();
        String[] links = {"75893-8", "91145-3", "91146-1"};
        Integer[] values = {pain, enjoyment, activity};
        for (int i = 0; i < 3; i++) {
            if (values[i] != null) {
                items.add(Map.of("linkId", links[i], "answer", List.of(Map.of("valueInteger", values[i]))));
            }
        }
        return response(id, PEG_URL + "|1.0.0", items);
    }

    /** A STarT Back QuestionnaireResponse: items 1-8 agree where the string has a 1, item 9's answer code. */
    public static Map<String, Object> startBack(UUID id, String agreed, String bothersome) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            items.add(coded(String.valueOf(i + 1), agreed.charAt(i) == '1' ? "agree" : "disagree"));
        }
        items.add(coded("9", bothersome));
        return response(id, null, items);
    }

    private static Map<String, Object> coded(String linkId, String code) {
        return Map.of("linkId", linkId, "answer", List.of(Map.of("valueCoding", Map.of("code", code))));
    }

    private static Map<String, Object> response(UUID id, String questionnaire, List<Map<String, Object>> items) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resourceType", "QuestionnaireResponse");
        r.put("id", id.toString());
        if (questionnaire != null) {
            r.put("questionnaire", questionnaire);
        }
        r.put("status", "completed");
        r.put("item", items);
        return r;
    }

    public static RequestSpecification fhir(String memberId) {
        return member(memberId).contentType("application/fhir+json");
    }

    @Test
    void theQuestionnairesAreServedAsFhirResources() {
        given().get("/questionnaires/PEG")
                .then()
                .statusCode(200)
                .contentType(containsString("application/fhir+json"))
                .body("resourceType", equalTo("Questionnaire"))
                .body("url", equalTo(PEG_URL))
                .body("code[0].code", equalTo("91148-7"));
        given().get("/questionnaires/STARTBACK")
                .then()
                .statusCode(200)
                .body("item", hasSize(9))
                .body("copyright", containsString("Keele University"));
        given().get("/questionnaires/ODI").then().statusCode(404).contentType(containsString("problem+json"));
        given().get("/questionnaires").then().statusCode(200).body("code", containsInAnyOrder("PEG", "STARTBACK"));
    }

    @Test
    void nothingIsDueBeforeThePlan() {
        String memberId = newMember();
        member(memberId)
                .get("/members/me/questionnaires")
                .then()
                .statusCode(200)
                .body("due", hasSize(0))
                .body("programStart", nullValue());
        fhir(memberId)
                .body(peg(UUID.randomUUID(), 5, 5, 5))
                .post("/members/me/questionnaires/PEG/responses")
                .then()
                .statusCode(409)
                .body("type", containsString("not-due"));
    }

    @Test
    void baselinePegIsTakenOnceAndPublishedOnce() {
        String memberId = newMember();
        Fixtures.planFor(memberId, intake());
        member(memberId)
                .get("/members/me/questionnaires")
                .then()
                .body("due.questionnaire", containsInAnyOrder("STARTBACK", "PEG"))
                .body("due.timepoint", containsInAnyOrder("BASELINE", "BASELINE"))
                .body("due.find { it.questionnaire == 'PEG' }.canonical", equalTo(PEG_URL + "|1.0.0"));
        member(memberId).get("/members/me/plan").then().body("due.what", hasItem("QUESTIONNAIRE"));
        UUID id = UUID.randomUUID();
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            for (int attempt = 0; attempt < 2; attempt++) {
                fhir(memberId)
                        .body(peg(id, 7, 6, 5))
                        .post("/members/me/questionnaires/PEG/responses")
                        .then()
                        .statusCode(201)
                        .header("Idempotent-Replayed", String.valueOf(attempt == 1))
                        .body("response.timepoint", equalTo("BASELINE"))
                        .body("response.score", equalTo(6.0f));
            }
            QuestionnaireCompleted event =
                    Fixtures.event(topic, memberId, QuestionnaireCompleted.TYPE, QuestionnaireCompleted.class);
            assertThat(event.responseId()).isEqualTo(id);
            assertThat(event.questionnaire()).isEqualTo("PEG");
            assertThat(event.canonical()).isEqualTo(PEG_URL + "|1.0.0");
            assertThat(event.timepoint()).isEqualTo("BASELINE");
            assertThat(event.score()).isEqualTo(6.0);
            assertThat(event.subscale()).isNull();
            assertThat(event.answers())
                    .containsExactly(
                            new QuestionnaireCompleted.Answer("75893-8", 7),
                            new QuestionnaireCompleted.Answer("91145-3", 6),
                            new QuestionnaireCompleted.Answer("91146-1", 5));
            assertThat(Fixtures.events(topic, memberId, QuestionnaireCompleted.TYPE, Duration.ofSeconds(2)))
                    .hasSize(1);
        }
        // The same id with other answers, or another member's use of it: a conflict.
        fhir(memberId)
                .body(peg(id, 1, 1, 1))
                .post("/members/me/questionnaires/PEG/responses")
                .then()
                .statusCode(409);
        String other = newMember();
        Fixtures.planFor(other, intake());
        fhir(other)
                .body(peg(id, 7, 6, 5))
                .post("/members/me/questionnaires/PEG/responses")
                .then()
                .statusCode(409);
        // Answered: no longer due; a second baseline under a new id is not due.
        member(memberId)
                .get("/members/me/questionnaires")
                .then()
                .body("due.questionnaire", equalTo(List.of("STARTBACK")))
                .body("answered[0].score", equalTo(6.0f));
        fhir(memberId)
                .body(peg(UUID.randomUUID(), 1, 1, 1))
                .post("/members/me/questionnaires/PEG/responses")
                .then()
                .statusCode(409)
                .body("type", containsString("not-due"));
    }

    @Test
    void answersAreCheckedAgainstTheQuestionnaireNamingTheLinkId() {
        String memberId = newMember();
        Fixtures.planFor(memberId, intake());
        fhir(memberId)
                .body(peg(UUID.randomUUID(), 11, 6, null))
                .post("/members/me/questionnaires/PEG/responses")
                .then()
                .statusCode(400)
                .contentType(containsString("problem+json"))
                .body("errors.field", containsInAnyOrder("item[75893-8]", "item[91146-1]"));
        fhir(memberId)
                .body(startBack(UUID.randomUUID(), "00000000", "a-lot"))
                .post("/members/me/questionnaires/STARTBACK/responses")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("item[9]")));
        Map<String, Object> bad = peg(UUID.randomUUID(), 1, 1, 1);
        bad.put("id", "not-a-uuid");
        bad.put("status", "in-progress");
        bad.put("questionnaire", "http://example.org/other");
        fhir(memberId)
                .body(bad)
                .post("/members/me/questionnaires/PEG/responses")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("id", "status", "questionnaire"));
        fhir(memberId)
                .body("{not json")
                .post("/members/me/questionnaires/PEG/responses")
                .then()
                .statusCode(400);
        fhir(memberId)
                .body(peg(UUID.randomUUID(), 1, 1, 1))
                .post("/members/me/questionnaires/ODI/responses")
                .then()
                .statusCode(404);
        member(memberId).get("/members/me/questionnaires").then().body("answered", hasSize(0));
    }

    @Test
    void startBackHighRiskPutsThePlanOnThePsychologicallyInformedPathway() {
        String memberId = newMember();
        Fixtures.planFor(memberId, intake());
        member(memberId).get("/members/me/plan").then().body("pathway", nullValue());
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            fhir(memberId)
                    .body(startBack(UUID.randomUUID(), "10001111", "slightly"))
                    .post("/members/me/questionnaires/STARTBACK/responses")
                    .then()
                    .statusCode(201)
                    .body("response.score", equalTo(5.0f))
                    .body("response.subscale", equalTo(4))
                    .body("response.riskGroup", equalTo("HIGH"))
                    .body("pathway.pathway", equalTo("PSYCHOLOGICALLY_INFORMED"));
            QuestionnaireCompleted event =
                    Fixtures.event(topic, memberId, QuestionnaireCompleted.TYPE, QuestionnaireCompleted.class);
            assertThat(event.riskGroup()).isEqualTo("HIGH");
            assertThat(event.subscale()).isEqualTo(4);
            assertThat(event.answers()).hasSize(9);
        }
        member(memberId)
                .get("/members/me/plan")
                .then()
                .body("pathway.riskGroup", equalTo("HIGH"))
                .body("pathway.pathway", equalTo("PSYCHOLOGICALLY_INFORMED"))
                .body("pathway.note", containsString("psychologically informed"));
    }

    @Test
    void pegIsDueAgainAtWeekSix() throws Exception {
        String memberId = newMember();
        Fixtures.planFor(memberId, intake());
        fhir(memberId)
                .body(peg(UUID.randomUUID(), 6, 6, 6))
                .post("/members/me/questionnaires/PEG/responses")
                .then()
                .statusCode(201);
        // Six weeks later (the plan's start moved back in the member's rows).
        try (var c = db.getConnection();
                var s = c.prepareStatement("update plan set start_date = start_date - 42 where member_id = ?")) {
            s.setString(1, memberId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        member(memberId)
                .get("/members/me/questionnaires")
                .then()
                .body("due.find { it.questionnaire == 'PEG' }.timepoint", equalTo("WEEK_6"));
        fhir(memberId)
                .body(peg(UUID.randomUUID(), 4, 3, 3))
                .post("/members/me/questionnaires/PEG/responses")
                .then()
                .statusCode(201)
                .body("response.timepoint", equalTo("WEEK_6"))
                .body("response.score", equalTo(3.3333333f));
    }
}
