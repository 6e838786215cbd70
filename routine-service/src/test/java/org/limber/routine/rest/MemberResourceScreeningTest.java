package org.limber.routine.rest;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.events.member.MemberTopics;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.SymptomsReported;
import org.limber.routine.Fixtures;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.limber.routine.Fixtures.intake;
import static org.limber.routine.Fixtures.member;
import static org.limber.routine.Fixtures.newMember;
import static org.limber.routine.Fixtures.redFlags;

/** POST /members/me/screening: the red-flag questions again, every 4 weeks and at each flare, handled as at intake. */
@QuarkusTest
class MemberResourceScreeningTest {

    @Inject
    CatalogReplica replica;

    @Inject
    DataSource db;

    @BeforeEach
    void catalog() {
        Fixtures.catalogLoaded(replica);
    }

    private static Map<String, Object> screening(Map<String, Object> answers) {
        return Map.of("screeningId", UUID.randomUUID().toString(), "redFlags", redFlags(answers));
    }

    @Test
    void aScreeningFallsDueFourWeeksAfterTheIntakeAndAnsweringItClearsIt() throws Exception {
        String memberId = newMember();
        Fixtures.planFor(memberId, intake());
        // The questionnaires due at the start (listed in due too) are not screenings.
        member(memberId).get("/members/me/plan").then().body("due.findAll { it.what == 'SCREENING' }", hasSize(0));
        // Four weeks and a day later (the intake moved back in time in the member's database rows).
        try (var c = db.getConnection();
                var s = c.prepareStatement(
                        "update intake set submitted_at = submitted_at - interval '29 days' where member_id = ?")) {
            s.setString(1, memberId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        member(memberId)
                .get("/members/me/plan")
                .then()
                .body("due[0].what", equalTo("SCREENING"))
                .body("due[0].action", equalTo("POST /members/me/screening"))
                .body("due[0].reason", containsString("4 weeks"));
        member(memberId)
                .body(screening(intake()))
                .post("/members/me/screening")
                .then()
                .statusCode(201)
                .body("answeredYes", hasSize(0))
                .body("planSuspended", equalTo(false))
                .body(
                        "nextDue",
                        equalTo(LocalDate.now(ZoneOffset.UTC).plusDays(28).toString()));
        member(memberId)
                .get("/members/me/plan")
                .then()
                .body("due.findAll { it.what == 'SCREENING' }", hasSize(0))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void aYesIsHandledAsAtIntakeAndARetryChangesNothing() throws Exception {
        String memberId = newMember();
        Fixtures.planFor(memberId, intake());
        Map<String, Object> answers = intake();
        redFlags(answers).put("saddleNumbness", true);
        Map<String, Object> request = screening(answers);
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            for (int attempt = 0; attempt < 2; attempt++) {
                member(memberId)
                        .body(request)
                        .post("/members/me/screening")
                        .then()
                        .statusCode(201)
                        .header("Idempotent-Replayed", String.valueOf(attempt == 1))
                        .body("answeredYes", equalTo(List.of("SADDLE_NUMBNESS")))
                        .body("planSuspended", equalTo(true))
                        .body("safety.urgency", equalTo("EMERGENCY_TODAY"));
            }
            SymptomsReported report = Fixtures.event(topic, memberId, SymptomsReported.TYPE, SymptomsReported.class);
            assertThat(report.reportId().toString()).isEqualTo(request.get("screeningId"));
            assertThat(Fixtures.event(topic, memberId, PlanSuspended.TYPE, PlanSuspended.class)
                            .redFlags())
                    .containsExactly("SADDLE_NUMBNESS");
            assertThat(Fixtures.events(topic, memberId, SymptomsReported.TYPE, Duration.ofSeconds(2)))
                    .hasSize(1);
        }
        member(memberId).get("/members/me/plan").then().body("status", equalTo("SUSPENDED"));
    }

    @Test
    void everyQuestionNeedsAnAnswer() {
        String memberId = newMember();
        Map<String, Object> answers = intake();
        redFlags(answers).remove("footDrop");
        member(memberId)
                .body(screening(answers))
                .post("/members/me/screening")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("redFlags.footDrop"));
    }
}
