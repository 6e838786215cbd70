package org.limber.routine.rest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.limber.routine.ExportStandIn;
import org.limber.routine.Fixtures;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.AuthorizationMatrix;
import org.limber.testsupport.Tokens;

import static org.limber.routine.Fixtures.intake;
import static org.limber.routine.Fixtures.member;
import static org.limber.routine.Fixtures.newMember;
import static org.limber.routine.Fixtures.sessionDoingToday;

/**
 * Who may call what in routine-service: every operation of its OpenAPI document as every kind of caller,
 * against the table below (also in docs/security.md). Callers in the order anonymous, member,
 * other member, clinician with the member on the panel, clinician without, content editor, admin. The
 * member has a plan and is on the first clinician's panel; each body is valid, so a status is about who
 * calls.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final String MEMBER = newMember();
    static final String CLINICIAN = "clinician-" + MEMBER;

    static final AuthorizationMatrix MATRIX = new AuthorizationMatrix()
            .row("POST /members/me/intake", "401 2xx 2xx 403 403 403 403", Fixtures::intake)
            .row("GET /screening/questions", "2xx 2xx 2xx 2xx 2xx 2xx 2xx")
            .row("GET /questionnaires", "2xx 2xx 2xx 2xx 2xx 2xx 2xx")
            .row("GET /questionnaires/{code}", "2xx 2xx 2xx 2xx 2xx 2xx 2xx")
            .row("GET /members/me/questionnaires", "401 2xx 2xx 403 403 403 403")
            // The member and the other member (a plan of their own) each answer their own baseline PEG.
            .row(
                    "POST /members/me/questionnaires/{code}/responses",
                    "401 2xx 2xx 403 403 403 403",
                    () -> MemberResourceQuestionnairesTest.peg(UUID.randomUUID(), 5, 5, 5))
            .row("GET /members/me/plan", "401 2xx 2xx 403 403 403 403")
            .row("GET /members/me/plan/today", "401 2xx 2xx 403 403 403 403")
            .row("GET /members/me/plan/history", "401 2xx 2xx 403 403 403 403")
            .row("GET /members/me/plan/changes", "401 2xx 2xx 403 403 403 403")
            .row(
                    "POST /members/me/sessions",
                    "401 2xx 4xx 403 403 403 403",
                    () -> sessionDoingToday(MEMBER, Instant.now()))
            .row("GET /members/me/sessions", "401 2xx 2xx 403 403 403 403")
            .row(
                    "POST /members/me/screening",
                    "401 2xx 2xx 403 403 403 403",
                    () -> Map.of(
                            "screeningId",
                            UUID.randomUUID().toString(),
                            "redFlags",
                            Fixtures.redFlags(Fixtures.intake())))
            .row("GET /members/{memberId}/plan", "401 403 403 2xx 403 403 403")
            .row("GET /members/{memberId}/plan/changes", "401 403 403 2xx 403 403 403")
            .row("GET /members/{memberId}/sessions", "401 403 403 2xx 403 403 403")
            .row(
                    "PUT /members/{memberId}/plan/adaptation",
                    "401 403 403 2xx 403 403 403",
                    () -> Map.of("enabled", true, "note", "matrix"))
            .row(
                    "PUT /members/{memberId}/plan",
                    "401 403 403 2xx 403 403 403",
                    () -> Map.of(
                            "note", "matrix", "changes", List.of(Map.of("type", "PAUSE", "slug", todaysFirstSlug()))))
            // A red flag suspends the plan (the member's, then the other member's own) ...
            .row("POST /members/me/symptoms", "401 2xx 2xx 403 403 403 403", () -> Fixtures.symptoms("SADDLE_NUMBNESS"))
            // ... which only the member's clinician may see and review.
            .row("GET /members/{memberId}/plan/suspension", "401 403 403 2xx 403 403 403")
            .row(
                    "POST /members/{memberId}/plan/resume",
                    "401 403 403 2xx 403 403 403",
                    () -> Map.of(
                            "redFlagsAssessed",
                            List.of("SADDLE_NUMBNESS"),
                            "outcome",
                            "EXCLUDED_SAFE_TO_CONTINUE",
                            "note",
                            "matrix"))
            // No such change: the clinician is let in and finds nothing.
            .row(
                    "POST /members/{memberId}/plan/changes/{changeId}/undo",
                    "401 403 403 404 403 403 403",
                    () -> Map.of("note", "matrix"))
            .row(
                    "PUT /members/{memberId}/care-team",
                    "401 403 403 403 403 403 2xx",
                    () -> Map.of("clinicianId", CLINICIAN))
            // A panel without members moves to the member's clinician: nothing moves.
            .row(
                    "POST /care-team/panels/{fromClinicianId}/move",
                    "401 403 403 403 403 403 2xx",
                    () -> Map.of("toClinicianId", CLINICIAN))
            // Names: a clinician without the member gets no row of them (PeopleResourceTest).
            .row("GET /people/members", "401 403 403 2xx 2xx 403 2xx")
            .row("GET /people/clinicians", "401 403 403 403 403 403 2xx")
            .row("GET /people", "401 403 403 2xx 2xx 403 2xx")
            // The other services' parts come from stand-ins that answer the two members' own tokens.
            .row("GET /members/me/export", "401 2xx 2xx 403 403 403 403")
            // Privacy, last (the member is erased): an admin holds the member's record, so the member's own request
            // waits (HELD); the other member's proceeds. Releasing the hold lets the member's erasure proceed.
            .row("PUT /members/{memberId}/legal-hold", "401 403 403 403 403 403 2xx", () -> Map.of("reason", "matrix"))
            .row("GET /legal-holds", "401 403 403 403 403 403 2xx")
            .row("POST /members/me/erasure", "401 2xx 2xx 403 403 403 403")
            .row("POST /members/{memberId}/erasure", "401 403 403 403 403 403 2xx")
            .row("GET /members/{memberId}/erasure", "401 403 403 403 403 403 2xx")
            .row("GET /erasures", "401 403 403 403 403 403 2xx")
            .row("DELETE /members/{memberId}/legal-hold", "401 403 403 403 403 403 2xx");

    @Inject
    CatalogReplica replica;

    static String todaysFirstSlug() {
        return member(MEMBER)
                .get("/members/me/plan/today")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("exercises[0].slug");
    }

    @Test
    void everyOperationAnswersEachCallerAsTheTableSays() {
        Fixtures.catalogLoaded(replica);
        Fixtures.planOnPanel(MEMBER, intake(), CLINICIAN);
        Map<AuthorizationMatrix.Caller, String> tokens =
                AuthorizationMatrix.tokens(MEMBER, newMember(), CLINICIAN, "clinician-" + newMember());
        for (AuthorizationMatrix.Caller member :
                List.of(AuthorizationMatrix.Caller.MEMBER, AuthorizationMatrix.Caller.OTHER_MEMBER)) {
            ExportStandIn.part("progress", tokens.get(member), "{}");
            ExportStandIn.part("engagement", tokens.get(member), "{}");
        }
        MATRIX.check(
                tokens,
                path -> path.equals("/people")
                        ? "/people?id=" + MEMBER
                        : path.replace("{memberId}", MEMBER)
                                .replace("{changeId}", UUID.randomUUID().toString())
                                .replace("{code}", "PEG")
                                .replace("{fromClinicianId}", "clinician-" + newMember()));
        MATRIX.requireIn(Path.of("../docs/security.md"));
    }

    /**
     * A member with a plan and no clinician: no clinician may read them (the member is on no panel), and once the
     * admin assigns them, their clinician may (the refusal was the panel's, not the path's).
     */
    @Test
    void anUnassignedMemberIsOnNoClinciansPanelUntilAssigned() {
        Fixtures.catalogLoaded(replica);
        String unassigned = newMember();
        Fixtures.planFor(unassigned, intake());
        String later = "clinician-" + newMember();
        for (String clinician : List.of(CLINICIAN, later)) {
            for (String path : List.of("/plan", "/plan/changes", "/sessions")) {
                Fixtures.as(Tokens.clinician(clinician))
                        .get("/members/" + unassigned + path)
                        .then()
                        .statusCode(403);
            }
        }
        Fixtures.assign(unassigned, later);
        for (String path : List.of("/plan", "/plan/changes", "/sessions")) {
            Fixtures.as(Tokens.clinician(later))
                    .get("/members/" + unassigned + path)
                    .then()
                    .statusCode(200);
        }
    }
}
