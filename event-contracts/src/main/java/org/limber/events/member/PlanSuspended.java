package org.limber.events.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's self-guided plan was suspended at once because of a red-flag symptom: no session is
 * handed out or accepted, and nothing adapts, until a clinician on the member's panel records a
 * review that ends it (PlanResumed). A red flag before any plan (the first intake) holds the member
 * the same way, with plan version 0: no plan is built until the review. Key: member id. Topic: {@link MemberTopics#EVENTS}.
 *
 * <p>{@code sequence} orders a member's suspensions and resumptions (per member, increasing,
 * shared with {@link PlanResumed}); a consumer keeps the status of the highest sequence seen.
 *
 * @param planVersion the plan version in force when it was suspended (0 when the member had none)
 * @param cause       INTAKE (a red flag at an intake), SESSION (reported with a session) or
 *                    SYMPTOM_REPORT (reported on its own)
 * @param redFlags    the red-flag codes that caused it
 * @param sourceId    the intake, session or symptom report that caused it
 */
public record PlanSuspended(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String memberId,
        int planVersion,
        long sequence,
        String cause,
        List<String> redFlags,
        UUID sourceId) {

    public static final String TYPE = "org.limber.routine.PlanSuspended";
    public static final int SCHEMA_VERSION = 1;
}
