package org.limber.progress.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert put in front of the care team, to publish: a new one, or an acknowledged one that a new
 * occurrence reopened ({@code reopened}; the same id published again). Not an occurrence counted on an
 * alert that is still open, nor a repeat of a cause.
 *
 * @param occurrences the causes the alert stands for so far (1 for most new alerts)
 */
public record RaisedAlert(
        UUID id,
        String memberId,
        AlertKind kind,
        Severity severity,
        String reason,
        List<String> details,
        String clinicianId,
        Instant raisedAt,
        int occurrences,
        boolean reopened) {}
