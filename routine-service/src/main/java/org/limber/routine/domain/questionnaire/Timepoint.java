package org.limber.routine.domain.questionnaire;

/** Why a questionnaire is asked (the event's {@code timepoint}). */
public enum Timepoint {
    /** At the first intake: the start of the program. */
    BASELINE,
    WEEK_6,
    WEEK_12,
    /** At the end of the program. */
    END
}
