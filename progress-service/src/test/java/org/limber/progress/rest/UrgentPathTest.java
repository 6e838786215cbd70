package org.limber.progress.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import org.limber.events.member.CareAlertRaised;
import org.limber.events.member.ProgressTopics;
import org.limber.events.member.SessionCompleted;
import org.limber.events.member.SymptomsReported;
import org.limber.progress.domain.RaisedAlert;
import org.limber.progress.domain.Severity;
import org.limber.progress.service.AlertScheduler;
import org.limber.testsupport.TestEvents;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.limber.progress.MemberEventFixtures.admin;
import static org.limber.progress.MemberEventFixtures.assigned;
import static org.limber.progress.MemberEventFixtures.clinician;
import static org.limber.progress.MemberEventFixtures.member;
import static org.limber.progress.MemberEventFixtures.needsReview;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.referred;
import static org.limber.progress.MemberEventFixtures.resumed;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;
import static org.limber.progress.MemberEventFixtures.suspended;
import static org.limber.progress.MemberEventFixtures.symptoms;

/**
 * The urgent path on the real broker, database and tokens: a red flag reaches a clinician within
 * seconds, through triage when the member has none; the clinician is decided by the assignment
 * sequence; a suspended plan raises no inactivity alert.
 */
@QuarkusTest
class UrgentPathTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final Duration SECONDS = Duration.ofSeconds(15);

    @Inject
    AlertScheduler scheduler;

    private static JsonPath alerts(String clinicianId) {
        return clinician(clinicianId)
                .get("/care-team/alerts?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath panel(String clinicianId) {
        return clinician(clinicianId)
                .get("/care-team/panel?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The member's triage alerts, as a clinician sees them. */
    private static List<Map<String, Object>> triageOf(String memberId) {
        return clinician("clin-triage")
                .get("/care-team/triage?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("items")
                .stream()
                .filter(a -> memberId.equals(a.get("memberId")))
                .toList();
    }

    @Test
    void aReferralAtTheFirstIntakeReachesTheClinicianAssignedBefore() {
        String c = "clin-" + newMember();
        String assignedFirst = newMember();
        String namedByReferral = newMember();
        // Assigned while the member had no plan, then referred at the first intake: no plan ever.
        send(assigned(assignedFirst, c, 1), referred(assignedFirst, c), referred(namedByReferral, c));
        await().atMost(SECONDS).until(() -> alerts(c).getInt("total") == 2);
        JsonPath all = alerts(c);
        assertThat(all.getList("items.kind")).containsOnly("REFERRAL");
        assertThat(all.getList("items.memberId")).containsExactlyInAnyOrder(assignedFirst, namedByReferral);
        assertThat(all.getList("items[0].details")).containsExactly("SADDLE_NUMBNESS");
        JsonPath p = panel(c);
        assertThat(p.getList("items.memberId")).containsExactlyInAnyOrder(assignedFirst, namedByReferral);
        assertThat(p.getList("items.planStatus")).containsOnly("REFERRED");
        clinician(c)
                .get("/members/" + assignedFirst + "/progress")
                .then()
                .statusCode(200)
                .body("planStatus", equalTo("REFERRED"));
    }

    @Test
    void aReferralWithNoClinicianWaitsInTriageUntilAnAdminAssignsTheMember() {
        String m = newMember();
        String reviewed = newMember();
        String c = "clin-" + newMember();
        send(referred(m), needsReview(reviewed, null));
        await().atMost(SECONDS)
                .until(() -> triageOf(m).size() == 1 && triageOf(reviewed).size() == 1);
        assertThat(triageOf(m).get(0))
                .containsEntry("kind", "REFERRAL")
                // Saddle numbness is a sign of cauda equina (EMERGENCY_TODAY in the safety advice).
                .containsEntry("severity", "EMERGENCY")
                .containsEntry("status", "OPEN")
                .containsEntry("clinicianId", null);
        assertThat(triageOf(reviewed).get(0))
                .containsEntry("kind", "NEEDS_REVIEW")
                .containsEntry("severity", "HIGH")
                .containsEntry("details", List.of("NO_SAFE_SESSION: No session fits the member's conditions"));
        String alertId = (String) triageOf(m).get(0).get("id");
        // Urgent first, then oldest first; admins see triage too (to assign); members do not.
        JsonPath triage = admin("admin-1")
                .get("/care-team/triage?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> severities = triage.getList("items.severity");
        assertThat(severities).contains("EMERGENCY", "HIGH").isSubsetOf("EMERGENCY", "URGENT", "HIGH");
        assertThat(severities.stream().map(s -> Severity.valueOf(s).rank).toList())
                .as("emergencies first, then urgent, then high")
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(triage.<String>getList("items.findAll { it.severity == 'EMERGENCY' }.raisedAt").stream()
                        .map(Instant::parse)
                        .toList())
                .isSorted();
        member(m).get("/care-team/triage").then().statusCode(403);
        RestAssured.given().get("/care-team/triage").then().statusCode(401);

        // Any clinician may act on it while the member has none, recorded with who did; an admin may not (a clinical
        // act).
        admin("admin-1")
                .body(Map.of("note", "x"))
                .post("/care-team/alerts/" + alertId + "/acknowledge")
                .then()
                .statusCode(403);
        clinician("clin-on-call")
                .body(Map.of("note", "Called: going to urgent care"))
                .post("/care-team/alerts/" + alertId + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("clin-on-call"));
        assertThat(triageOf(m))
                .as("acknowledged, not resolved: still waiting for a clinician")
                .hasSize(1);
        assertThat(alerts(c).getInt("total")).isZero();

        send(assigned(m, c, 1));
        await().atMost(SECONDS).until(() -> triageOf(m).isEmpty());
        assertThat(alerts(c).getList("items.id")).containsExactly(alertId);
        assertThat(panel(c).getList("items.memberId")).containsExactly(m);
        assertThat(panel(c).getList("items.planStatus")).containsExactly("REFERRED");
        // Now on c's panel: only c acts on it.
        clinician("clin-on-call")
                .body(Map.of("note", "x"))
                .post("/care-team/alerts/" + alertId + "/resolve")
                .then()
                .statusCode(403);
        clinician(c)
                .body(Map.of("note", "Seen in clinic"))
                .post("/care-team/alerts/" + alertId + "/resolve")
                .then()
                .statusCode(200)
                .body("resolvedBy", equalTo(c));
    }

    @Test
    void theClinicianIsDecidedByTheAssignmentSequenceWhateverTheOrder() {
        String older = "clin-" + newMember();
        String newer = "clin-" + newMember();
        String fromPlan = "clin-" + newMember();
        String planFirst = newMember();
        String newerFirst = newMember();
        // Plan (naming a clinician) then the assignments, the newer one first.
        send(plan(planFirst, 1, 3, 5, fromPlan, TODAY), assigned(planFirst, newer, 2));
        // Assignments (the older arriving after the newer) then the plan.
        send(assigned(newerFirst, newer, 2));
        await().atMost(SECONDS).until(() -> panel(newer).getInt("total") == 2);
        SessionCompleted marker = session(planFirst, Instant.now(), 3, 3, 3, "JUST_RIGHT");
        SessionCompleted marker2 = session(newerFirst, Instant.now(), 3, 3, 3, "JUST_RIGHT");
        send(
                assigned(planFirst, older, 1),
                assigned(newerFirst, older, 1),
                plan(newerFirst, 1, 3, 5, fromPlan, TODAY),
                marker,
                marker2);
        await().atMost(SECONDS)
                .until(() ->
                        member(planFirst).get("/members/me/sessions").jsonPath().getInt("total") == 1
                                && member(newerFirst)
                                                .get("/members/me/sessions")
                                                .jsonPath()
                                                .getInt("total")
                                        == 1);
        assertThat(panel(newer).getList("items.memberId")).containsExactlyInAnyOrder(planFirst, newerFirst);
        assertThat(panel(newer).getList("items.planStatus")).containsOnly("ACTIVE");
        assertThat(panel(older).getInt("total")).isZero();
        assertThat(panel(fromPlan).getInt("total")).isZero();
        // An unassignment (a newer sequence, no clinician) takes the member off the panel; the plan's clinician does
        // not return.
        send(assigned(planFirst, null, 3), plan(planFirst, 2, 3, 5, fromPlan, TODAY));
        await().atMost(SECONDS).until(() -> panel(newer).getInt("total") == 1);
        assertThat(panel(fromPlan).getInt("total")).isZero();
    }

    @Test
    void everyRedFlagReportRaisesItsOwnUrgentAlertAtOncePublishedEachTime() {
        String c = "clin-" + newMember();
        String m = newMember();
        send(assigned(m, c, 1), plan(m, 1, 3, 5, c, TODAY));
        await().atMost(SECONDS).until(() -> panel(c).getInt("total") == 1);
        try (TopicReader topic = new TopicReader(ProgressTopics.CARE_ALERTS)) {
            SymptomsReported first = symptoms(m, "SADDLE_NUMBNESS");
            send(first, suspended(m, 1, "SYMPTOM_REPORT", first.reportId(), "SADDLE_NUMBNESS"));
            await().atMost(SECONDS).until(() -> alerts(c).getInt("total") == 1);
            // A second report while the first alert is open, a redelivery of the first, and a session with a red flag
            // whose
            // suspension arrives before the session itself.
            SymptomsReported second = symptoms(m, "WORSENING_LEG_WEAKNESS", "BLADDER_CONTROL_LOSS");
            SessionCompleted flagged = session(m, Instant.now(), 4, 4, 4, "JUST_RIGHT", "FEVER");
            send(second, first, suspended(m, 2, "SESSION", flagged.sessionId(), "FEVER"), flagged);
            await().atMost(SECONDS).until(() -> alerts(c).getInt("total") == 3);
            JsonPath all = alerts(c);
            assertThat(all.getList("items.kind")).containsOnly("RED_FLAG_SYMPTOM");
            // Saddle numbness (cauda equina) is an emergency; the others, and a code the advice does not know, are
            // urgent.
            assertThat(all.getString("items.find { it.details == ['SADDLE_NUMBNESS'] }.severity"))
                    .isEqualTo("EMERGENCY");
            assertThat(all.<String>getList("items.findAll { it.details != ['SADDLE_NUMBNESS'] }.severity"))
                    .containsExactly("URGENT", "URGENT");
            assertThat(all.getString("items[0].severity")).isEqualTo("EMERGENCY");
            assertThat(all.getList("items.status")).containsOnly("OPEN");
            assertThat(all.<List<String>>getList("items.details"))
                    .containsExactlyInAnyOrder(
                            List.of("SADDLE_NUMBNESS"),
                            List.of("WORSENING_LEG_WEAKNESS", "BLADDER_CONTROL_LOSS"),
                            List.of("FEVER"));

            // Each one published once on progress.care-alerts, with its symptoms and clinician.
            List<CareAlertRaised> published = topic.readFor(Duration.ofSeconds(3)).stream()
                    .filter(r -> m.equals(r.key()))
                    .map(r -> {
                        try {
                            return TestEvents.JSON.readValue(r.value(), CareAlertRaised.class);
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    })
                    .toList();
            assertThat(published)
                    .extracting(CareAlertRaised::alertId)
                    .containsExactlyInAnyOrderElementsOf(all.getList("items.id", String.class).stream()
                            .map(UUID::fromString)
                            .toList());
            assertThat(published).extracting(CareAlertRaised::clinicianId).containsOnly(c);
            assertThat(published).extracting(CareAlertRaised::details).contains(List.of("FEVER"));
        }
        // Suspended by the newest sequence; the member and the panel see it; a resumption runs the plan again, an older
        // suspension arriving after it changes nothing.
        member(m).get("/members/me/progress").then().statusCode(200).body("planStatus", equalTo("SUSPENDED"));
        assertThat(panel(c).getList("items.planStatus")).containsExactly("SUSPENDED");
        send(resumed(m, 3, c), suspended(m, 2, "SESSION", UUID.randomUUID(), "FEVER"));
        // The late suspension's own cause still raises its alert (no red flag depends on one event), but not the
        // status.
        await().atMost(SECONDS).until(() -> alerts(c).getInt("total") == 4);
        member(m).get("/members/me/progress").then().body("planStatus", equalTo("ACTIVE"));
        assertThat(panel(c).getList("items.planStatus")).containsExactly("ACTIVE");
    }

    @Test
    void aRedFlagWithANoteOverTheBoundIsNeverDroppedForIt() {
        String c = "clin-" + newMember();
        String m = newMember();
        send(assigned(m, c, 1), plan(m, 1, 3, 5, c, TODAY));
        await().atMost(SECONDS).until(() -> panel(c).getInt("total") == 1);
        // No suspension follows here: the report alone must raise the alert, its note clipped rather than refused.
        String note = "it got worse overnight; ".repeat(4_000);
        SessionCompleted s = session(m, Instant.now(), 4, 4, 4, "JUST_RIGHT", "FEVER");
        send(
                new SymptomsReported(
                        UUID.randomUUID(),
                        Instant.now(),
                        1,
                        m,
                        UUID.randomUUID(),
                        Instant.now(),
                        List.of("SADDLE_NUMBNESS"),
                        note),
                new SessionCompleted(
                        s.eventId(),
                        s.occurredAt(),
                        s.schemaVersion(),
                        m,
                        s.sessionId(),
                        s.planVersion(),
                        s.sessionNumber(),
                        s.performedAt(),
                        s.exercises(),
                        s.painBefore(),
                        s.painDuring(),
                        s.painAfter(),
                        s.effort(),
                        note,
                        s.redFlagSymptoms()));
        await().atMost(SECONDS).until(() -> alerts(c).getInt("total") == 2);
        assertThat(alerts(c).<List<String>>getList("items.details"))
                .containsExactlyInAnyOrder(List.of("SADDLE_NUMBNESS"), List.of("FEVER"));
    }

    @Test
    void aSuspendedPlanRaisesNoInactivityOrAdherenceAlert() {
        String c = "clin-" + newMember();
        String m = newMember();
        SymptomsReported report = symptoms(m, "FEVER");
        send(
                assigned(m, c, 1),
                plan(m, 1, 3, 4, c, TODAY.minusDays(20)),
                session(m, Instant.now().minus(10, ChronoUnit.DAYS), 3, 3, 3, "JUST_RIGHT"),
                report,
                suspended(m, 1, "SYMPTOM_REPORT", report.reportId(), "FEVER"));
        await().atMost(SECONDS)
                .until(() -> "SUSPENDED"
                        .equals(member(m).get("/members/me/progress").jsonPath().getString("planStatus")));
        List<RaisedAlert> whileSuspended = scheduler.evaluate(Instant.now());
        assertThat(whileSuspended).filteredOn(a -> a.memberId().equals(m)).isEmpty();
        assertThat(scheduler.assessEndedWeeks(Instant.now()))
                .noneMatch(a -> a.memberId().equals(m));

        // Once a clinician resumes it, the time-based rules apply again.
        send(resumed(m, 2, c));
        await().atMost(SECONDS)
                .until(() -> "ACTIVE"
                        .equals(member(m).get("/members/me/progress").jsonPath().getString("planStatus")));
        assertThat(scheduler.evaluate(Instant.now()))
                .filteredOn(a -> a.memberId().equals(m))
                .extracting(a -> a.kind().name())
                .contains("INACTIVE");
    }
}
