package org.limber.events.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member answered a red-flag question yes at intake: no self-guided plan, a clinician must
 * see them. Key: member id. Topic: {@link MemberTopics#EVENTS}.
 *
 * @param redFlags the red-flag codes answered yes (e.g. {@code SADDLE_NUMBNESS})
 * @param reasons  a sentence per red flag, for the care team
 */
public record MemberReferred(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String memberId,
        UUID intakeId,
        List<String> redFlags,
        List<String> reasons,
        String clinicianId) {

    public static final String TYPE = "org.limber.routine.MemberReferred";
    public static final int SCHEMA_VERSION = 1;
}
