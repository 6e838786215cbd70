package org.limber.events.member;

/** A dose as prescribed in a plan: repetitions (optionally held) or a duration, in sets, per side if unilateral. */
public record PrescribedDose(
        int sets, Integer reps, Integer holdSeconds, Integer durationSeconds, int restSeconds, boolean perSide) {}
