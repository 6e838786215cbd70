package org.limber.catalog.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import org.limber.catalog.domain.Dose;
import org.limber.catalog.domain.Exercise;
import org.limber.catalog.domain.ExerciseContent;
import org.limber.common.outbox.Outbox;
import org.limber.events.catalog.CatalogTopics;
import org.limber.events.catalog.ExercisePublished;
import org.limber.events.catalog.ExerciseRetired;
import org.limber.events.catalog.ExerciseSnapshot;

/**
 * Writes the catalog's events into the outbox, in the transaction of the change:
 * {@link ExercisePublished} and {@link ExerciseRetired}, keyed by slug, with a full snapshot.
 */
@ApplicationScoped
public class ExerciseEvents {

    private final Outbox outbox;
    private final Clock clock;

    public ExerciseEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void published(Exercise exercise) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        outbox.add(
                CatalogTopics.EXERCISES,
                exercise.slug,
                ExercisePublished.TYPE,
                id,
                now,
                new ExercisePublished(
                        id,
                        now,
                        ExercisePublished.SCHEMA_VERSION,
                        exercise.slug,
                        exercise.version,
                        snapshot(exercise)));
    }

    public void retired(Exercise exercise) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        outbox.add(
                CatalogTopics.EXERCISES,
                exercise.slug,
                ExerciseRetired.TYPE,
                id,
                now,
                new ExerciseRetired(
                        id,
                        now,
                        ExerciseRetired.SCHEMA_VERSION,
                        exercise.slug,
                        exercise.version,
                        exercise.retireReason,
                        snapshot(exercise)));
    }

    static ExerciseSnapshot snapshot(Exercise exercise) {
        ExerciseContent c = exercise.content;
        Dose d = c.dose();
        ExerciseSnapshot.Dose dose = new ExerciseSnapshot.Dose(
                d.sets(),
                d.reps(),
                d.holdSeconds(),
                d.durationSeconds(),
                d.restSeconds(),
                range(d.range().sets()),
                range(d.range().reps()),
                range(d.range().holdSeconds()),
                range(d.range().durationSeconds()));
        return new ExerciseSnapshot(
                exercise.slug,
                exercise.version,
                exercise.status.name(),
                c.name(),
                c.aliases(),
                c.description(),
                c.category().name(),
                exercise.regions,
                c.muscles(),
                c.position().name(),
                exercise.equipment,
                c.level().name(),
                c.unilateral(),
                dose,
                c.steps(),
                c.mayFeel(),
                c.tips(),
                c.commonMistakes(),
                c.direction().name(),
                c.spinalLoad().name(),
                exercise.safetyTags,
                c.easier(),
                c.harder());
    }

    private static ExerciseSnapshot.Range range(Dose.Range range) {
        return range == null ? null : new ExerciseSnapshot.Range(range.min(), range.max());
    }
}
