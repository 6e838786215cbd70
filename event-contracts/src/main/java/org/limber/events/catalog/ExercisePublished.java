package org.limber.events.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A new version of an exercise was published. Key: the slug. Topic: {@link CatalogTopics#EXERCISES}.
 */
public record ExercisePublished(
        UUID eventId, Instant occurredAt, int schemaVersion, String slug, int version, ExerciseSnapshot exercise) {

    public static final String TYPE = "org.limber.catalog.ExercisePublished";
    public static final int SCHEMA_VERSION = 1;
}
