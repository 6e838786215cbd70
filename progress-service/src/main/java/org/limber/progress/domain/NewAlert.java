package org.limber.progress.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * An alert a rule calls for; {@code sourceId} names its cause (a session, a report, an intake, a
 * week, a day); {@code details} what it is about (red-flag codes, reasons for a review);
 * {@code inactiveSince} the day of the last activity of an INACTIVE alert (null for the other kinds),
 * which {@link Inactivity} ends it by.
 */
public record NewAlert(
        String memberId, AlertKind kind, String sourceId, List<String> details, LocalDate inactiveSince) {

    public NewAlert {
        details = details == null ? List.of() : details;
    }

    public NewAlert(String memberId, AlertKind kind, String sourceId, List<String> details) {
        this(memberId, kind, sourceId, details, null);
    }

    public NewAlert(String memberId, AlertKind kind, String sourceId) {
        this(memberId, kind, sourceId, List.of(), null);
    }
}
