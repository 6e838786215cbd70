package org.limber.routine.domain.intake;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When the red-flag questions are asked again after the intake. Answers age: a member screened clear
 * in week 1 may have a new sign by week 6, and a member in pain does not always think to report one.
 *
 * <ul>
 * <li>Every {@value #EVERY_DAYS} days after the last screening (or intake): frequent enough that a
 * sign that appeared since is asked about within a month, rare enough not to train members to
 * click "no" without reading.</li>
 * <li>At the start of every flare: a flare is when a serious cause most often first shows itself
 * as "just worse pain", so the questions come again then, whatever the date of the last ones.</li>
 * </ul>
 */
public final class ScreeningDue {

    /** Days between screenings. */
    public static final int EVERY_DAYS = 28;

    /** A screening due: since when, and why, in the member's words. */
    public record Due(LocalDate since, String reason) {}

    private ScreeningDue() {}

    /** Whether a screening is due on {@code today}, given the last one and, in a flare, the day it began. */
    public static Optional<Due> on(LocalDate lastScreened, LocalDate flareSince, LocalDate today) {
        if (flareSince != null && flareSince.isAfter(lastScreened) && !flareSince.isAfter(today)) {
            return Optional.of(
                    new Due(
                            flareSince,
                            "Your pain flared up: please answer the warning-sign questions again, so that nothing serious is missed."));
        }
        LocalDate next = lastScreened.plusDays(EVERY_DAYS);
        if (!next.isAfter(today)) {
            return Optional.of(new Due(
                    next,
                    "It has been " + EVERY_DAYS / 7
                            + " weeks since you last answered the warning-sign questions: please answer them again."));
        }
        return Optional.empty();
    }

    /** The next date a screening falls due when none is due now (the flare rule aside). */
    public static LocalDate next(LocalDate lastScreened) {
        return lastScreened.plusDays(EVERY_DAYS);
    }
}
