package org.limber.routine.service;

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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * This service's copy of the catalog. Applying an event is idempotent and order-safe: only a
 * newer version (or the retirement of the version held) changes anything, so a redelivery or a
 * replay of the whole topic leaves the copy as it is.
 */
@ApplicationScoped
public class CatalogReplica {

    private static final Logger LOG = Logger.getLogger(CatalogReplica.class);

    private final CatalogExerciseRepository exercises;
    private final ObjectMapper json;

    public CatalogReplica(CatalogExerciseRepository exercises, ObjectMapper mapper) {
        this.exercises = exercises;
        // Events from a newer catalog may carry fields this service does not know yet.
        this.json = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Applies one catalog event; throws (and so sends it to the dead-letter topic) if it cannot be understood. */
    @Transactional
    public void apply(String type, String payload) {
        if (type == null) {
            throw new IllegalArgumentException("the record has no ce_type header");
        }
        switch (type) {
            case ExercisePublished.TYPE -> {
                ExercisePublished event = read(payload, ExercisePublished.class);
                requireSupported(event.schemaVersion(), ExercisePublished.SCHEMA_VERSION, event.slug(), event.exercise());
                store(event.exercise(), event.version(), "PUBLISHED");
            }
            case ExerciseRetired.TYPE -> {
                ExerciseRetired event = read(payload, ExerciseRetired.class);
                requireSupported(event.schemaVersion(), ExerciseRetired.SCHEMA_VERSION, event.slug(), event.exercise());
                store(event.exercise(), event.version(), "RETIRED");
            }
            default -> throw new IllegalArgumentException("unknown event type " + type);
        }
    }

    private void store(ExerciseSnapshot snapshot, int version, String status) {
        CatalogExercise held = exercises.findById(snapshot.slug());
        if (!CatalogExercise.isNewer(version, status, held)) {
            LOG.debugf("Catalog event for %s v%d (%s) is not newer than what is held; ignored", snapshot.slug(), version, status);
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
        held.updatedAt = Timestamps.now();
        if (isNew) {
            exercises.persist(held);
        }
    }

    /** Published exercises the plan builder can use. */
    @Transactional
    public List<ExerciseOption> options() {
        return exercises.published().stream().map(e -> ExerciseOptions.from(e.snapshot)).flatMap(Optional::stream).toList();
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

    private <T> T read(String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    private static void requireSupported(int schemaVersion, int supported, String slug, ExerciseSnapshot snapshot) {
        if (schemaVersion < 1 || schemaVersion > supported) {
            throw new IllegalArgumentException("unsupported schema version " + schemaVersion);
        }
        if (slug == null || snapshot == null || !slug.equals(snapshot.slug()) || snapshot.dose() == null) {
            throw new IllegalArgumentException("incomplete event for " + slug);
        }
    }
}
