package org.limber.catalog.domain;

/** The starting position. */
public enum Position {
    STANDING, SEATED, SUPINE, PRONE, SIDE_LYING, HANDS_AND_KNEES, KNEELING
}
