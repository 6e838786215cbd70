package org.limber.routine.domain.intake;

/** How long the current episode of back pain has lasted. */
public enum PainDuration {
    UNDER_6_WEEKS,
    WEEKS_6_TO_12,
    OVER_12_WEEKS
}
