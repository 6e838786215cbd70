package org.limber.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.restassured.specification.RequestSpecification;

import org.limber.events.member.CareTeamAssigned;
import org.limber.events.member.MemberNeedsReview;
import org.limber.events.member.MemberReferred;
import org.limber.events.member.MemberTopics;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.PlanResumed;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.PrescribedDose;
import org.limber.events.member.SessionCompleted;
import org.limber.events.member.SymptomsReported;
import org.limber.testsupport.TestEvents;
import org.limber.testsupport.Tokens;

import static io.restassured.RestAssured.given;

/** routine-service's events, as test data on the real broker. */
public final class MemberEventFixtures {

    private MemberEventFixtures() {}

    public static String newMember() {
        return "member-" + UUID.randomUUID();
    }

    public static PlanAssigned plan(
            String memberId, int version, int sessionsPerWeek, int baselinePain, String clinician, LocalDate start) {
        return new PlanAssigned(
                UUID.randomUUID(),
                Instant.now(),
                1,
                memberId,
                version,
                "INTAKE",
                sessionsPerWeek,
                15,
                baselinePain,
                List.of("NON_SPECIFIC_LOW_BACK_PAIN"),
                clinician,
                start,
                List.of(new PlanAssigned.Session(
                        1,
                        List.of(new PlanAssigned.Item(
                                "cat-cow", 1, new PrescribedDose(2, 10, null, null, 30, false))))));
    }

    public static SessionCompleted session(
            String memberId,
            Instant performedAt,
            int before,
            int during,
            int after,
            String effort,
            String... redFlags) {
        return new SessionCompleted(
                UUID.randomUUID(),
                Instant.now(),
                1,
                memberId,
                UUID.randomUUID(),
                1,
                1,
                performedAt,
                List.of(new SessionCompleted.ExerciseOutcome(
                        "cat-cow", "DONE", null, new PrescribedDose(2, 10, null, null, 30, false))),
                before,
                during,
                after,
                effort,
                null,
                Arrays.asList(redFlags));
    }

    /** A session in which {@code skipped} was skipped for {@code reason} and cat-cow was done. */
    public static SessionCompleted sessionSkipping(
            String memberId,
            Instant performedAt,
            int before,
            int during,
            String effort,
            String skipped,
            String reason) {
        PrescribedDose dose = new PrescribedDose(2, 10, null, null, 30, false);
        return new SessionCompleted(
                UUID.randomUUID(),
                Instant.now(),
                1,
                memberId,
                UUID.randomUUID(),
                1,
                1,
                performedAt,
                List.of(
                        new SessionCompleted.ExerciseOutcome("cat-cow", "DONE", null, dose),
                        new SessionCompleted.ExerciseOutcome(skipped, "SKIPPED", reason, dose)),
                before,
                during,
                before,
                effort,
                null,
                List.of());
    }

    public static MemberReferred referred(String memberId) {
        return referred(memberId, null);
    }

    public static MemberReferred referred(String memberId, String clinician) {
        return new MemberReferred(
                UUID.randomUUID(),
                Instant.now(),
                1,
                memberId,
                UUID.randomUUID(),
                List.of("SADDLE_NUMBNESS"),
                List.of("Numbness in the saddle area"),
                clinician);
    }

    public static CareTeamAssigned assigned(String memberId, String clinician, long sequence) {
        return new CareTeamAssigned(UUID.randomUUID(), Instant.now(), 1, memberId, clinician, sequence, "admin-test");
    }

    public static SymptomsReported symptoms(String memberId, String... redFlags) {
        return new SymptomsReported(
                UUID.randomUUID(),
                Instant.now(),
                1,
                memberId,
                UUID.randomUUID(),
                Instant.now(),
                List.of(redFlags),
                "it started this morning");
    }

    public static PlanSuspended suspended(
            String memberId, long sequence, String cause, UUID sourceId, String... redFlags) {
        return new PlanSuspended(
                UUID.randomUUID(), Instant.now(), 1, memberId, 1, sequence, cause, List.of(redFlags), sourceId);
    }

    public static PlanResumed resumed(String memberId, long sequence, String clinician) {
        return new PlanResumed(
                UUID.randomUUID(),
                Instant.now(),
                1,
                memberId,
                1,
                sequence,
                "RESUMED",
                clinician,
                "Seen today, safe to go on");
    }

    public static MemberNeedsReview needsReview(String memberId, String clinician) {
        return new MemberNeedsReview(
                UUID.randomUUID(),
                Instant.now(),
                1,
                memberId,
                UUID.randomUUID(),
                false,
                List.of(new MemberNeedsReview.Reason("NO_SAFE_SESSION", "No session fits the member's conditions")),
                clinician);
    }

    /** Any member event record, with its key (member id), {@code ce_type} (the record's TYPE) and id. */
    public static TestEvents.Outgoing outgoing(Object event) {
        try {
            Class<?> c = event.getClass();
            return new TestEvents.Outgoing(
                    MemberTopics.EVENTS,
                    (String) c.getMethod("memberId").invoke(event),
                    (String) c.getField("TYPE").get(null),
                    (UUID) c.getMethod("eventId").invoke(event),
                    event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("not a member event: " + event, e);
        }
    }

    public static void send(Object... events) {
        TestEvents.send(Arrays.stream(events).map(MemberEventFixtures::outgoing).toList());
    }

    public static RequestSpecification member(String memberId) {
        return given().auth().oauth2(Tokens.member(memberId));
    }

    public static RequestSpecification admin(String id) {
        return given().auth().oauth2(Tokens.admin(id)).contentType("application/json");
    }

    public static RequestSpecification clinician(String id) {
        return given().auth().oauth2(Tokens.clinician(id)).contentType("application/json");
    }
}
