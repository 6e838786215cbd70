package org.limber.events.catalog;

/** The main movement direction of the spine. */
public enum Direction {
    FLEXION,
    EXTENSION,
    ROTATION,
    LATERAL,
    NEUTRAL
}
