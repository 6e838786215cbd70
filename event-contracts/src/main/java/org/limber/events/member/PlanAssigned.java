package org.limber.events.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A new version of a member's plan is in force (from an intake, a clinician's tailoring or an
 * adaptation). Key: member id. Topic: {@link MemberTopics#EVENTS}.
 *
 * @param source        INTAKE, CLINICIAN or ADAPTATION
 * @param baselinePain  the member's typical pain (0-10) at intake, the baseline of every trend
 * @param startDate     the first day of the plan's first week
 * @param clinicianId   the member's clinician, or null while none is assigned
 */
public record PlanAssigned(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String memberId,
        int planVersion,
        String source,
        int sessionsPerWeek,
        int minutesPerSession,
        int baselinePain,
        List<String> conditions,
        String clinicianId,
        LocalDate startDate,
        List<Session> sessions) {

    public static final String TYPE = "org.limber.routine.PlanAssigned";
    public static final int SCHEMA_VERSION = 1;

    /** One session of the week, in order. */
    public record Session(int number, List<Item> items) {}

    /** One exercise of a session with its dose; paused items are not listed. */
    public record Item(String slug, int exerciseVersion, PrescribedDose dose) {}
}
