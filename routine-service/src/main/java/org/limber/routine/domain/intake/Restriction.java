package org.limber.routine.domain.intake;

/** Positions a member cannot get into. */
public enum Restriction {
    FLOOR,
    KNEELING
}
