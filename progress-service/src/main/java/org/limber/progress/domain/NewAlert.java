package org.limber.progress.domain;

import java.util.List;

/**
 * An alert a rule calls for; {@code sourceId} names its cause (a session, a report, an intake, a
 * week, a day); {@code details} what it is about (red-flag codes, reasons for a review).
 */
public record NewAlert(String memberId, AlertKind kind, String sourceId, List<String> details) {

    public NewAlert {
        details = details == null ? List.of() : details;
    }

    public NewAlert(String memberId, AlertKind kind, String sourceId) {
        this(memberId, kind, sourceId, List.of());
    }
}
