package org.limber.events.catalog;

/** How demanding an exercise is, in increasing order. */
public enum Level {
    BEGINNER,
    INTERMEDIATE,
    ADVANCED
}
