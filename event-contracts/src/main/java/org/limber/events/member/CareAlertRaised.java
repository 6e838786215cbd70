package org.limber.events.member;

import java.time.Instant;
import java.util.UUID;

/**
 * progress-service raised an alert for a member's care team (for notification systems).
 * Key: member id. Topic: {@link ProgressTopics#CARE_ALERTS}.
 *
 * @param kind      e.g. RED_FLAG_SYMPTOM, REFERRAL, HIGH_PAIN, PAIN_ABOVE_BASELINE, INACTIVE, LOW_ADHERENCE
 * @param severity  URGENT, HIGH or NORMAL
 */
public record CareAlertRaised(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String memberId,
        UUID alertId,
        String kind,
        String severity,
        String reason,
        String clinicianId) {

    public static final String TYPE = "org.limber.progress.CareAlertRaised";
    public static final int SCHEMA_VERSION = 1;
}
