package org.limber.routine.domain.intake;

/**
 * Which movement eases the member's pain, asked at intake ("which eases your pain: bending forward,
 * arching back, or neither?"). It chooses among the gentle options of a flare: many people's pain
 * eases in one direction and worsens in the other, and a flare is the time to move in the easing one.
 */
public enum DirectionalPreference {
    /** Bending forward eases it (often with stenosis). */
    FLEXION,
    /** Arching back eases it (often with disc-related pain). */
    EXTENSION,
    /** Neither, or the member cannot tell: both kinds of gentle option stay. */
    NEITHER
}
