package org.limber.events.catalog;

/** Something a member needs at hand (a wall counts as none). */
public enum Equipment {
    NONE,
    MAT,
    CHAIR,
    TOWEL,
    RESISTANCE_BAND,
    FOAM_ROLLER,
    LIGHT_WEIGHTS
}
