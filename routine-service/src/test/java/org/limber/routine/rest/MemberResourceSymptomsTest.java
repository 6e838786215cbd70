package org.limber.routine.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.events.member.MemberNeedsReview;
import org.limber.events.member.MemberTopics;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.SymptomsReported;
import org.limber.routine.Fixtures;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.Tokens;
import org.limber.testsupport.TopicReader;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.limber.routine.Fixtures.intake;
import static org.limber.routine.Fixtures.member;
import static org.limber.routine.Fixtures.newMember;
import static org.limber.routine.Fixtures.symptoms;

/** POST /members/me/symptoms: every report kept and published, the plan suspended, a safety message at once. */
@QuarkusTest
class MemberResourceSymptomsTest {

    @Inject
    CatalogReplica replica;

    @BeforeEach
    void catalog() {
        Fixtures.catalogLoaded(replica);
    }

    @Test
    void aReportSuspendsThePlanOnceAndARetryChangesNothing() throws Exception {
        String memberId = newMember();
        Fixtures.planFor(memberId, intake());
        Map<String, Object> report = symptoms("WORSENING_LEG_WEAKNESS", "SADDLE_NUMBNESS");
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            String first = member(memberId)
                    .body(report)
                    .post("/members/me/symptoms")
                    .then()
                    .statusCode(201)
                    .header("Idempotent-Replayed", "false")
                    .header("Location", containsString("/members/me/symptoms/" + report.get("reportId")))
                    .body("planSuspended", equalTo(true))
                    .body("redFlagSymptoms", equalTo(List.of("WORSENING_LEG_WEAKNESS", "SADDLE_NUMBNESS")))
                    .body("safety.urgency", equalTo("EMERGENCY_TODAY"))
                    .body("safety.symptoms.redFlag", equalTo(List.of("SADDLE_NUMBNESS", "WORSENING_LEG_WEAKNESS")))
                    .body("safety.symptoms[1].urgency", equalTo("CLINICIAN_TODAY"))
                    .extract()
                    .asString();
            SymptomsReported reported = Fixtures.event(topic, memberId, SymptomsReported.TYPE, SymptomsReported.class);
            assertThat(reported.reportId().toString()).isEqualTo(report.get("reportId"));
            assertThat(reported.redFlagSymptoms()).containsExactly("WORSENING_LEG_WEAKNESS", "SADDLE_NUMBNESS");
            assertThat(reported.note()).isEqualTo("started this morning");
            PlanSuspended suspended = Fixtures.event(topic, memberId, PlanSuspended.TYPE, PlanSuspended.class);
            assertThat(suspended.cause()).isEqualTo("SYMPTOM_REPORT");
            assertThat(suspended.sourceId()).isEqualTo(reported.reportId());

            String retry = member(memberId)
                    .body(report)
                    .post("/members/me/symptoms")
                    .then()
                    .statusCode(201)
                    .header("Idempotent-Replayed", "true")
                    .extract()
                    .asString();
            assertThat(retry).isEqualTo(first);
            Map<String, Object> other = new HashMap<>(report);
            other.put("note", "something else");
            member(memberId)
                    .body(other)
                    .post("/members/me/symptoms")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json");

            // A new symptom while suspended: kept and published too; the plan stays suspended once.
            member(memberId)
                    .body(symptoms("FEVER_OR_WEIGHT_LOSS"))
                    .post("/members/me/symptoms")
                    .then()
                    .statusCode(201)
                    .body("planSuspended", equalTo(false))
                    .body("safety.urgency", equalTo("CLINICIAN_TODAY"));
            assertThat(Fixtures.events(topic, memberId, SymptomsReported.TYPE, Duration.ofSeconds(3)))
                    .hasSize(2);
            assertThat(Fixtures.events(topic, memberId, PlanSuspended.TYPE, Duration.ZERO))
                    .hasSize(1);
        }
        member(memberId)
                .get("/members/me/plan/today")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://limber.dev/problems/plan-suspended"))
                .body("detail", containsString("in a symptom report"));
        member(memberId)
                .get("/members/me/plan")
                .then()
                .body("status", equalTo("SUSPENDED"))
                .body("suspension.cause", equalTo("SYMPTOM_REPORT"));
    }

    @Test
    void inflammatoryBackPainReportedLaterAsksForAReviewAndKeepsThePlanRunning() throws Exception {
        String memberId = newMember();
        Fixtures.planFor(memberId, intake());
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            member(memberId)
                    .body(symptoms("INFLAMMATORY_BACK_PAIN"))
                    .post("/members/me/symptoms")
                    .then()
                    .statusCode(201)
                    .body("planSuspended", equalTo(false))
                    .body("safety.symptoms[0].advice", containsString("not an emergency"));
            MemberNeedsReview review = Fixtures.event(topic, memberId, MemberNeedsReview.TYPE, MemberNeedsReview.class);
            assertThat(review.planCreated()).isTrue();
            assertThat(review.reasons())
                    .extracting(MemberNeedsReview.Reason::code)
                    .containsExactly("INFLAMMATORY_BACK_PAIN");
            assertThat(Fixtures.events(topic, memberId, PlanSuspended.TYPE, Duration.ofSeconds(2)))
                    .isEmpty();
        }
        member(memberId).get("/members/me/plan").then().body("status", equalTo("ACTIVE"));
        member(memberId).get("/members/me/plan/today").then().statusCode(200);
    }

    @Test
    void aMemberWithoutAPlanCanReportToo() throws Exception {
        String memberId = newMember();
        Map<String, Object> report = symptoms("RECENT_TRAUMA");
        report.put("reportedAt", Instant.now().minus(Duration.ofHours(3)).toString());
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            member(memberId)
                    .body(report)
                    .post("/members/me/symptoms")
                    .then()
                    .statusCode(201)
                    .body("planSuspended", equalTo(false))
                    .body("safety.headline", containsString("clinician or GP today"));
            assertThat(Fixtures.event(topic, memberId, SymptomsReported.TYPE, SymptomsReported.class)
                            .reportedAt())
                    .isBefore(Instant.now().minus(Duration.ofHours(2)));
        }
    }

    @Test
    void everyBadFieldIsNamed() {
        String memberId = newMember();
        Map<String, Object> missing = new HashMap<>();
        missing.put("redFlagSymptoms", List.of());
        missing.put("note", "x".repeat(2001));
        member(memberId)
                .body(missing)
                .post("/members/me/symptoms")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("note", "redFlagSymptoms", "reportId")));

        Map<String, Object> unknown = symptoms("BROKEN_HEART");
        member(memberId)
                .body(unknown)
                .post("/members/me/symptoms")
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("redFlagSymptoms"))
                .body("errors[0].message", containsString("SADDLE_NUMBNESS"));

        Map<String, Object> repeated = symptoms("SADDLE_NUMBNESS", "SADDLE_NUMBNESS");
        repeated.put("reportedAt", Instant.now().plus(Duration.ofHours(1)).toString());
        member(memberId)
                .body(repeated)
                .post("/members/me/symptoms")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("redFlagSymptoms", "reportedAt")));

        Map<String, Object> old = symptoms("SADDLE_NUMBNESS");
        old.put("reportedAt", Instant.now().minus(Duration.ofDays(120)).toString());
        member(memberId)
                .body(old)
                .post("/members/me/symptoms")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reportedAt"))
                .body("errors[0].message", containsString("older than"));

        given().auth()
                .oauth2(Tokens.clinician("carl"))
                .contentType(ContentType.JSON)
                .body(symptoms("SADDLE_NUMBNESS"))
                .post("/members/me/symptoms")
                .then()
                .statusCode(403);
        member(memberId).get("/members/me/plan").then().statusCode(404);
        member(memberId)
                .body(symptoms("SADDLE_NUMBNESS"))
                .post("/members/me/symptoms")
                .then()
                .statusCode(201)
                .body("redFlagSymptoms", hasSize(1));
    }
}
