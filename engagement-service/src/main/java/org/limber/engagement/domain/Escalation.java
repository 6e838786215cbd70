package org.limber.engagement.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How an URGENT or EMERGENCY alert escalates while nobody acknowledges it: level 0 at once to the member's
 * clinician (to every triage clinician when the member has none), level 1 after {@code after} to the triage
 * clinicians and the admins, level 2 after a further {@code after} to them again; then it stays with them.
 */
public final class Escalation {

    public static final int LAST_LEVEL = 2;

    public enum Notified {
        CLINICIAN,
        TRIAGE,
        TRIAGE_AND_ADMINS
    }

    private Escalation() {}

    /** Severities that escalate; an unknown or lower severity does not. */
    public static boolean escalates(String severity) {
        return "URGENT".equals(severity) || "EMERGENCY".equals(severity);
    }

    /** Who a level notifies. */
    public static Notified notified(int level, boolean hasClinician) {
        if (level == 0) {
            return hasClinician ? Notified.CLINICIAN : Notified.TRIAGE;
        }
        return Notified.TRIAGE_AND_ADMINS;
    }

    /** When the level after {@code level} is due, reached at {@code at}; empty after the last. */
    public static Optional<Instant> nextAt(int level, Instant at, Duration after) {
        return level >= LAST_LEVEL ? Optional.empty() : Optional.of(at.plus(after));
    }
}
