package org.limber.progress.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert as the care team reads it; {@code clinicianId} is the member's clinician now (null: the member
 * has none, the alert is in triage); {@code occurrences} the causes it stands for, {@code lastOccurredAt}
 * when the latest was counted, {@code reopenedAt} when a new occurrence last reopened it after an
 * acknowledgement (null: never).
 */
public record Alert(
        UUID id,
        String memberId,
        String kind,
        String severity,
        String status,
        String reason,
        List<String> details,
        Instant raisedAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String acknowledgeNote,
        String resolvedBy,
        Instant resolvedAt,
        String resolveNote,
        String clinicianId,
        int occurrences,
        Instant lastOccurredAt,
        Instant reopenedAt) {}
