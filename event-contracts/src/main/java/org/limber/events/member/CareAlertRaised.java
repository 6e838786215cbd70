package org.limber.events.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * progress-service raised an alert for a member's care team (for notification systems).
 * Key: member id. Topic: {@link ProgressTopics#CARE_ALERTS}.
 *
 * <p>Urgent kinds (a red flag, a referral) and reviews raise one alert per cause: a second red-flag
 * report while the first alert is open is an alert (and an event) of its own, never folded away.
 *
 * @param kind        e.g. RED_FLAG_SYMPTOM, REFERRAL, NEEDS_REVIEW, HIGH_PAIN, PAIN_ABOVE_BASELINE, INACTIVE, LOW_ADHERENCE
 * @param severity    URGENT, HIGH or NORMAL
 * @param clinicianId the member's clinician, or null when the member has none (the alert is in triage)
 * @param details     what the alert is about: the red-flag codes reported, or the reasons for a review
 *                    ("CODE: sentence"); empty for the other kinds (added in schema version 1, optional)
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
        String clinicianId,
        List<String> details) {

    public static final String TYPE = "org.limber.progress.CareAlertRaised";
    public static final int SCHEMA_VERSION = 1;
}
