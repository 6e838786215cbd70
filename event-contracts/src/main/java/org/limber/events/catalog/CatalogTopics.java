package org.limber.events.catalog;

/** Topic names of the catalog's events. */
public final class CatalogTopics {

    /**
     * Compacted topic, key = exercise slug, latest record per slug = its current state.
     * Event type in the CloudEvents {@code ce_type} header.
     */
    public static final String EXERCISES = "catalog.exercises";

    private CatalogTopics() {}
}
