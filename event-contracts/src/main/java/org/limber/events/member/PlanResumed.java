package org.limber.events.member;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinician on the member's panel has looked and the plan runs again, either as it was
 * ({@code how} RESUMED) or as a new version the clinician built (TAILORED). Key: member id. Topic:
 * {@link MemberTopics#EVENTS}.
 *
 * @param planVersion the plan version in force from now on
 * @param sequence    shared with {@link PlanSuspended}: per member, increasing
 * @param clinicianId who resumed it
 * @param note        the clinician's note (required)
 */
public record PlanResumed(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String memberId,
        int planVersion,
        long sequence,
        String how,
        String clinicianId,
        String note) {

    public static final String TYPE = "org.limber.routine.PlanResumed";
    public static final int SCHEMA_VERSION = 1;
}
