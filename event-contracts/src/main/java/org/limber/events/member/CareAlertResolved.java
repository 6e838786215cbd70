package org.limber.events.member;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert was resolved (by a clinician, or by the rule that raised it, for example an inactive member who
 * logged a session): nothing about it waits any more, and any escalation stops.
 * Key: member id. Topic: {@link ProgressTopics#CARE_ALERTS}.
 *
 * @param alertId    the alert ({@link CareAlertRaised#alertId()})
 * @param resolvedBy the user id of who resolved it, or null when a rule resolved it
 * @param resolvedAt when
 */
public record CareAlertResolved(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String memberId,
        UUID alertId,
        String resolvedBy,
        Instant resolvedAt) {

    public static final String TYPE = "org.limber.progress.CareAlertResolved";
    public static final int SCHEMA_VERSION = 1;
}
