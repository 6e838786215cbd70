package org.limber.events.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * An exercise was retired: plans stop choosing it. The snapshot is its last published
 * content. Key: the slug. Topic: {@link CatalogTopics#EXERCISES}.
 */
public record ExerciseRetired(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String slug,
        int version,
        String reason,
        ExerciseSnapshot exercise) {

    public static final String TYPE = "org.limber.catalog.ExerciseRetired";
    public static final int SCHEMA_VERSION = 1;
}
