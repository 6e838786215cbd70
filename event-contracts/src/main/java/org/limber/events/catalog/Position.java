package org.limber.events.catalog;

/** The starting position. */
public enum Position {
    STANDING,
    SEATED,
    SUPINE,
    PRONE,
    SIDE_LYING,
    HANDS_AND_KNEES,
    KNEELING
}
