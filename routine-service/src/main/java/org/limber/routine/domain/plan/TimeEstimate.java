package org.limber.routine.domain.plan;

import org.limber.events.member.PrescribedDose;

/**
 * How long an exercise takes at a dose: every set of every side, the rest between sets, and a
 * moment to get into position.
 */
public final class TimeEstimate {

    /** Seconds one repetition takes to move through, before any hold. */
    public static final int SECONDS_PER_REPETITION = 4;
    /** Seconds to read the next exercise and get into position. */
    public static final int TRANSITION_SECONDS = 15;

    private TimeEstimate() {}

    public static int seconds(Dose dose, boolean unilateral) {
        int sides = unilateral ? 2 : 1;
        int perSet = dose.reps() != null
                ? dose.reps() * (SECONDS_PER_REPETITION + (dose.holdSeconds() == null ? 0 : dose.holdSeconds()))
                : (dose.durationSeconds() == null ? 0 : dose.durationSeconds());
        return TRANSITION_SECONDS + sides * dose.sets() * perSet + Math.max(0, dose.sets() - 1) * dose.restSeconds();
    }

    /** The estimate for a dose as prescribed. */
    public static int seconds(PrescribedDose dose) {
        return seconds(
                new Dose(
                        dose.sets(),
                        dose.reps(),
                        dose.holdSeconds(),
                        dose.durationSeconds(),
                        dose.restSeconds(),
                        null,
                        null,
                        null,
                        null),
                dose.perSide());
    }
}
