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
    /** Rounds the lower back forward without load, in repetitions or a held stretch (knee to chest). */
    REPEATED_FLEXION,
    LOADED_FLEXION,
    LOADED_BENDING,
    /** Bends the trunk sideways (standing side bend); every LATERAL-direction exercise carries it. */
    LATERAL_BENDING,
    LIFTING,
    TWISTING,
    FLOOR_TRANSFER,
    WEIGHT_ON_KNEES,
    WRIST_LOADING,
    BALANCE_DEMAND,
    HIGH_EFFORT,
    /**
     * Raises the pressure in the belly or presses on it: a hard brace held (planks), long-lever core
     * work, lifting a weight, or a tool pressing into the belly or groin. For a hernia or recent
     * abdominal surgery.
     */
    ABDOMINAL_PRESSURE,
    FLARE_SAFE,
    /** A soft-tissue tool used away from the spine (buttocks, thighs, hips), never on it. */
    NOT_ON_SPINE,
    /** A tool pressing on the spine itself (a foam roller across the upper back); never the lower back. */
    PRESSURE_ON_SPINE,
    /** Can be done lying on a bed, for a member who cannot get down to the floor. */
    ON_BED
}
