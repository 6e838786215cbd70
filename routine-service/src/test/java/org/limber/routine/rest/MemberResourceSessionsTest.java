package org.limber.routine.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.events.member.MemberTopics;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.SessionCompleted;
import org.limber.events.member.SymptomsReported;
import org.limber.routine.Fixtures;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.CatalogFixture;
import org.limber.testsupport.KafkaTestResource;
import org.limber.testsupport.TestClock;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.limber.routine.Fixtures.intake;
import static org.limber.routine.Fixtures.member;
import static org.limber.routine.Fixtures.newMember;
import static org.limber.routine.Fixtures.sessionDoingToday;

@QuarkusTest
class MemberResourceSessionsTest {

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

    @BeforeEach
    void memberWithAPlan() {
        clock.runFrom(NOON);
        Fixtures.catalogLoaded(replica);
        memberId = newMember();
        Fixtures.planFor(memberId, intake());
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    private static boolean isSession(ConsumerRecord<String, String> r, Object sessionId) {
        return SessionCompleted.TYPE.equals(TopicReader.header(r, "ce_type"))
                && r.value().contains(sessionId.toString());
    }

    @Test
    void aSessionIsLoggedOnceEvenWhenTheAppRetries() throws Exception {
        Map<String, Object> session =
                sessionDoingToday(memberId, clock.instant().minus(2, ChronoUnit.HOURS));
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            String first = member(memberId)
                    .body(session)
                    .post("/members/me/sessions")
                    .then()
                    .statusCode(201)
                    .header("Idempotent-Replayed", "false")
                    .body("sessionNumber", equalTo(1))
                    .body("painDuring", equalTo(3))
                    .extract()
                    .asString();
            String retry = member(memberId)
                    .body(session)
                    .post("/members/me/sessions")
                    .then()
                    .statusCode(201)
                    .header("Idempotent-Replayed", "true")
                    .extract()
                    .asString();
            assertThat(retry).isEqualTo(first);

            ConsumerRecord<String, String> record =
                    topic.await(r -> isSession(r, session.get("sessionId")), Duration.ofSeconds(30));
            assertThat(record.key()).isEqualTo(memberId);
            SessionCompleted event = CatalogFixture.JSON.readValue(record.value(), SessionCompleted.class);
            assertThat(event.planVersion()).isEqualTo(1);
            assertThat(event.painDuring()).isEqualTo(3);
            assertThat(event.effort()).isEqualTo("JUST_RIGHT");
            assertThat(event.exercises()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.status()).isEqualTo("DONE");
                assertThat(e.prescribed()).isNotNull();
            });
            topic.holdsFor(
                    Duration.ofSeconds(3),
                    records -> assertThat(records)
                            .filteredOn(r -> isSession(r, session.get("sessionId")))
                            .hasSize(1));
        }
        // The same id with other content is not a retry.
        Map<String, Object> other = new HashMap<>(session);
        other.put("painDuring", 7);
        member(memberId).body(other).post("/members/me/sessions").then().statusCode(409);
        member(memberId).get("/members/me/sessions").then().body("total", equalTo(1));
        member(memberId)
                .get("/members/me/plan/today")
                .then()
                .body("sessionNumber", equalTo(2))
                .body("doneThisWeek", equalTo(1));
    }

    @Test
    void aSessionThatDoesNotMatchThePlanIsRefusedAndNothingIsKept() {
        Map<String, Object> future = sessionDoingToday(memberId, clock.instant().plus(1, ChronoUnit.DAYS));
        member(memberId)
                .body(future)
                .post("/members/me/sessions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("performedAt"));

        Map<String, Object> wrongVersion = sessionDoingToday(memberId, clock.instant());
        wrongVersion.put("planVersion", 9);
        member(memberId)
                .body(wrongVersion)
                .post("/members/me/sessions")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("planVersion"));

        Map<String, Object> wrongExercise = sessionDoingToday(memberId, clock.instant());
        wrongExercise.put("exercises", List.of(Map.of("slug", "superman", "status", "DONE")));
        member(memberId)
                .body(wrongExercise)
                .post("/members/me/sessions")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("exercises[0].slug"))
                .body("errors.field", hasItem("exercises"));

        Map<String, Object> skippedWithoutReason = sessionDoingToday(memberId, clock.instant());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> exercises = (List<Map<String, Object>>) skippedWithoutReason.get("exercises");
        exercises.get(0).put("status", "SKIPPED");
        member(memberId)
                .body(skippedWithoutReason)
                .post("/members/me/sessions")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("exercises[0].skipReason"));

        Map<String, Object> outOfRange = sessionDoingToday(memberId, clock.instant());
        outOfRange.put("painAfter", 12);
        outOfRange.remove("effort");
        outOfRange.remove("redFlagSymptoms");
        member(memberId)
                .body(outOfRange)
                .post("/members/me/sessions")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("effort", "painAfter", "redFlagSymptoms")));

        member(memberId).get("/members/me/sessions").then().body("total", equalTo(0));
    }

    @Test
    void aRedFlagInASessionThatIsRefusedIsStillKeptAndSuspendsThePlan() throws Exception {
        // An offline phone syncing a session against an exercise no longer in the plan: 422, but the saddle
        // numbness it reports is kept as a symptom report, published, and suspends the plan.
        Map<String, Object> stale = sessionDoingToday(memberId, clock.instant().minus(1, ChronoUnit.HOURS));
        stale.put("exercises", List.of(Map.of("slug", "superman", "status", "DONE")));
        stale.put("redFlagSymptoms", List.of("SADDLE_NUMBNESS"));
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            member(memberId)
                    .body(stale)
                    .post("/members/me/sessions")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("exercises[0].slug"))
                    .body("symptomReport.reportId", equalTo(stale.get("sessionId")))
                    .body("symptomReport.redFlagSymptoms", equalTo(List.of("SADDLE_NUMBNESS")))
                    .body("symptomReport.planSuspended", equalTo(true))
                    .body("symptomReport.safety.urgency", equalTo("EMERGENCY_TODAY"))
                    .body("symptomReport.safety.headline", containsString("emergency care today"));
            // The retry finds the plan suspended (409), and the same report, not a second one.
            member(memberId)
                    .body(stale)
                    .post("/members/me/sessions")
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("https://limber.dev/problems/plan-suspended"))
                    .body("symptomReport.reportId", equalTo(stale.get("sessionId")));
            SymptomsReported kept = Fixtures.event(topic, memberId, SymptomsReported.TYPE, SymptomsReported.class);
            assertThat(kept.reportId().toString()).isEqualTo(stale.get("sessionId"));
            PlanSuspended suspended = Fixtures.event(topic, memberId, PlanSuspended.TYPE, PlanSuspended.class);
            assertThat(suspended.redFlags()).containsExactly("SADDLE_NUMBNESS");
            // The retry kept nothing twice.
            assertThat(Fixtures.events(topic, memberId, SymptomsReported.TYPE, Duration.ofSeconds(2)))
                    .hasSize(1);
        }
        member(memberId).get("/members/me/plan").then().body("status", equalTo("SUSPENDED"));
        member(memberId).get("/members/me/sessions").then().body("total", equalTo(0));
    }

    @Test
    void aRedFlagInAnUnreadableSessionIsStillKept() throws Exception {
        // Wrong types and a missing session id: 400 naming the field, and the one valid code is kept.
        Map<String, Object> broken = new java.util.HashMap<>();
        broken.put("planVersion", "one");
        broken.put("redFlagSymptoms", List.of("NOT_A_CODE", "URINARY_DIFFICULTY"));
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            for (int attempt = 0; attempt < 2; attempt++) {
                member(memberId)
                        .body(broken)
                        .post("/members/me/sessions")
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("symptomReport.redFlagSymptoms", equalTo(List.of("URINARY_DIFFICULTY")))
                        .body("symptomReport.planSuspended", equalTo(true))
                        .body("symptomReport.safety.urgency", notNullValue());
            }
            SymptomsReported kept = Fixtures.event(topic, memberId, SymptomsReported.TYPE, SymptomsReported.class);
            assertThat(kept.redFlagSymptoms()).containsExactly("URINARY_DIFFICULTY");
            assertThat(Fixtures.events(topic, memberId, SymptomsReported.TYPE, Duration.ofSeconds(2)))
                    .hasSize(1);
        }
        member(memberId).get("/members/me/plan").then().body("status", equalTo("SUSPENDED"));
    }

    @Test
    void membersNeverSeeEachOthersSessions() {
        member(memberId)
                .body(sessionDoingToday(memberId, clock.instant()))
                .post("/members/me/sessions")
                .then()
                .statusCode(201);
        String other = newMember();
        member(other).get("/members/me/sessions").then().statusCode(200).body("total", equalTo(0));
        // Another member cannot log against this member's plan.
        Map<String, Object> session = sessionDoingToday(memberId, clock.instant());
        member(other)
                .body(session)
                .post("/members/me/sessions")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("planVersion"));
    }

    @Test
    void aSessionLoggedWhileKafkaIsDownIsPublishedWhenItIsBack() throws Exception {
        Map<String, Object> session = sessionDoingToday(memberId, clock.instant());
        KafkaTestResource.broker().stopBroker();
        try {
            member(memberId).body(session).post("/members/me/sessions").then().statusCode(201);
        } finally {
            KafkaTestResource.broker().startBroker();
        }
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            topic.await(r -> isSession(r, session.get("sessionId")), Duration.ofSeconds(60));
        }
    }

    @Test
    void aRedFlagInASessionIsKeptAndSuspendsThePlanAtOnce() throws Exception {
        Map<String, Object> session =
                sessionDoingToday(memberId, clock.instant().minus(1, ChronoUnit.HOURS));
        session.put("redFlagSymptoms", List.of("SADDLE_NUMBNESS"));
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            String first = member(memberId)
                    .body(session)
                    .post("/members/me/sessions")
                    .then()
                    .statusCode(201)
                    .header("Idempotent-Replayed", "false")
                    .body("redFlagSymptoms", equalTo(List.of("SADDLE_NUMBNESS")))
                    .body("safety.urgency", equalTo("EMERGENCY_TODAY"))
                    .body("safety.headline", containsString("emergency care today"))
                    .body("safety.symptoms[0].redFlag", equalTo("SADDLE_NUMBNESS"))
                    .body("safety.symptoms[0].advice", containsString("emergency department"))
                    .extract()
                    .asString();
            // The session happened: stored and published; the plan is suspended in the same transaction.
            topic.await(r -> isSession(r, session.get("sessionId")), Duration.ofSeconds(30));
            PlanSuspended suspended = Fixtures.event(topic, memberId, PlanSuspended.TYPE, PlanSuspended.class);
            assertThat(suspended.cause()).isEqualTo("SESSION");
            assertThat(suspended.redFlags()).containsExactly("SADDLE_NUMBNESS");
            assertThat(suspended.sourceId().toString()).isEqualTo(session.get("sessionId"));
            assertThat(suspended.planVersion()).isEqualTo(1);
            assertThat(suspended.sequence()).isEqualTo(1);

            // A retry of the same session still gets its answer.
            assertThat(member(memberId)
                            .body(session)
                            .post("/members/me/sessions")
                            .then()
                            .statusCode(201)
                            .header("Idempotent-Replayed", "true")
                            .extract()
                            .asString())
                    .isEqualTo(first);
            assertThat(Fixtures.events(topic, memberId, PlanSuspended.TYPE, Duration.ofSeconds(2)))
                    .hasSize(1);
        }
        member(memberId)
                .get("/members/me/plan/today")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://limber.dev/problems/plan-suspended"))
                .body("detail", containsString("SADDLE_NUMBNESS"))
                .body("detail", containsString("emergency care today"))
                .body("detail", containsString("clinician will resume"));
        Map<String, Object> next = sessionDoingTodayOf(session);
        member(memberId)
                .body(next)
                .post("/members/me/sessions")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://limber.dev/problems/plan-suspended"));
        // A session sent while suspended is refused, but a red flag it carries is never dropped: it is
        // kept as a symptom report (published, so the care team is alerted again); a retry adds nothing.
        Map<String, Object> flagged = sessionDoingTodayOf(session);
        flagged.put("redFlagSymptoms", List.of("WORSENING_LEG_WEAKNESS"));
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            for (int attempt = 0; attempt < 2; attempt++) {
                member(memberId)
                        .body(flagged)
                        .post("/members/me/sessions")
                        .then()
                        .statusCode(409)
                        .body("type", equalTo("https://limber.dev/problems/plan-suspended"));
            }
            SymptomsReported kept = Fixtures.event(topic, memberId, SymptomsReported.TYPE, SymptomsReported.class);
            assertThat(kept.reportId().toString()).isEqualTo(flagged.get("sessionId"));
            assertThat(kept.redFlagSymptoms()).containsExactly("WORSENING_LEG_WEAKNESS");
            assertThat(Fixtures.events(topic, memberId, SymptomsReported.TYPE, Duration.ofSeconds(2)))
                    .hasSize(1);
        }
        member(memberId)
                .get("/members/me/plan")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"))
                .body("suspension.cause", equalTo("SESSION"))
                .body("suspension.redFlags", equalTo(List.of("SADDLE_NUMBNESS")))
                .body("suspension.reason", containsString("with a session"));
        member(memberId)
                .get("/members/me/sessions")
                .then()
                .body("total", equalTo(1))
                .body("items[0].safety.urgency", equalTo("EMERGENCY_TODAY"));
    }

    @Test
    void aSessionWithoutRedFlagsCarriesNoSafetyMessage() {
        member(memberId)
                .body(sessionDoingToday(memberId, clock.instant()))
                .post("/members/me/sessions")
                .then()
                .statusCode(201)
                .body("safety", nullValue());
        member(memberId)
                .get("/members/me/plan")
                .then()
                .body("status", equalTo("ACTIVE"))
                .body("suspension", nullValue());
    }

    /** Another session like {@code done} (today's exercises), with a new id. */
    private static Map<String, Object> sessionDoingTodayOf(Map<String, Object> done) {
        Map<String, Object> next = new HashMap<>(done);
        next.put("sessionId", UUID.randomUUID().toString());
        next.put("redFlagSymptoms", List.of());
        next.put("sessionNumber", 2);
        return next;
    }
}
