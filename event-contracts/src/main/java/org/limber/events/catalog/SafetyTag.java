package org.limber.events.catalog;

/**
 * What condition rules filter on. The meaning of each tag is documented for editors in
 * {@code exercise-content/src/main/resources/exercises/README.md}.
 */
public enum SafetyTag {
    SUSTAINED_EXTENSION,
    LOADED_EXTENSION,
    /** Arches the lower back in every repetition, without load (cat-cow). */
    REPEATED_EXTENSION,
    REPEATED_FLEXION,
    LOADED_FLEXION,
    LOADED_BENDING,
    LIFTING,
    TWISTING,
    FLOOR_TRANSFER,
    WEIGHT_ON_KNEES,
    WRIST_LOADING,
    BALANCE_DEMAND,
    HIGH_EFFORT,
    FLARE_SAFE,
    NOT_ON_SPINE,
    /** Can be done lying on a bed, for a member who cannot get down to the floor. */
    ON_BED
}
