package org.limber.routine.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.limber.common.time.Timestamps;
import org.limber.events.catalog.ExercisePublished;
import org.limber.events.catalog.ExerciseRetired;
import org.limber.events.catalog.ExerciseSnapshot;
import org.limber.routine.domain.CatalogExercise;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.ExerciseOptions;
import org.limber.routine.repository.CatalogExerciseRepository;

/**
 * This service's copy of the catalog. Applying an event is idempotent and order-safe: only a
 * newer version (or the retirement of the version held) changes anything, so a redelivery or a
 * replay of the whole topic leaves the copy as it is.
 */
@ApplicationScoped
public class CatalogReplica {

    private static final Logger LOG = Logger.getLogger(CatalogReplica.class);

    private final CatalogExerciseRepository exercises;
    private final Clock clock;

    public CatalogReplica(CatalogExerciseRepository exercises, Clock clock) {
        this.exercises = exercises;
        this.clock = clock;
    }

    /**
     * Applies one catalog event, parsed and checked by the consumer ({@code ExercisePublished} or
     * {@code ExerciseRetired}).
     */
    @Transactional
    public void apply(Object event) {
        if (event instanceof ExercisePublished published) {
            store(published.exercise(), published.version(), "PUBLISHED");
        } else if (event instanceof ExerciseRetired retired) {
            store(retired.exercise(), retired.version(), "RETIRED");
        } else {
            throw new IllegalArgumentException(
                    "not a catalog event: " + event.getClass().getSimpleName());
        }
    }

    private void store(ExerciseSnapshot snapshot, int version, String status) {
        CatalogExercise held = exercises.findById(snapshot.slug());
        if (!CatalogExercise.isNewer(version, status, held)) {
            LOG.debugf(
                    "Catalog event for %s v%d (%s) is not newer than what is held; ignored",
                    snapshot.slug(), version, status);
            return;
        }
        boolean isNew = held == null;
        if (isNew) {
            held = new CatalogExercise();
            held.slug = snapshot.slug();
        }
        held.version = version;
        held.status = status;
        held.snapshot = snapshot;
        held.updatedAt = Timestamps.now(clock);
        if (isNew) {
            exercises.persist(held);
        }
    }

    /** Published exercises the plan builder can use. */
    @Transactional
    public List<ExerciseOption> options() {
        return exercises.published().stream()
                .map(e -> ExerciseOptions.from(e.snapshot))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The held exercises among {@code slugs}, in one query. */
    @Transactional
    public List<CatalogExercise> findAll(List<String> slugs) {
        return exercises.list("slug in ?1", slugs);
    }

    @Transactional
    public Optional<CatalogExercise> find(String slug) {
        return exercises.findByIdOptional(slug);
    }
}
