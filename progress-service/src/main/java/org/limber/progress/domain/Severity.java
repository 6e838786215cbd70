package org.limber.progress.domain;

/** How soon the care team should act; a higher rank sorts first. */
public enum Severity {
    NORMAL(1),
    HIGH(2),
    URGENT(3);

    public final int rank;

    Severity(int rank) {
        this.rank = rank;
    }
}
