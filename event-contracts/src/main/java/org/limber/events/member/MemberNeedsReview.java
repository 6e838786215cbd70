package org.limber.events.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An intake needs a clinician's review before (or beside) a self-guided plan: no safe session
 * could be built for the member, or an answer calls for review without being a red flag (e.g.
 * signs of inflammatory back pain). Key: member id. Topic: {@link MemberTopics#EVENTS}.
 *
 * @param planCreated whether the intake still gave the member a plan
 * @param reasons     a code and a sentence per reason, for the care team
 */
public record MemberNeedsReview(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String memberId,
        UUID intakeId,
        boolean planCreated,
        List<Reason> reasons,
        String clinicianId) {

    public static final String TYPE = "org.limber.routine.MemberNeedsReview";
    public static final int SCHEMA_VERSION = 1;

    /** One reason: a stable code (e.g. NO_SAFE_SESSION, INFLAMMATORY_BACK_PAIN) and a sentence. */
    public record Reason(String code, String text) {}
}
