package org.limber.events.catalog;

/** What kind of exercise it is. */
public enum Category {
    MOBILITY,
    STRETCH,
    CORE_STABILITY,
    STRENGTHENING,
    FUNCTIONAL,
    BREATHING,
    AEROBIC,
    SOFT_TISSUE_RELEASE
}
