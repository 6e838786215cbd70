package org.limber.common.outbox;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

    /** Any number works, as long as it is the same for every instance of a service. */
    private static final long RELAY_LOCK = 0x0b7b0c5L;

    /**
     * Takes the relay lock for the current transaction, so that one instance relays at a time
     * and events leave in the order they were written.
     */
    public boolean tryRelayLock() {
        return (Boolean) getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")
                .getSingleResult();
    }

    public List<OutboxEvent> nextBatch(int size) {
        return find("publishedAt is null order by id").page(0, size).list();
    }

    /** Marks these events published (one more attempt each, no error). */
    public void markPublished(List<Long> ids, Instant publishedAt) {
        if (!ids.isEmpty()) {
            update("publishedAt = ?1, attempts = attempts + 1, lastError = null where id in ?2", publishedAt, ids);
        }
    }

    public long backlog() {
        return count("publishedAt is null");
    }

    public long deletePublishedBefore(Instant cutoff) {
        return delete("publishedAt < ?1", cutoff);
    }
}
