package org.limber.catalog.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.limber.common.sql.AdvisoryLocks;

/**
 * Serialises changes to the published catalog across instances (publishing checks links
 * against the whole catalog, so two publishes must not interleave).
 */
@ApplicationScoped
public class CatalogLock {

    private static final long KEY = 0xCA7A109L;

    private final EntityManager em;

    public CatalogLock(EntityManager em) {
        this.em = em;
    }

    /** Waits for the lock; it is released when the current transaction ends. */
    public void lock() {
        AdvisoryLocks.lockForTransaction(em, KEY);
    }
}
