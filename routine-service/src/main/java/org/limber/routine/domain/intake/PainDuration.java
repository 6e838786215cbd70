package org.limber.routine.domain.intake;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How long the current episode of back pain has lasted. */
public enum PainDuration {
    UNDER_6_WEEKS(0),
    WEEKS_6_TO_12(6),
    OVER_12_WEEKS(12);

    /** The fewest weeks an episode in this band has lasted. */
    public final int atLeastWeeks;

    PainDuration(int atLeastWeeks) {
        this.atLeastWeeks = atLeastWeeks;
    }

    /**
     * The band an episode answered as this one on {@code answered} is in on {@code day}: answers age, so
     * that rules for early pain ("under 12 weeks") lapse as the weeks pass. Conservative: the episode moves
     * to a later band only once it has certainly reached it (the band's lower bound plus the weeks since),
     * since the early bands carry the stricter rules. An episode of "under 6 weeks" is over 6 weeks six weeks
     * later, and over 12 weeks twelve weeks later.
     */
    public PainDuration on(LocalDate answered, LocalDate day) {
        long weeks = Math.max(0, ChronoUnit.WEEKS.between(answered, day));
        long least = atLeastWeeks + weeks;
        return least >= OVER_12_WEEKS.atLeastWeeks
                ? OVER_12_WEEKS
                : least >= WEEKS_6_TO_12.atLeastWeeks ? WEEKS_6_TO_12 : UNDER_6_WEEKS;
    }
}
