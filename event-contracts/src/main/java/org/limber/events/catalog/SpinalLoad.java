package org.limber.events.catalog;

/** How much load the spine takes, in increasing order. */
public enum SpinalLoad {
    LOW,
    MODERATE,
    HIGH
}
