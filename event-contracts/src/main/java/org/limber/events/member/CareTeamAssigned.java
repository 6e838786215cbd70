package org.limber.events.member;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's clinician was set (or cleared). Published on every assignment, whether or not the
 * member has a plan. Key: member id. Topic: {@link MemberTopics#EVENTS}.
 *
 * <p>Consumers apply batches concurrently, so commit order says nothing: a consumer keeps the
 * assignment with the highest {@code sequence} it has seen for the member and ignores older ones.
 *
 * @param clinicianId the member's clinician, or null when the member was unassigned
 * @param sequence    per member, increasing with every assignment (1, 2, ...)
 * @param assignedBy  the subject of the admin (or service account) who made the assignment
 */
public record CareTeamAssigned(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String memberId,
        String clinicianId,
        long sequence,
        String assignedBy) {

    public static final String TYPE = "org.limber.routine.CareTeamAssigned";
    public static final int SCHEMA_VERSION = 1;
}
