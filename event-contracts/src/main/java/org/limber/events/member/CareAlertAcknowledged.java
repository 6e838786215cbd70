package org.limber.events.member;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone on the care team acknowledged an alert (progress-service): its escalation stops. An acknowledged
 * alert that reopens is published again as {@link CareAlertRaised} ({@code reopened} true).
 * Key: member id. Topic: {@link ProgressTopics#CARE_ALERTS}.
 *
 * @param alertId        the alert ({@link CareAlertRaised#alertId()})
 * @param acknowledgedBy the user id (token subject) of the clinician or admin who acknowledged it
 * @param acknowledgedAt when
 */
public record CareAlertAcknowledged(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String memberId,
        UUID alertId,
        String acknowledgedBy,
        Instant acknowledgedAt) {

    public static final String TYPE = "org.limber.progress.CareAlertAcknowledged";
    public static final int SCHEMA_VERSION = 1;
}
