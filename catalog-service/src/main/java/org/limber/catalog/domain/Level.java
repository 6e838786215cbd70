package org.limber.catalog.domain;

/** How demanding an exercise is, in increasing order. */
public enum Level {
    BEGINNER, INTERMEDIATE, ADVANCED
}
