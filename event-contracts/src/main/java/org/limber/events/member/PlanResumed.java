package org.limber.events.member;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinician on the member's panel recorded a review of the red flags and the plan runs again
 * ({@code how} RESUMED; TAILORED only in events from before issue 20, when a new version ended a
 * suspension), or a referral made before any plan is cleared (plan version 0). Key: member id. Topic:
 * {@link MemberTopics#EVENTS}.
 *
 * @param planVersion the plan version in force from now on
 * @param sequence    shared with {@link PlanSuspended}: per member, increasing
 * @param clinicianId who resumed it
 * @param note        the review's outcome, the red flags assessed and the clinician's note
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
