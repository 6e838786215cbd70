package org.limber.routine.domain.plan;

import org.limber.events.member.PrescribedDose;

/**
 * A dose with the range progression may move it in (ranges are null where the value is).
 */
public record Dose(
        int sets,
        Integer reps,
        Integer holdSeconds,
        Integer durationSeconds,
        int restSeconds,
        Range setsRange,
        Range repsRange,
        Range holdSecondsRange,
        Range durationSecondsRange) {

    public record Range(int min, int max) {}

    /** The smallest dose its ranges allow: what is prescribed when time is short. */
    public Dose minimum() {
        return new Dose(
                min(setsRange, sets),
                min(repsRange, reps),
                min(holdSecondsRange, holdSeconds),
                min(durationSecondsRange, durationSeconds),
                restSeconds,
                setsRange,
                repsRange,
                holdSecondsRange,
                durationSecondsRange);
    }

    public PrescribedDose prescribed(boolean perSide) {
        return new PrescribedDose(sets, reps, holdSeconds, durationSeconds, restSeconds, perSide);
    }

    private static Integer min(Range range, Integer value) {
        return value == null || range == null ? value : Integer.valueOf(Math.min(range.min(), value));
    }
}
