package org.limber.events.catalog;

/** A body region an exercise works. */
public enum Region {
    LOWER_BACK,
    MID_BACK,
    UPPER_BACK,
    NECK,
    CORE,
    HIPS,
    GLUTES,
    HAMSTRINGS,
    QUADRICEPS,
    SHOULDERS,
    CHEST,
    ARMS,
    WHOLE_BODY
}
