package org.limber.routine.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.events.member.MemberReferred;
import org.limber.events.member.MemberTopics;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.PlanSuspended;
import org.limber.routine.Fixtures;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.CatalogFixture;
import org.limber.testsupport.TestClock;
import org.limber.testsupport.Tokens;
import org.limber.testsupport.TopicReader;

import static io.restassured.RestAssured.given;
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
import static org.limber.routine.Fixtures.redFlags;

@QuarkusTest
class MemberResourceIntakeTest {

    /**
     * The service's clock runs from noon (UTC) of today while each test runs, and the test takes "now" from it: an
     * hour or two ago is today, after the plan's start, whatever the hour the test runs at.
     */
    static final Instant NOON = TestClock.noonToday();

    @Inject
    TestClock clock;

    @Inject
    CatalogReplica replica;

    @BeforeEach
    void catalog() {
        clock.runFrom(NOON);
        Fixtures.catalogLoaded(replica);
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    @Test
    void aRetriedIntakeUnderItsIdAnswersAsTheFirstTimeAndMakesNoSecondPlanVersion() {
        String memberId = newMember();
        Map<String, Object> answers = new java.util.HashMap<>(intake());
        answers.put("intakeId", java.util.UUID.randomUUID().toString());
        int version = member(memberId)
                .body(answers)
                .post("/members/me/intake")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "false")
                .extract()
                .path("plan.version");
        member(memberId)
                .body(answers)
                .post("/members/me/intake")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("outcome", equalTo("PLAN_CREATED"))
                .body("intakeId", equalTo(answers.get("intakeId")))
                .body("plan.version", equalTo(version));
        member(memberId).get("/members/me/plan/history").then().statusCode(200).body("total", equalTo(1));
        Map<String, Object> other = new java.util.HashMap<>(answers);
        other.put("painNow", 2);
        member(memberId).body(other).post("/members/me/intake").then().statusCode(409);
        // Another member cannot use (or learn about) the id.
        member(newMember()).body(answers).post("/members/me/intake").then().statusCode(409);
    }

    @Test
    void anIntakeWithoutRedFlagsGivesAPlanAndAnEvent() throws Exception {
        String memberId = newMember();
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            member(memberId)
                    .body(intake())
                    .post("/members/me/intake")
                    .then()
                    .statusCode(201)
                    .header("Location", containsString("/members/me/plan"))
                    .body("outcome", equalTo("PLAN_CREATED"))
                    .body("plan.version", equalTo(1))
                    .body("plan.sessions", hasSize(3))
                    .body("plan.sessions.items.flatten().reason", everyItem(containsString("Chosen")))
                    .body("plan.sessions.items.flatten().dose.sets", everyItem(notNullValue()))
                    .body("plan.baselinePain", equalTo(5));
            member(memberId)
                    .get("/members/me/plan")
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(1))
                    .body("memberId", equalTo(memberId))
                    .body("source", equalTo("INTAKE"));

