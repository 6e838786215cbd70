package org.limber.routine.rest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.events.member.CareTeamAssigned;
import org.limber.events.member.MemberTopics;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.PlanResumed;
import org.limber.routine.Fixtures;
import org.limber.routine.KeycloakStandIn;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.CatalogFixture;
import org.limber.testsupport.TestClock;
import org.limber.testsupport.Tokens;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.limber.routine.Fixtures.as;
import static org.limber.routine.Fixtures.intake;
import static org.limber.routine.Fixtures.member;
import static org.limber.routine.Fixtures.newMember;

@QuarkusTest
class CareTeamResourceTest {

    /**
     * The service's clock runs from noon (UTC) of today while each test runs, and the test takes "now" from it: an
     * hour or two ago is today, after the plan's start, whatever the hour the test runs at.
     */
    static final Instant NOON = TestClock.noonToday();

    @Inject
    TestClock clock;

    @Inject
    CatalogReplica replica;

    String memberId;
    String clinician;

    @BeforeEach
    void memberWithAPlanOnAPanel() {
        clock.runFrom(NOON);
        Fixtures.catalogLoaded(replica);
        memberId = newMember();
        clinician = "clinician-" + memberId;
        Map<String, Object> answers = intake();
        answers.put("conditions", List.of("SPINAL_STENOSIS"));
        Fixtures.planOnPanel(memberId, answers, clinician);
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    private JsonPath plan() {
        return as(Tokens.clinician(clinician))
                .get("/members/" + memberId + "/plan")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void assigningAClinicianResendsThePlanWithTheClinician() throws Exception {
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            String next = KeycloakStandIn.clinician("clinician-next-" + memberId);
            as(Tokens.admin("ada"))
                    .body(Map.of("clinicianId", next))
                    .put("/members/" + memberId + "/care-team")
                    .then()
                    .statusCode(200);
            PlanAssigned event = CatalogFixture.JSON.readValue(
                    topic.await(
                                    r -> memberId.equals(r.key())
                                            && PlanAssigned.TYPE.equals(TopicReader.header(r, "ce_type"))
                                            && r.value().contains(next),
                                    Duration.ofSeconds(30))
                            .value(),
                    PlanAssigned.class);
            assertThat(event.planVersion()).isEqualTo(1);
            assertThat(event.clinicianId()).isEqualTo(next);
            as(Tokens.clinician(clinician))
                    .get("/members/" + memberId + "/plan")
                    .then()
                    .statusCode(403);
            as(Tokens.clinician(next))
                    .get("/members/" + memberId + "/plan")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void aClinicianSeesOnlyTheirPanel() {
        assertThat(plan().getString("memberId")).isEqualTo(memberId);
        as(Tokens.clinician("someone-else"))
                .get("/members/" + memberId + "/plan")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(Tokens.clinician("someone-else"))
                .body(Map.of("note", "x", "changes", List.of(Map.of("type", "PAUSE", "slug", "x"))))
                .put("/members/" + memberId + "/plan")
                .then()
                .statusCode(403);
        member(memberId).get("/members/" + memberId + "/plan").then().statusCode(403);
        as(Tokens.clinician(clinician))
                .body(Map.of("clinicianId", clinician))
                .put("/members/" + memberId + "/care-team")
                .then()
                .statusCode(403);
        as(Tokens.admin("ada"))
                .body(Map.of())
                .put("/members/" + memberId + "/care-team")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("clinicianId"));
    }

    @Test
    void aPanelClinicianSeesTheMembersSessionsWithTheirNotes() {
        Map<String, Object> session =
                Fixtures.sessionDoingToday(memberId, clock.instant().minus(1, ChronoUnit.HOURS));
        session.put("note", "Skipped the bridge <b>knee hurt</b>");
        @SuppressWarnings("unchecked")
        Map<String, Object> skipped = ((List<Map<String, Object>>) session.get("exercises")).get(0);
        skipped.put("status", "SKIPPED");
        skipped.put("skipReason", "PAIN");
        member(memberId).body(session).post("/members/me/sessions").then().statusCode(201);

        as(Tokens.clinician(clinician))
                .get("/members/" + memberId + "/sessions?size=5")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].sessionId", equalTo(session.get("sessionId")))
                .body("items[0].note", equalTo("Skipped the bridge <b>knee hurt</b>"))
                .body("items[0].exercises[0].slug", equalTo(skipped.get("slug")))
                .body("items[0].exercises[0].status", equalTo("SKIPPED"))
                .body("items[0].exercises[0].skipReason", equalTo("PAIN"))
                .body("items[0].painAfter", equalTo(2));
        as(Tokens.clinician("someone-else"))
                .get("/members/" + memberId + "/sessions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        member(memberId).get("/members/" + memberId + "/sessions").then().statusCode(403);
    }

    @Test
    void tailoringMakesANewVersionWithAuthorAndNote() throws Exception {
        JsonPath before = plan();
        String first = before.getString("sessions[0].items[0].slug");
        String second = before.getString("sessions[0].items[1].slug");
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            as(Tokens.clinician(clinician))
                    .body(Map.of(
                            "note",
                            "Gentler start this week",
                            "changes",
                            List.of(
                                    Map.of(
                                            "type",
                                            "DOSE",
                                            "slug",
                                            first,
                                            "dose",
                                            Map.of("sets", 1, "reps", 5, "restSeconds", 20)),
                                    Map.of("type", "PAUSE", "slug", second, "session", 1))))
                    .put("/members/" + memberId + "/plan")
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(2))
                    .body("source", equalTo("CLINICIAN"))
                    .body("author", equalTo(clinician))
                    .body("note", equalTo("Gentler start this week"))
                    .body("sessions[0].items[0].dose.sets", equalTo(1))
                    .body("sessions[0].items[0].reason", containsString("Gentler start"))
                    .body("sessions[0].items[1].paused", equalTo(true));
            PlanAssigned event = CatalogFixture.JSON.readValue(
                    topic.await(
                                    r -> memberId.equals(r.key()) && r.value().contains("\"planVersion\":2"),
                                    Duration.ofSeconds(30))
                            .value(),
                    PlanAssigned.class);
            assertThat(event.source()).isEqualTo("CLINICIAN");
            assertThat(event.clinicianId()).isEqualTo(clinician);
            assertThat(event.sessions().get(0).items())
                    .extracting(PlanAssigned.Item::slug)
                    .doesNotContain(second);
        }
        member(memberId)
                .get("/members/me/plan/history")
                .then()
                .body("items.author", equalTo(List.of(clinician, memberId)));
        member(memberId).get("/members/me/plan/today").then().body("exercises.slug", not(hasItem(second)));
    }

