package org.limber.engagement.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder that falls due: when, the planned day it is about (the day of the session, or for a nudge the
 * day that was missed), and its kind.
 */
public record Due(Instant at, LocalDate day, Kind kind) {

    public enum Kind {
        /** A planned day's reminder. */
        SESSION,
        /** The day after a planned day whose session was not logged: one nudge. */
        NUDGE
    }
}
