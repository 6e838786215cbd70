package org.limber.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.limber.events.member.CareAlertAcknowledged;
import org.limber.events.member.CareAlertRaised;
import org.limber.events.member.CareTeamAssigned;
import org.limber.events.member.MemberTopics;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.ProgressTopics;
import org.limber.events.member.SessionCompleted;
import org.limber.testsupport.TestEvents;

/** Events as routine and progress publish them, sent to the test broker. */
public final class Fixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(1);

    private Fixtures() {}

    public static String newMember() {
        return "m-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static PlanAssigned plan(String memberId, int perWeek) {
        return new PlanAssigned(
                UUID.randomUUID(),
                Instant.now(),
                1,
                memberId,
                1,
                "INTAKE",
                perWeek,
                20,
                5,
                List.of("NONSPECIFIC_LBP"),
                null,
                LocalDate.now(),
                List.of());
    }

    public static CareTeamAssigned careTeam(String memberId, String clinicianId) {
        return new CareTeamAssigned(
                UUID.randomUUID(), Instant.now(), 1, memberId, clinicianId, SEQUENCE.incrementAndGet(), "admin");
    }

    public static SessionCompleted session(String memberId, Instant performedAt) {
        return new SessionCompleted(
                UUID.randomUUID(),
                Instant.now(),
                1,
                memberId,
                UUID.randomUUID(),
                1,
                1,
                performedAt,
                List.of(),
                2,
                3,
                2,
                "JUST_RIGHT",
                null,
                List.of());
    }

    public static PlanSuspended suspended(String memberId) {
        return new PlanSuspended(
                UUID.randomUUID(),
                Instant.now(),
                1,
                memberId,
                1,
                SEQUENCE.incrementAndGet(),
                "SYMPTOM_REPORT",
                List.of("SADDLE_NUMBNESS"),
                UUID.randomUUID());
    }

    public static CareAlertRaised alert(String memberId, UUID alertId, String severity, String clinicianId) {
        return new CareAlertRaised(
                UUID.randomUUID(),
                Instant.now(),
                1,
                memberId,
                alertId,
                "RED_FLAG_SYMPTOM",
                severity,
                "A red flag was reported",
                clinicianId,
                List.of("SADDLE_NUMBNESS"),
                1,
                false);
    }

    public static CareAlertAcknowledged acknowledged(String memberId, UUID alertId, String by) {
        return new CareAlertAcknowledged(UUID.randomUUID(), Instant.now(), 1, memberId, alertId, by, Instant.now());
    }

    public static void send(Object... events) {
        TestEvents.send(Arrays.stream(events).map(Fixtures::outgoing).toList());
    }

    static TestEvents.Outgoing outgoing(Object event) {
        String topic = event.getClass().getSimpleName().startsWith("CareAlert")
                ? ProgressTopics.CARE_ALERTS
                : MemberTopics.EVENTS;
        try {
            String type = (String) event.getClass().getField("TYPE").get(null);
            UUID id = (UUID) event.getClass().getMethod("eventId").invoke(event);
            String key = (String) event.getClass().getMethod("memberId").invoke(event);
            return new TestEvents.Outgoing(topic, key, type, id, event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
