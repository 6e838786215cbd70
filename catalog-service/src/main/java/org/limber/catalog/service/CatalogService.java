package org.limber.catalog.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.limber.catalog.domain.CatalogIndex;
import org.limber.catalog.domain.ExerciseFilter;
import org.limber.catalog.repository.ExerciseRepository;
import org.limber.common.outbox.OutboxWritten;
import org.limber.common.problem.ProblemException;
import org.limber.events.catalog.CatalogTopics;

/**
 * What readers of the catalog ask, answered from memory: the published catalog is read from the
 * database into a {@link CatalogIndex} and replaced as a whole when it changes.
 * <p>
 * How an instance learns of a change: right after a transaction of its own that wrote a catalog
 * event commits (publication or retirement, by an editor or from the files), it reads the
 * catalog again before answering the editor; and every {@code limber.catalog.snapshot.poll}
 * (1 s) it asks the database for the catalog's version marker (one aggregate query over the
 * exercise table) and reads the catalog again when the marker differs, which is how it sees a
 * publication made by another instance. The database rather than the {@code catalog.exercises}
 * topic, because the marker is written in the same transaction as the change: nothing can be
 * missed between reading the catalog and subscribing, no consumer group per instance is left
 * behind in the broker, and a broker outage (the outbox holds the events back) does not leave an
 * instance showing an old catalog.
 */
@ApplicationScoped
public class CatalogService {

    private static final Logger LOG = Logger.getLogger(CatalogService.class);
    /** At most this many distinct search words are remembered; more are looked up each time. */
    static final int MAX_KEPT_WORDS = 2_000;

    private final ExerciseRepository exercises;
    private final Map<String, Set<String>> words = new ConcurrentHashMap<>();
    private volatile CatalogIndex index;

    public CatalogService(ExerciseRepository exercises) {
        this.exercises = exercises;
    }

    /** The catalog as last read; a 503 until it has been read once. */
    public CatalogIndex index() {
        CatalogIndex current = index;
        if (current == null) {
            throw new ProblemException(
                    503,
                    "catalog-loading",
                    "Service unavailable",
                    "The catalog is being loaded; try again in a moment.",
                    List.of());
        }
        return current;
    }

    /** Whether the lexemes of these search words are known without asking the database. */
    public boolean knowsWords(String q) {
        return words.containsKey(q);
    }

    /** The full-text lexemes of a reader's search words (asks the database the first time: blocking). */
    public Set<String> lexemes(String q) {
        Set<String> known = words.get(q);
        if (known != null) {
            return known;
        }
        Set<String> lexemes = Set.copyOf(QuarkusTransaction.requiringNew().call(() -> exercises.lexemes(q)));
        if (words.size() < MAX_KEPT_WORDS) {
            words.putIfAbsent(q, lexemes);
        }
        return lexemes;
    }

    /** Reads the whole catalog from the database and makes it the one answered. */
    public synchronized CatalogIndex refresh() {
        CatalogIndex fresh = QuarkusTransaction.requiringNew().call(() -> {
            String marker = exercises.marker();
            Map<ExerciseFilter.Sort, List<String>> orders = new EnumMap<>(ExerciseFilter.Sort.class);
            for (ExerciseFilter.Sort sort : ExerciseFilter.Sort.values()) {
                orders.put(sort, exercises.publishedSlugs(sort));
            }
            return new CatalogIndex(marker, exercises.all(), exercises.lexemes(), orders);
        });
        index = fresh;
        LOG.debugf("Catalog read into memory: version %s", fresh.marker());
        return fresh;
    }

    /** Reads the catalog again if the database's version marker differs from the one in memory. */
    public boolean refreshIfChanged() {
        CatalogIndex current = index;
        String marker = QuarkusTransaction.requiringNew().call(exercises::marker);
        if (current != null && marker.equals(current.marker())) {
            return false;
        }
        refresh();
        return true;
    }

    /** After the exercise files are loaded (the seed loader observes start-up first). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf(e, "The catalog could not be read at start; retrying every poll");
        }
    }

    /** This instance published or retired: answer the new catalog before the editor's response. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (CatalogTopics.EXERCISES.equals(written.topic())) {
            try {
                refresh();
            } catch (RuntimeException e) {
                LOG.warnf(
                        "The catalog could not be read again after a change (%s); the next poll will", e.getMessage());
            }
        }
    }

    /** Another instance may have published or retired. */
    @Scheduled(
            every = "${limber.catalog.snapshot.poll}",
            delayed = "${limber.catalog.snapshot.poll}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            refreshIfChanged();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "The catalog's version could not be checked (%s); the one in memory is answered meanwhile",
                    e.getMessage());
        }
    }
}
