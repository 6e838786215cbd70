package org.limber.routine.rest;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.routine.Fixtures;
import org.limber.routine.service.CatalogReplica;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.limber.routine.Fixtures.intake;
import static org.limber.routine.Fixtures.member;
import static org.limber.routine.Fixtures.newMember;
import static org.limber.routine.Fixtures.sessionDoingToday;

/** Every list and string of a request body is bounded; dates outside the domain are a 400, never a 500. */
@QuarkusTest
class RequestBoundsTest {

    @Inject
    CatalogReplica replica;

    String memberId;

    @BeforeEach
    void aMemberWithAPlan() {
        memberId = Fixtures.memberWithAPlan(replica);
    }

    @Test
    void aSessionInTheYearOneBillionIsA400NamingTheField() {
        Map<String, Object> session = sessionDoingToday(memberId, Instant.now());
        session.put("performedAt", "+1000000000-01-01T00:00:00Z");
        member(memberId)
                .body(session)
                .post("/members/me/sessions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("performedAt"));
        session.put("performedAt", "-1000000000-01-01T00:00:00Z");
        member(memberId)
                .body(session)
                .post("/members/me/sessions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("performedAt"));
    }

    @Test
    void repeatedOrTooManySymptomsAndExercisesAreA400NotAnOutboxRowTooLargeToSend() {
        Map<String, Object> session = sessionDoingToday(memberId, Instant.now());
        Map<String, Object> many = sessionDoingToday(memberId, Instant.now());
        many.put("exercises", Collections.nCopies(51, Map.of("slug", "walking", "status", "DONE")));
        member(memberId)
                .body(many)
                .post("/members/me/sessions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("exercises"));

        // Refused, but the one valid red flag is read first and kept (once) all the same: the plan is suspended.
        session.put("redFlagSymptoms", Collections.nCopies(2_000, "SADDLE_NUMBNESS"));
        member(memberId)
                .body(session)
                .post("/members/me/sessions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("redFlagSymptoms"))
                .body("symptomReport.redFlagSymptoms", equalTo(List.of("SADDLE_NUMBNESS")));
        session.put("redFlagSymptoms", List.of("SADDLE_NUMBNESS", "SADDLE_NUMBNESS"));
        member(memberId)
                .body(session)
                .post("/members/me/sessions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("redFlagSymptoms"));
        member(memberId).get("/members/me/sessions").then().body("total", equalTo(0));
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        Map<String, Object> session = sessionDoingToday(memberId, Instant.now());
        session.put("note", "x".repeat(2_000_000));
        // As a careful client would: the service refuses the body from its declared length, so it is never sent.
        member(memberId)
                .header("Expect", "100-continue")
                .body(session)
                .post("/members/me/sessions")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void anIntakeWithASurgeryInTheYearOneBillionIsA400() {
        String other = newMember();
        Map<String, Object> answers = intake();
        answers.put("spineSurgery", true);
        answers.put("surgeryDate", "+999999999-12-31");
        member(other)
                .body(answers)
                .post("/members/me/intake")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("surgeryDate"));
    }
}