    @Test
    void swappingInAnExcludedExerciseNeedsAnOverrideWhichIsRecorded() {
        String slug = plan().getString("sessions[0].items[0].slug");
        Map<String, Object> swap = Map.of("type", "SWAP", "slug", slug, "to", "superman");
        as(Tokens.clinician(clinician))
                .body(Map.of("note", "Try extension", "changes", List.of(swap)))
                .put("/members/" + memberId + "/plan")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("changes[0].to"))
                .body("errors[0].message", containsString("stenosis"));
        assertThat(plan().getInt("version")).isEqualTo(1);

        as(Tokens.clinician(clinician))
                .body(Map.of(
                        "note",
                        "Try extension",
                        "changes",
                        List.of(swap),
                        "override",
                        Map.of("reason", "Seen in clinic: tolerates extension well")))
                .put("/members/" + memberId + "/plan")
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("overrideReason", containsString("tolerates extension"))
                .body("overrideReason", containsString("superman"))
                .body("sessions.items.flatten().slug", hasItem("superman"))
                .body(
                        "sessions.items.flatten().findAll { it.slug == 'superman' }.reason",
                        everyItem(containsString("despite")));
    }

    @Test
    void changesThatDoNotApplyAreNamed() {
        as(Tokens.clinician(clinician))
                .body(Map.of(
                        "note",
                        "x",
                        "changes",
                        List.of(
                                Map.of("type", "PAUSE", "slug", "not-in-plan"),
                                Map.of(
                                        "type",
                                        "SWAP",
                                        "slug",
                                        plan().getString("sessions[0].items[0].slug"),
                                        "to",
                                        "no-such-exercise"),
                                Map.of(
                                        "type",
                                        "DOSE",
                                        "slug",
                                        plan().getString("sessions[0].items[0].slug"),
                                        "dose",
                                        Map.of("sets", 0, "restSeconds", 0)))))
                .put("/members/" + memberId + "/plan")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("changes[0].slug"))
                .body("errors.field", hasItem("changes[1].to"))
                .body("errors.field", hasItem("changes[2].dose.sets"));
        as(Tokens.clinician(clinician))
                .body(Map.of("changes", List.of(Map.of("type", "PAUSE", "slug", "x"))))
                .put("/members/" + memberId + "/plan")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
    }

    @Test
    void everyAssignmentIsAnEventWithTheNextNumberAndTheSameOneAgainIsNone() throws Exception {
        String noPlan = newMember();
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            Fixtures.assign(noPlan, "casey");
            Fixtures.assign(noPlan, "casey");
            Fixtures.assign(noPlan, "robin");
            List<CareTeamAssigned> events =
                    Fixtures.events(topic, noPlan, CareTeamAssigned.TYPE, Duration.ofSeconds(3)).stream()
                            .map(r -> read(r.value(), CareTeamAssigned.class))
                            .toList();
            assertThat(events).extracting(CareTeamAssigned::clinicianId).containsExactly("casey", "robin");
            assertThat(events).extracting(CareTeamAssigned::sequence).containsExactly(1L, 2L);
            assertThat(events).extracting(CareTeamAssigned::assignedBy).containsOnly("ada");
            // The member with a plan from the set-up was assigned once: number 1.
            assertThat(Fixtures.event(topic, memberId, CareTeamAssigned.TYPE, CareTeamAssigned.class)
                            .sequence())
                    .isEqualTo(1);
        }
    }

    /** A review of the flags in {@code flags}, with the outcome and a note. */
    private static Map<String, Object> review(String outcome, String note, String... flags) {
        return Map.of("redFlagsAssessed", List.of(flags), "outcome", outcome, "note", note);
    }

    @Test
    void onlyAClinicianWithTheMemberResumesASuspendedPlanWithAReview() throws Exception {
        as(Tokens.clinician(clinician))
                .body(review("EXCLUDED_SAFE_TO_CONTINUE", "x", "CONSTANT_NIGHT_PAIN"))
                .post("/members/" + memberId + "/plan/resume")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("not suspended"));
        member(memberId)
                .body(Fixtures.symptoms("CONSTANT_NIGHT_PAIN"))
                .post("/members/me/symptoms")
                .then()
                .statusCode(201)
                .body("planSuspended", equalTo(true));
        assertThat(plan().getString("status")).isEqualTo("SUSPENDED");
        assertThat(plan().getString("suspension.cause")).isEqualTo("SYMPTOM_REPORT");

        as(Tokens.clinician("someone-else"))
                .body(review("EXCLUDED_SAFE_TO_CONTINUE", "x", "CONSTANT_NIGHT_PAIN"))
                .post("/members/" + memberId + "/plan/resume")
                .then()
                .statusCode(403);
        member(memberId)
                .body(review("EXCLUDED_SAFE_TO_CONTINUE", "x", "CONSTANT_NIGHT_PAIN"))
                .post("/members/" + memberId + "/plan/resume")
                .then()
                .statusCode(403);
        // A note alone is no review any more: the red flags assessed and the outcome are required.
        as(Tokens.clinician(clinician))
                .body(Map.of("note", "Called her"))
                .post("/members/" + memberId + "/plan/resume")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("redFlagsAssessed"))
                .body("errors.field", hasItem("outcome"));
        as(Tokens.clinician(clinician))
                .body(Map.of("redFlagsAssessed", List.of("CONSTANT_NIGHT_PAIN"), "outcome", "OTHER", "note", "x"))
                .post("/members/" + memberId + "/plan/resume")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("outcomeText"));
        // Every red flag that suspended the plan must have been assessed.
        as(Tokens.clinician(clinician))
                .body(review("EXCLUDED_SAFE_TO_CONTINUE", "x", "RECENT_TRAUMA"))
                .post("/members/" + memberId + "/plan/resume")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("redFlagsAssessed"))
                .body("errors[0].message", containsString("CONSTANT_NIGHT_PAIN"));
        member(memberId).get("/members/me/plan/today").then().statusCode(409);
        as(Tokens.clinician(clinician))
                .get("/members/" + memberId + "/plan/suspension")
                .then()
                .statusCode(200)
                .body("referral", equalTo(false))
                .body("redFlags", equalTo(List.of("CONSTANT_NIGHT_PAIN")))
                .body("reviews", hasSize(0));

        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            as(Tokens.clinician(clinician))
                    .body(review(
                            "EXCLUDED_SAFE_TO_CONTINUE",
                            "Called her: pain settles on walking, no neurological signs",
                            "CONSTANT_NIGHT_PAIN"))
                    .post("/members/" + memberId + "/plan/resume")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACTIVE"))
                    .body("outcome", equalTo("EXCLUDED_SAFE_TO_CONTINUE"))
                    .body("redFlagsAssessed", equalTo(List.of("CONSTANT_NIGHT_PAIN")))
                    .body("reviewedBy", equalTo(clinician))
                    .body("reviewedAt", notNullValue())
                    .body("planVersion", equalTo(1))
                    .body("adaptationOn", equalTo(true))
                    .body("note", containsString("no neurological signs"));
            PlanResumed resumed = Fixtures.event(topic, memberId, PlanResumed.TYPE, PlanResumed.class);
            assertThat(resumed.how()).isEqualTo("RESUMED");
            assertThat(resumed.sequence()).isEqualTo(2);
            assertThat(resumed.clinicianId()).isEqualTo(clinician);
            assertThat(resumed.planVersion()).isEqualTo(1);
            assertThat(resumed.note()).contains("EXCLUDED_SAFE_TO_CONTINUE", "CONSTANT_NIGHT_PAIN");
        }
        member(memberId).get("/members/me/plan/today").then().statusCode(200).body("planVersion", equalTo(1));
        member(memberId).get("/members/me/plan").then().body("status", equalTo("ACTIVE"));
        as(Tokens.clinician(clinician))
                .body(review("EXCLUDED_SAFE_TO_CONTINUE", "again", "CONSTANT_NIGHT_PAIN"))
                .post("/members/" + memberId + "/plan/resume")
                .then()
                .statusCode(409);
        as(Tokens.clinician(clinician))
                .get("/members/" + memberId + "/plan/suspension")
                .then()
                .statusCode(404);
    }

    @Test
    void aReviewThatRefersTheMemberOnKeepsThePlanSuspended() {
        member(memberId)
                .body(Fixtures.symptoms("SADDLE_NUMBNESS"))
                .post("/members/me/symptoms")
                .then()
                .statusCode(201);
        as(Tokens.clinician(clinician))
                .body(review("REFERRED_ON", "Sent to the emergency department for an MRI", "SADDLE_NUMBNESS"))
                .post("/members/" + memberId + "/plan/resume")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        assertThat(plan().getString("status")).isEqualTo("SUSPENDED");
        member(memberId).get("/members/me/plan/today").then().statusCode(409);
        as(Tokens.clinician(clinician))
                .get("/members/" + memberId + "/plan/suspension")
                .then()
                .statusCode(200)
                .body("reviews[0].outcome", equalTo("REFERRED_ON"));
        as(Tokens.clinician(clinician))
                .body(Map.of(
                        "redFlagsAssessed",
                        List.of("SADDLE_NUMBNESS"),
                        "outcome",
                        "OTHER",
                        "outcomeText",
                        "MRI clear, cleared by the spinal team",
                        "note",
                        "Back to her plan"))
                .post("/members/" + memberId + "/plan/resume")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("outcomeText", containsString("MRI clear"));
        member(memberId).get("/members/me/plan/today").then().statusCode(200);
    }

    @Test
    void tailoringASuspendedPlanKeepsItSuspended() throws Exception {
        member(memberId)
                .body(Fixtures.symptoms("SADDLE_NUMBNESS"))
                .post("/members/me/symptoms")
                .then()
                .statusCode(201);
        String first = plan().getString("sessions[0].items[0].slug");
        as(Tokens.clinician(clinician))
                .body(Map.of(
                        "note",
                        "Lighter dose for her high-pain alert",
                        "changes",
                        List.of(Map.of(
                                "type",
                                "DOSE",
                                "slug",
                                first,
                                "dose",
                                Map.of("sets", 1, "reps", 5, "restSeconds", 20)))))
                .put("/members/" + memberId + "/plan")
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("status", equalTo("SUSPENDED"));
        member(memberId).get("/members/me/plan/today").then().statusCode(409);
        assertThat(plan().getString("status")).isEqualTo("SUSPENDED");
        as(Tokens.clinician(clinician))
                .body(review("EXCLUDED_SAFE_TO_CONTINUE", "Examined: no saddle anaesthesia", "SADDLE_NUMBNESS"))
                .post("/members/" + memberId + "/plan/resume")
                .then()
                .statusCode(200)
                .body("planVersion", equalTo(2));
        member(memberId).get("/members/me/plan/today").then().statusCode(200).body("planVersion", equalTo(2));
    }

    @Test
    void tailoringNeverLeavesASessionWithoutAnExercise() {
        List<Map<String, Object>> pauses = plan().getList("sessions[0].items.slug", String.class).stream()
                .map(slug -> Map.<String, Object>of("type", "PAUSE", "slug", slug, "session", 1))
                .toList();
        as(Tokens.clinician(clinician))
                .body(Map.of("note", "Rest", "changes", pauses))
                .put("/members/" + memberId + "/plan")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("changes"))
                .body("errors.message", hasItem(containsString("session 1 would have no exercise")));
        assertThat(plan().getInt("version")).isEqualTo(1);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return CatalogFixture.JSON.readValue(json, type);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
