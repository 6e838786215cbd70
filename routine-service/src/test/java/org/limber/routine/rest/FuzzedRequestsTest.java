package org.limber.routine.rest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.limber.routine.ExportStandIn;
import org.limber.routine.Fixtures;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.RequestFuzzer;
import org.limber.testsupport.Tokens;

import static org.limber.routine.Fixtures.intake;
import static org.limber.routine.Fixtures.newMember;
import static org.limber.routine.Fixtures.sessionDoingToday;

/**
 * Random and mutated requests to every operation (bodies, path ids, query parameters), each with the
 * token of a caller who may make it: the member for {@code /members/me}, the member's clinician for
 * another member's plan, an admin for the care team, erasures and legal holds. Never a 5xx; every 4xx a problem.
 */
@QuarkusTest
class FuzzedRequestsTest {

    @Inject
    CatalogReplica replica;

    @Test
    void noInputAnswers5xx() {
        Fixtures.catalogLoaded(replica);
        String member = newMember();
        String clinician = "clinician-" + member;
        Fixtures.planOnPanel(member, intake(), clinician);
        String memberToken = Tokens.member(member);
        String clinicianToken = Tokens.clinician(clinician);
        String adminToken = Tokens.admin("fuzz-admin");
        // The export's other parts: stand-ins answering the member's own token (a 503 otherwise, by design).
        ExportStandIn.part("progress", memberToken, "{}");
        ExportStandIn.part("engagement", memberToken, "{}");
        // Map.of takes ten pairs at most: the rest are added.
        Map<String, Object> bodies = new HashMap<>(Map.of(
                "POST /members/me/intake",
                intake(),
                "POST /members/me/sessions",
                sessionDoingToday(member, Instant.now()),
                "POST /members/me/symptoms",
                Fixtures.symptoms("SADDLE_NUMBNESS"),
                "POST /members/me/screening",
                Map.of("screeningId", UUID.randomUUID().toString(), "redFlags", Fixtures.redFlags(intake())),
                "PUT /members/{memberId}/plan/adaptation",
                Map.of("enabled", true, "note", "fuzz"),
                "PUT /members/{memberId}/plan",
                Map.of("note", "fuzz", "changes", List.of(Map.of("type", "PAUSE", "slug", "cat-cow"))),
                "POST /members/{memberId}/plan/resume",
                Map.of(
                        "redFlagsAssessed",
                        List.of("SADDLE_NUMBNESS"),
                        "outcome",
                        "OTHER",
                        "outcomeText",
                        "fuzz",
                        "note",
                        "fuzz"),
                "POST /members/{memberId}/plan/changes/{changeId}/undo",
                Map.of("note", "fuzz"),
                "PUT /members/{memberId}/care-team",
                Map.of("clinicianId", clinician),
                "POST /care-team/panels/{fromClinicianId}/move",
                Map.of("toClinicianId", clinician)));
        bodies.put("PUT /members/{memberId}/legal-hold", Map.of("reason", "fuzz"));
        String erasingToken = Tokens.member(newMember());
        bodies.put(
                "POST /members/me/questionnaires/{code}/responses",
                MemberResourceQuestionnairesTest.peg(UUID.randomUUID(), 5, 5, 5));
        new RequestFuzzer()
                .run(
                        200,
                        // The member's own erasure is another member's, so that the member's other calls are fuzzed
                        // before an admin's erasure of them (the admin's operations) makes them 403.
                        operation -> operation.endsWith("/members/me/erasure")
                                ? erasingToken
                                : operation.contains("/members/me")
                                        ? memberToken
                                        : operation.endsWith("/care-team")
                                                        || operation.endsWith("/move")
                                                        || operation.endsWith("/people/clinicians")
                                                        || operation.endsWith("/erasure")
                                                        || operation.contains("legal-hold")
                                                        || operation.endsWith("/erasures")
                                                ? adminToken
                                                : clinicianToken,
                        bodies,
                        Map.of(
                                "memberId",
                                member,
                                "changeId",
                                UUID.randomUUID().toString(),
                                "fromClinicianId",
                                "clinician-" + newMember(),
                                "code",
                                "PEG"));
    }
}
