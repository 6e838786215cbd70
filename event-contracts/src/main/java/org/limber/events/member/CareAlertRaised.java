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
 * The other kinds fold: a new occurrence is counted on the member's unresolved alert of the kind; if
 * that alert was acknowledged, it reopens and is published again (same {@code alertId},
 * {@code reopened} true): acknowledging is not resolving.
 *
 * @param kind        RED_FLAG_SYMPTOM, REFERRAL, NEEDS_REVIEW, HIGH_PAIN, PAIN_ABOVE_BASELINE, INACTIVE, LOW_ADHERENCE,
 *                    CANNOT_REGRESS, CLEARANCE_OVERDUE or NO_RESPONSE (more may come: treat an unknown kind by its severity)
 * @param severity    EMERGENCY (cauda-equina signs: the safety advice's EMERGENCY_TODAY; added in schema version 1,
 *                    treat as above URGENT), URGENT, HIGH or NORMAL
 * @param clinicianId the member's clinician, or null when the member has none (the alert is in triage)
 * @param details     what the alert is about: the red-flag codes reported, or the reasons for a review
 *                    ("CODE: sentence"); empty for the other kinds (added in schema version 1, optional)
 * @param occurrences the causes the alert stands for so far: 1 for most new alerts, more once occurrences were
 *                    folded into it (added in schema version 1, optional: null means 1)
 * @param reopened    true when an acknowledged alert was reopened by a new occurrence: the same alert published again
 *                    (added in schema version 1, optional: null means false)
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
        List<String> details,
        Integer occurrences,
        Boolean reopened) {

    public static final String TYPE = "org.limber.progress.CareAlertRaised";
    public static final int SCHEMA_VERSION = 1;
}