            ConsumerRecord<String, String> record = topic.await(r -> memberId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo(PlanAssigned.TYPE);
            PlanAssigned event = CatalogFixture.JSON.readValue(record.value(), PlanAssigned.class);
            assertThat(event.memberId()).isEqualTo(memberId);
            assertThat(event.planVersion()).isEqualTo(1);
            assertThat(event.sessionsPerWeek()).isEqualTo(3);
            assertThat(event.baselinePain()).isEqualTo(5);
            assertThat(event.conditions()).containsExactly("NON_SPECIFIC_LOW_BACK_PAIN");
            assertThat(event.startDate()).isNotNull();
            assertThat(event.sessions())
                    .hasSize(3)
                    .allSatisfy(s -> assertThat(s.items()).isNotEmpty());
        }
    }

    @Test
    void aRedFlagRefersTheMemberWithoutAPlan() throws Exception {
        String memberId = newMember();
        Map<String, Object> answers = intake();
        redFlags(answers).put("saddleNumbness", true);
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            member(memberId)
                    .body(answers)
                    .post("/members/me/intake")
                    .then()
                    .statusCode(201)
                    .body("outcome", equalTo("REFERRED"))
                    .body("reasons.redFlag", equalTo(List.of("SADDLE_NUMBNESS")))
                    .body("reasons[0].reason", containsString("saddle"))
                    .body("plan", equalTo(null));
            member(memberId).get("/members/me/plan").then().statusCode(404).contentType("application/problem+json");
            ConsumerRecord<String, String> record = topic.await(r -> memberId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo(MemberReferred.TYPE);
            MemberReferred event = CatalogFixture.JSON.readValue(record.value(), MemberReferred.class);
            assertThat(event.redFlags()).containsExactly("SADDLE_NUMBNESS");
            // The member is held (plan version 0: no plan yet) until a clinician's review.
            PlanSuspended held = Fixtures.event(topic, memberId, PlanSuspended.TYPE, PlanSuspended.class);
            assertThat(held.planVersion()).isZero();
            assertThat(held.redFlags()).containsExactly("SADDLE_NUMBNESS");
            topic.holdsFor(
                    Duration.ofSeconds(2),
                    records -> assertThat(records)
                            .filteredOn(r -> memberId.equals(r.key()))
                            .hasSize(2));
        }
    }

    @Test
    void aReferralAtTheFirstIntakeCannotBeUndoneByAnsweringAgainOnlyByAReview() {
        String memberId = newMember();
        String clinician = "clinician-" + memberId;
        Fixtures.assign(memberId, clinician);
        Map<String, Object> answers = intake();
        redFlags(answers).put("saddleNumbness", true);
        member(memberId).body(answers).post("/members/me/intake").then().statusCode(201);

        // Every answer no: refused while a clinician reviews the referral, saying what to do now.
        member(memberId)
                .body(intake())
                .post("/members/me/intake")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://limber.dev/problems/referral-under-review"))
                .body("detail", containsString("reviewing your referral"))
                .body("detail", containsString("get urgent care now"));
        member(memberId).get("/members/me/plan").then().statusCode(404);
        // A new red flag meanwhile is still taken, never refused.
        Map<String, Object> worse = intake();
        redFlags(worse).put("urinaryDifficulty", true);
        member(memberId)
                .body(worse)
                .post("/members/me/intake")
                .then()
                .statusCode(201)
                .body("outcome", equalTo("REFERRED"));

        as(Tokens.clinician(clinician))
                .get("/members/" + memberId + "/plan/suspension")
                .then()
                .statusCode(200)
                .body("referral", equalTo(true))
                .body("planVersion", equalTo(null))
                .body("redFlags", equalTo(List.of("SADDLE_NUMBNESS")));
        as(Tokens.clinician("someone-else"))
                .body(Map.of(
                        "redFlagsAssessed",
                        List.of("SADDLE_NUMBNESS"),
                        "outcome",
                        "EXCLUDED_SAFE_TO_CONTINUE",
                        "note",
                        "x"))
                .post("/members/" + memberId + "/plan/resume")
                .then()
                .statusCode(403);
        as(Tokens.clinician(clinician))
                .body(Map.of(
                        "redFlagsAssessed",
                        List.of("SADDLE_NUMBNESS"),
                        "outcome",
                        "EXCLUDED_SAFE_TO_CONTINUE",
                        "note",
                        "Seen in clinic: sensation normal, no retention"))
                .post("/members/" + memberId + "/plan/resume")
                .then()
                .statusCode(200)
                .body("status", equalTo("NO_PLAN"));
        member(memberId)
                .body(intake())
                .post("/members/me/intake")
                .then()
                .statusCode(201)
                .body("outcome", equalTo("PLAN_CREATED"));
    }

    @Test
    void anUnansweredRedFlagQuestionIsAnErrorNotANo() {
        Map<String, Object> answers = intake();
        redFlags(answers).remove("constantNightPain");
        member(newMember())
                .body(answers)
                .post("/members/me/intake")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("redFlags.constantNightPain")));
    }

    @Test
    void everyMissingOrOutOfRangeAnswerIsNamed() {
        Map<String, Object> answers = intake();
        answers.put("painNow", 11);
        answers.put("minutesPerSession", 40);
        answers.put("sessionsPerWeek", 1);
        answers.remove("experience");
        answers.put("conditions", List.of());
        member(newMember())
                .body(answers)
                .post("/members/me/intake")
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        equalTo(List.of(
                                "conditions", "experience", "minutesPerSession", "painNow", "sessionsPerWeek")));

        Map<String, Object> surgery = intake();
        surgery.put("spineSurgery", true);
        member(newMember())
                .body(surgery)
                .post("/members/me/intake")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("surgeryDate"));

        // The SPINE_SURGERY condition and the spine-surgery answer go together.
        Map<String, Object> surgeryWithoutCondition = intake();
        surgeryWithoutCondition.put("spineSurgery", true);
        surgeryWithoutCondition.put("surgeryDate", clock.today().minusMonths(8).toString());
        member(newMember())
                .body(surgeryWithoutCondition)
                .post("/members/me/intake")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("conditions")));
        // Surgery five weeks ago is a spinal procedure in the last 3 months: answering no to that question is a
        // contradiction, refused naming both answers (it built a plan before).
        Map<String, Object> recentSurgery = intake();
        recentSurgery.put("spineSurgery", true);
        recentSurgery.put("conditions", List.of("SPINE_SURGERY"));
        recentSurgery.put("surgeryDate", clock.today().minusWeeks(5).toString());
        member(newMember())
                .body(recentSurgery)
                .post("/members/me/intake")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("surgeryDate", "redFlags.recentSpinalProcedure")));
        redFlags(recentSurgery).put("recentSpinalProcedure", true);
        member(newMember())
                .body(recentSurgery)
                .post("/members/me/intake")
                .then()
                .statusCode(201)
                .body("outcome", equalTo("REFERRED"));
        Map<String, Object> conditionWithoutSurgery = intake();
        conditionWithoutSurgery.put("conditions", List.of("SPINE_SURGERY"));
        member(newMember())
                .body(conditionWithoutSurgery)
                .post("/members/me/intake")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("conditions")));

        Map<String, Object> unknown = intake();
        unknown.put("conditions", List.of("BROKEN_HEART"));
        member(newMember())
                .body(unknown)
                .post("/members/me/intake")
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("conditions"))
                .body("errors[0].message", containsString("SPINAL_STENOSIS"));
    }

    @Test
    void aBackdatedIntakeIsRefusedUnlessBackdatingIsConfigured() {
        // INTAKE_MAX_BACKDATE is 0 by default: only the demo simulator's stack accepts takenAt.
        Map<String, Object> answers = intake();
        answers.put("takenAt", clock.instant().minus(Duration.ofDays(30)).toString());
        String memberId = newMember();
        member(memberId)
                .body(answers)
                .post("/members/me/intake")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("takenAt")));
        member(memberId).get("/members/me/plan").then().statusCode(404);
    }

    @Test
    void retakingTheIntakeMakesTheNextVersion() {
        String memberId = newMember();
        Fixtures.planFor(memberId, intake());
        Map<String, Object> flare = intake();
        flare.put("painNow", 8);
        member(memberId)
                .body(flare)
                .post("/members/me/intake")
                .then()
                .statusCode(201)
                .body("plan.version", equalTo(2))
                .body("plan.sessions.items.flatten().reason", everyItem(containsString("Gentle movement")));
        member(memberId)
                .get("/members/me/plan/history")
                .then()
                .statusCode(200)
                .body("items.version", equalTo(List.of(2, 1)))
                .body("total", equalTo(2));
    }

    @Test
    void todaysSessionCarriesStepsAndDose() {
        String memberId = newMember();
        Fixtures.planFor(memberId, intake());
        member(memberId)
                .get("/members/me/plan/today")
                .then()
                .statusCode(200)
                .body("planVersion", equalTo(1))
                .body("sessionNumber", equalTo(1))
                .body("doneThisWeek", equalTo(0))
                .body("exercises.size()", Matchers.greaterThan(0))
                .body("exercises.steps.flatten().size()", Matchers.greaterThan(3))
                .body("exercises.name", everyItem(notNullValue()))
                .body("exercises.dose.sets", everyItem(notNullValue()));
    }

    @Test
    void aMemberSeesOnlyTheirOwnPlanAndOnlyMembersTakeIntakes() {
        String alice = newMember();
        String bob = newMember();
        Fixtures.planFor(alice, intake());
        member(bob).get("/members/me/plan").then().statusCode(404);
        member(bob).get("/members/me/plan/history").then().statusCode(200).body("total", equalTo(0));
        member(alice).get("/members/me/plan").then().body("memberId", equalTo(alice));
        given().contentType(ContentType.JSON)
                .body(intake())
                .post("/members/me/intake")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.clinician("carl"))
                .contentType(ContentType.JSON)
                .body(intake())
                .post("/members/me/intake")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.clinician("carl"))
                .get("/members/me/plan")
                .then()
                .statusCode(403);
        member(bob).get("/members/me/plan").then().body("detail", not(containsString(alice)));
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.keySet()", hasItem("/members/me/intake"));
    }

    @Test
    void aReferralAtTheFirstIntakeNamesTheClinicianAssignedBefore() throws Exception {
        String memberId = newMember();
        String clinician = "clinician-" + memberId;
        Fixtures.assign(memberId, clinician);
        Map<String, Object> answers = intake();
        redFlags(answers).put("bladderOrBowelControl", true);
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            member(memberId)
                    .body(answers)
                    .post("/members/me/intake")
                    .then()
                    .statusCode(201)
                    .body("outcome", equalTo("REFERRED"))
                    .body("planSuspended", equalTo(false))
                    .body("safety.urgency", equalTo("EMERGENCY_TODAY"))
                    .body("safety.symptoms[0].redFlag", equalTo("BLADDER_OR_BOWEL_CONTROL"));
            MemberReferred referred = Fixtures.event(topic, memberId, MemberReferred.TYPE, MemberReferred.class);
            assertThat(referred.clinicianId()).isEqualTo(clinician);
            // No plan to suspend, but the member is held until a review (plan version 0).
            assertThat(Fixtures.events(topic, memberId, PlanSuspended.TYPE, Duration.ofSeconds(2)))
                    .singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"planVersion\":0"));
        }
    }

    @Test
    void aReferralAtARepeatIntakeSuspendsThePlanAtOnce() throws Exception {
        String memberId = newMember();
        String clinician = "clinician-" + memberId;
        Fixtures.planOnPanel(memberId, intake(), clinician);
        Map<String, Object> session =
                Fixtures.sessionDoingToday(memberId, clock.instant().minus(1, ChronoUnit.HOURS));
        Map<String, Object> answers = intake();
        redFlags(answers).put("constantNightPain", true);
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            String intakeId = member(memberId)
                    .body(answers)
                    .post("/members/me/intake")
                    .then()
                    .statusCode(201)
                    .body("outcome", equalTo("REFERRED"))
                    .body("planSuspended", equalTo(true))
                    .body("safety.urgency", equalTo("CLINICIAN_TODAY"))
                    .body("plan", equalTo(null))
                    .extract()
                    .path("intakeId");
            MemberReferred referred = Fixtures.event(topic, memberId, MemberReferred.TYPE, MemberReferred.class);
            assertThat(referred.clinicianId()).isEqualTo(clinician);
            PlanSuspended suspended = Fixtures.event(topic, memberId, PlanSuspended.TYPE, PlanSuspended.class);
            assertThat(suspended.cause()).isEqualTo("INTAKE");
            assertThat(suspended.sourceId().toString()).isEqualTo(intakeId);
            assertThat(suspended.redFlags()).containsExactly("CONSTANT_NIGHT_PAIN");
            assertThat(suspended.planVersion()).isEqualTo(1);
        }
        member(memberId)
                .get("/members/me/plan/today")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://limber.dev/problems/plan-suspended"))
                .body("detail", containsString("at your intake"));
        member(memberId)
                .body(session)
                .post("/members/me/sessions")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://limber.dev/problems/plan-suspended"));
        member(memberId)
                .get("/members/me/plan")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"))
                .body("suspension.cause", equalTo("INTAKE"));
        // Retaking the intake without the red flag does not restart the plan: only a clinician does.
        member(memberId)
                .body(intake())
                .post("/members/me/intake")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://limber.dev/problems/plan-suspended"));
        member(memberId).get("/members/me/plan/history").then().body("total", equalTo(1));
    }
}
