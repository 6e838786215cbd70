package org.limber.progress.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An alert that was stored (not one folded into an open one of its kind, nor a repeat of its cause). */
public record RaisedAlert(
        UUID id,
        String memberId,
        AlertKind kind,
        Severity severity,
        String reason,
        List<String> details,
        String clinicianId,
        Instant raisedAt) {}
