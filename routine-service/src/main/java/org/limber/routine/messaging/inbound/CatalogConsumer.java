package org.limber.routine.messaging.inbound;

import java.util.List;
import java.util.function.UnaryOperator;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.limber.common.messaging.EventIntake;
import org.limber.events.catalog.ExercisePublished;
import org.limber.events.catalog.ExerciseRetired;
import org.limber.events.catalog.ExerciseSnapshot;
import org.limber.routine.service.CatalogCatchUp;
import org.limber.routine.service.CatalogReplica;

/**
 * Keeps this service's copy of the catalog from the catalog.exercises topic (from its beginning
 * for a new deployment), through the shared {@link EventIntake}: a record that can never be
 * applied goes to the dead-letter topic with the reason in its headers and consumption carries on;
 * a passing fault of the database is retried with back-off (a retirement is never lost to it). The
 * offset is committed only after the database transaction.
 */
@ApplicationScoped
public class CatalogConsumer {

    public static final String CHANNEL = "catalog-exercises";

    /** As catalog-service's slugs (3 to 60 characters). */
    static final int MAX_SLUG_LENGTH = 60;

    static final String REQUIREMENT = "a slug of 1 to " + MAX_SLUG_LENGTH
            + " characters, a version of 1 or more, and the exercise of that slug and version with its dose";

    static final List<EventIntake.EventType<?>> KINDS = List.of(
            new EventIntake.EventType<>(
                    ExercisePublished.TYPE,
                    ExercisePublished.class,
                    ExercisePublished.SCHEMA_VERSION,
                    ExercisePublished::schemaVersion,
                    e -> complete(e.slug(), e.version(), e.exercise()),
                    REQUIREMENT,
                    UnaryOperator.identity()),
            new EventIntake.EventType<>(
                    ExerciseRetired.TYPE,
                    ExerciseRetired.class,
                    ExerciseRetired.SCHEMA_VERSION,
                    ExerciseRetired::schemaVersion,
                    e -> complete(e.slug(), e.version(), e.exercise()),
                    REQUIREMENT,
                    UnaryOperator.identity()));

    private final CatalogReplica replica;
    private final EventIntake intake;
    private final CatalogCatchUp catchUp;

    public CatalogConsumer(CatalogReplica replica, EventIntake intake, CatalogCatchUp catchUp) {
        this.replica = replica;
        this.intake = intake;
        this.catchUp = catchUp;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        try {
            intake.take(record, KINDS, replica::apply, "catalog event for " + record.key());
        } finally {
            // Applied, or on its way to the dead-letter topic: either way the copy has read it.
            catchUp.consumed(record.partition(), record.offset());
        }
    }

    private static boolean complete(String slug, int version, ExerciseSnapshot snapshot) {
        return slug != null
                && !slug.isBlank()
                && slug.length() <= MAX_SLUG_LENGTH
                && version >= 1
                && snapshot != null
                && slug.equals(snapshot.slug())
                && snapshot.version() == version
                && snapshot.dose() != null;
    }
}
