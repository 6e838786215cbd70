package org.limber.routine.messaging.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.common.privacy.Pseudonyms;
import org.limber.events.privacy.MemberErased;
import org.limber.events.privacy.MemberErasureRequested;
import org.limber.events.privacy.PrivacyTopics;
import org.limber.routine.Fixtures;
import org.limber.routine.KeycloakStandIn;
import org.limber.routine.repository.RoutineRowsEraser;
import org.limber.routine.rest.MemberResourceQuestionnairesTest;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.MemberRows;
import org.limber.testsupport.TestEvents;
import org.limber.testsupport.Tokens;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.limber.routine.Fixtures.as;
import static org.limber.routine.Fixtures.intake;
import static org.limber.routine.Fixtures.member;
import static org.limber.routine.Fixtures.newMember;

/**
 * A member's erasure in routine-service, on the real stack (PostgreSQL, Kafka, the OIDC server with its
 * stand-in of Keycloak's admin API): the member's data in every table, the request, a scan of every text
 * column of every table for the member's id, the reports of progress and engagement (sent as they would),
 * the account's deletion retried while Keycloak fails, and replays that rebuild nothing.
 */
@QuarkusTest
class ErasureFlowTest {

    @Inject
    CatalogReplica replica;

    @Inject
    DataSource dataSource;

    @Inject
    Pseudonyms pseudonyms;

    @BeforeEach
    void catalog() {
        Fixtures.catalogLoaded(replica);
    }

