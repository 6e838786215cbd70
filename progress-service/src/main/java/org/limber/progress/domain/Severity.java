package org.limber.progress.domain;

/**
 * How soon the care team should act; a higher rank sorts first. EMERGENCY is not a rule's severity: an URGENT
 * red-flag alert with a sign of cauda equina becomes one ({@link EmergencySigns}).
 */
public enum Severity {
    NORMAL(1),
    HIGH(2),
    URGENT(3),
    EMERGENCY(4);

    public final int rank;

    Severity(int rank) {
        this.rank = rank;
    }
}
