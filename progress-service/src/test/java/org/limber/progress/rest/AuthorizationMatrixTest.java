package org.limber.progress.rest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.limber.testsupport.AuthorizationMatrix;
import org.limber.testsupport.Tokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.limber.progress.MemberEventFixtures.clinician;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;

/**
 * Who may call what in progress-service: every operation of its OpenAPI document as every kind of caller,
 * against the table below (also in docs/security.md). Callers in the order anonymous, member,
 * other member, clinician with the member on the panel, clinician without, content editor, admin. The
 * member has a plan on the first clinician's panel and a session that raised a high-pain alert.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final String MEMBER = newMember();
    static final String CLINICIAN = "clin-" + MEMBER;

    static final AuthorizationMatrix MATRIX = new AuthorizationMatrix()
            // The other member has no plan here, so no progress to show.
            .row("GET /members/me/progress", "401 2xx 404 403 403 403 403")
            .row("GET /members/me/sessions", "401 2xx 2xx 403 403 403 403")
            .row("GET /members/{memberId}/progress", "401 403 403 2xx 403 403 403")
            .row("GET /members/{memberId}/sessions", "401 403 403 2xx 403 403 403")
            .row("GET /care-team/panel", "401 403 403 2xx 2xx 403 403")
            .row("GET /care-team/alerts", "401 403 403 2xx 2xx 403 403")
            .row("GET /care-team/triage", "401 403 403 2xx 2xx 403 2xx")
            .row(
                    "POST /care-team/alerts/{alertId}/acknowledge",
                    "401 403 403 2xx 403 403 403",
                    () -> Map.of("note", "matrix"))
            .row(
                    "POST /care-team/alerts/{alertId}/resolve",
                    "401 403 403 2xx 403 403 403",
                    () -> Map.of("note", "matrix"))
            .row("GET /reports/outcomes", "401 403 403 403 403 403 2xx")
            // A clinician without the member gets no row of them (TodayResourceTest).
            .row("GET /care-team/panel-rows", "401 403 403 2xx 2xx 403 403")
            .row("GET /care-team/today", "401 403 403 2xx 2xx 403 403")
            // The other member has answered nothing: empty measures of their own.
            .row("GET /members/me/measures", "401 2xx 2xx 403 403 403 403")
            .row("GET /members/me/data", "401 2xx 2xx 403 403 403 403")
            .row("GET /members/{memberId}/measures", "401 403 403 2xx 403 403 403")
            // FHIR: the CapabilityStatement is public; a patient's records for themselves, their clinician, an admin.
            .row("GET /fhir/metadata", "2xx 2xx 2xx 2xx 2xx 2xx 2xx")
            .row("GET /fhir/Observation", "401 2xx 403 2xx 403 403 2xx")
            .row("GET /fhir/QuestionnaireResponse", "401 2xx 403 2xx 403 403 2xx")
            .row("GET /fhir/CarePlan", "401 2xx 403 2xx 403 403 2xx")
            .row("GET /fhir/Patient/{id}/{operation}", "401 2xx 403 2xx 403 403 2xx")
            // The access audit: each member their own log; admins everyone's.
            .row("GET /members/me/access-log", "401 2xx 2xx 403 403 403 403")
            .row("GET /audit/access", "401 403 403 403 403 403 2xx");

    @Test
    void everyOperationAnswersEachCallerAsTheTableSays() {
        send(
                plan(MEMBER, 1, 3, 3, CLINICIAN, LocalDate.now(ZoneOffset.UTC)),
                session(MEMBER, Instant.now(), 5, 8, 6, "TOO_HARD"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !alertIds().isEmpty());
        String alertId = alertIds().get(0);
        MATRIX.check(
                AuthorizationMatrix.tokens(MEMBER, newMember(), CLINICIAN, "clin-" + newMember()),
                path -> path.equals("/care-team/panel-rows")
                        ? path + "?memberId=" + MEMBER
                        : path.startsWith("/fhir/") && !path.startsWith("/fhir/Patient") && !path.endsWith("metadata")
                                ? path + "?patient=" + MEMBER
                                : path.replace("{memberId}", MEMBER)
                                        .replace("{alertId}", alertId)
                                        .replace("{id}", MEMBER)
                                        .replace("{operation}", "$everything"));
        MATRIX.requireIn(Path.of("../docs/security.md"));
    }

    /**
     * What the lists hold, not only their status: a clinician's panel and alerts have the rows of their own members
     * and none of another panel's or of an unassigned member's; the unassigned member's alert is in triage, for
     * every clinician and the admin, and no clinician may read that member.
     */
    @Test
    void listsHoldOnlyTheCallersPanelAndAnUnassignedMemberIsInTriageOnly() {
        String own = newMember();
        String clinician = "clin-" + own;
        String offPanel = "clin-" + newMember();
        String unassigned = newMember();
        send(
                plan(own, 1, 3, 3, clinician, LocalDate.now(ZoneOffset.UTC)),
                session(own, Instant.now(), 5, 8, 6, "TOO_HARD"),
                plan(unassigned, 1, 3, 3, null, LocalDate.now(ZoneOffset.UTC)),
                session(unassigned, Instant.now(), 5, 8, 6, "TOO_HARD"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> members(clinician, "/care-team/alerts").contains(own)
                        && members("ada", "/care-team/triage").contains(unassigned));
        assertThat(members(clinician, "/care-team/panel")).contains(own).doesNotContain(unassigned);
        assertThat(members(clinician, "/care-team/alerts")).doesNotContain(unassigned);
        for (String path : List.of("/care-team/panel", "/care-team/alerts")) {
            assertThat(members(offPanel, path))
                    .as(path + " of a clinician off the panel")
                    .doesNotContain(own, unassigned);
        }
        assertThat(members(offPanel, "/care-team/triage")).contains(unassigned).doesNotContain(own);
        for (String who : List.of(clinician, offPanel)) {
            clinicianOrAdmin(who)
                    .get("/members/" + unassigned + "/progress")
                    .then()
                    .statusCode(403);
        }
    }

    /** The member ids of a list's rows, as {@code who} (a clinician, or "ada" for the admin) gets it. */
    private static List<String> members(String who, String path) {
        return clinicianOrAdmin(who)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.memberId", String.class);
    }

    private static RequestSpecification clinicianOrAdmin(String who) {
        return who.equals("ada") ? given().auth().oauth2(Tokens.admin(who)) : clinician(who);
    }

    private static List<String> alertIds() {
        return clinician(CLINICIAN)
                .get("/care-team/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }
}