    /** The member uses everything routine keeps: intake, plans and their versions and changes, sessions, ... */
    private String memberUsingEverything() {
        String memberId = newMember();
        String clinician = "clinician-" + UUID.randomUUID();
        Fixtures.planOnPanel(memberId, intake(), clinician);
        member(memberId)
                .body(Fixtures.sessionDoingToday(memberId, Instant.now()))
                .post("/members/me/sessions")
                .then()
                .statusCode(201);
        as(Tokens.clinician(clinician))
                .body(Map.of("enabled", true, "note", "erasure test"))
                .put("/members/" + memberId + "/plan/adaptation")
                .then()
                .statusCode(200);
        member(memberId)
                .body(MemberResourceQuestionnairesTest.peg(UUID.randomUUID(), 5, 5, 5))
                .post("/members/me/questionnaires/PEG/responses")
                .then()
                .statusCode(201);
        member(memberId)
                .body(Map.of("screeningId", UUID.randomUUID().toString(), "redFlags", Fixtures.redFlags(intake())))
                .post("/members/me/screening")
                .then()
                .statusCode(201);
        member(memberId)
                .body(Fixtures.symptoms("SADDLE_NUMBNESS"))
                .post("/members/me/symptoms")
                .then()
                .statusCode(201);
        as(Tokens.clinician(clinician))
                .body(Map.of(
                        "redFlagsAssessed", List.of("SADDLE_NUMBNESS"),
                        "outcome", "EXCLUDED_SAFE_TO_CONTINUE",
                        "note", "erasure test"))
                .post("/members/" + memberId + "/plan/resume")
                .then()
                .statusCode(200);
        String slug = member(memberId)
                .get("/members/me/plan/today")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("exercises[0].slug");
        as(Tokens.clinician(clinician))
                .body(Map.of("note", "erasure test", "changes", List.of(Map.of("type", "PAUSE", "slug", slug))))
                .put("/members/" + memberId + "/plan")
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        AdaptationFlowTest.send(AdaptationFlowTest.easyWeek(memberId, currentVersion(memberId)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> MemberRows.tables(dataSource, memberId).contains("assessment_received"));
        return memberId;
    }

    private static int currentVersion(String memberId) {
        return member(memberId)
                .get("/members/me/plan")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("version");
    }

    private static JsonPath erasure(String memberId) {
        return as(Tokens.admin("ada"))
                .get("/members/" + memberId + "/erasure")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String part(JsonPath erasure, String service) {
        return erasure.getString("services.find { it.service == '" + service + "' }.status");
    }

    private static void report(String memberId, String service) {
        MemberErased erased = new MemberErased(UUID.randomUUID(), Instant.now(), 1, memberId, service);
        TestEvents.send(List.of(new TestEvents.Outgoing(
                PrivacyTopics.ERASURE_REPORTS, memberId, MemberErased.TYPE, erased.eventId(), erased)));
    }

    @Test
    void anErasureLeavesNoRowHoldingTheMemberAndCompletesOnceEveryServiceHasReported() {
        String memberId = memberUsingEverything();
        List<String> before = MemberRows.tables(dataSource, memberId);
        // Every table the eraser knows held the member before (so the scan after can fail), but the outbox's parked
        // dead letters, which only a broker outage fills.
        assertThat(before)
                .containsAll(RoutineRowsEraser.tables().stream()
                        .filter(t -> !t.equals("outbox_dead_letter"))
                        .toList());
        KeycloakStandIn.accountDeletion(memberId, 503);

        try (TopicReader requests = new TopicReader(PrivacyTopics.ERASURE_REQUESTS)) {
            JsonPath requested = member(memberId)
                    .post("/members/me/erasure")
                    .then()
                    .statusCode(202)
                    .body("memberId", equalTo(memberId))
                    .body("status", equalTo("IN_PROGRESS"))
                    .body("requestedBy", equalTo(memberId))
                    .extract()
                    .jsonPath();
            assertThat(part(requested, "routine")).isEqualTo("DONE");
            assertThat(part(requested, "progress")).isEqualTo("PENDING");
            assertThat(part(requested, "keycloak")).isEqualTo("PENDING");
            MemberErasureRequested event =
                    Fixtures.event(requests, memberId, MemberErasureRequested.TYPE, MemberErasureRequested.class);
            assertThat(event.memberId()).isEqualTo(memberId);
            // A repeat is the same request.
            member(memberId)
                    .post("/members/me/erasure")
                    .then()
                    .statusCode(200)
                    .body("requestedAt", equalTo(requested.getString("requestedAt")));
        }
        // Only the request itself (and its event, until relayed and the request completes) still names the member.
        assertThat(MemberRows.holding(dataSource, memberId).keySet())
                .allMatch(c -> c.startsWith("erasure_request.") || c.startsWith("outbox_event."));
        // A token issued before the account goes writes nothing back.
        member(memberId).get("/members/me/plan").then().statusCode(403).body("detail", containsString("erased"));

        report(memberId, "progress");
        report(memberId, "engagement");
        await().atMost(Duration.ofSeconds(30)).until(() -> KeycloakStandIn.accountDeletions(memberId) >= 2);
        JsonPath failing = erasure(memberId);
        assertThat(failing.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(part(failing, "progress")).isEqualTo("DONE");
        assertThat(part(failing, "engagement")).isEqualTo("DONE");
        assertThat(part(failing, "keycloak")).isEqualTo("PENDING");

        KeycloakStandIn.accountDeletion(memberId, 204);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "COMPLETED".equals(erasure(memberId).getString("status")));
        JsonPath completed = erasure(memberId);
        assertThat(part(completed, "keycloak")).isEqualTo("DONE");
        assertThat(completed.getString("completedAt")).isNotNull();
        assertThat(MemberRows.holding(dataSource, memberId)).isEmpty();
        as(Tokens.admin("ada"))
                .get("/erasures?status=COMPLETED&size=100")
                .then()
                .statusCode(200)
                .body("items.memberId", org.hamcrest.Matchers.hasItem(pseudonyms.of(memberId)));

        // Repeats and replays change nothing: a report again, the member's old assessment again.
        report(memberId, "progress");
        AdaptationFlowTest.send(AdaptationFlowTest.easyWeek(memberId, 1));
        member(memberId).post("/members/me/erasure").then().statusCode(200).body("status", equalTo("COMPLETED"));
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(10))
                .until(() -> MemberRows.holding(dataSource, memberId).isEmpty());
        assertThat(erasure(memberId).getString("completedAt")).isEqualTo(completed.getString("completedAt"));
    }

    @Test
    void aLegalHoldMakesTheErasureWaitWithTheReasonAndItsReleaseLetsItProceed() {
        String memberId = newMember();
        Fixtures.planFor(memberId, intake());
        KeycloakStandIn.accountDeletion(memberId, 204);
        as(Tokens.admin("ada"))
                .body(Map.of("reason", "litigation hold, case 42"))
                .put("/members/" + memberId + "/legal-hold")
                .then()
                .statusCode(200)
                .body("memberId", equalTo(memberId))
                .body("reason", equalTo("litigation hold, case 42"))
                .body("placedBy", equalTo("ada"));

        as(Tokens.admin("bea"))
                .post("/members/" + memberId + "/erasure")
                .then()
                .statusCode(202)
                .body("status", equalTo("HELD"))
                .body("holdReason", equalTo("litigation hold, case 42"))
                .body("requestedBy", equalTo("bea"));
        assertThat(MemberRows.tables(dataSource, memberId)).contains("intake", "plan");
        as(Tokens.admin("ada"))
                .body(Map.of("reason", "regulator's inquiry"))
                .put("/members/" + memberId + "/legal-hold")
                .then()
                .statusCode(200);
        assertThat(erasure(memberId).getString("holdReason")).isEqualTo("regulator's inquiry");
        as(Tokens.admin("ada"))
                .get("/legal-holds?size=100")
                .then()
                .statusCode(200)
                .body("items.memberId", org.hamcrest.Matchers.hasItem(memberId));

        as(Tokens.admin("ada"))
                .delete("/members/" + memberId + "/legal-hold")
                .then()
                .statusCode(204);
        JsonPath proceeding = erasure(memberId);
        assertThat(proceeding.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(proceeding.getString("holdReason")).isNull();
        assertThat(MemberRows.tables(dataSource, memberId)).doesNotContain("intake", "plan", "legal_hold");
        // Once the erasure runs there is nothing left to hold.
        as(Tokens.admin("ada"))
                .body(Map.of("reason", "too late"))
                .put("/members/" + memberId + "/legal-hold")
                .then()
                .statusCode(409);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String memberId = newMember();
        for (Object reason : List.of("", " ", "x".repeat(501))) {
            as(Tokens.admin("ada"))
                    .body(Map.of("reason", reason))
                    .put("/members/" + memberId + "/legal-hold")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body(containsString("reason"));
        }
        as(Tokens.admin("ada"))
                .get("/erasures?status=SOMETIMES")
                .then()
                .statusCode(400)
                .body(containsString("status"));
        as(Tokens.admin("ada"))
                .get("/members/" + memberId + "/erasure")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.admin("ada"))
                .body(Map.of("reason", "x".repeat(500)))
                .put("/members/" + memberId + "/legal-hold")
                .then()
                .statusCode(200);
    }
}
