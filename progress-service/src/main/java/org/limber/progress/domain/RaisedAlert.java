package org.limber.progress.domain;

import java.time.Instant;
import java.util.UUID;

/** An alert that was stored (not one the member already had open, nor a repeat of its cause). */
public record RaisedAlert(UUID id, String memberId, AlertKind kind, Severity severity, String reason, String clinicianId,
        Instant raisedAt) {
}
