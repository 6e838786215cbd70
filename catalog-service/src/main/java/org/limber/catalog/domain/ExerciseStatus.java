package org.limber.catalog.domain;

public enum ExerciseStatus {
    PUBLISHED,
    RETIRED
}
