package org.limber.progress.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.limber.common.paging.Page;
import org.limber.common.privacy.ErasedMembers;
import org.limber.common.privacy.Pseudonyms;
import org.limber.common.time.Timestamps;
import org.limber.events.audit.MemberDataAccessed;
import org.limber.progress.repository.AccessLogRepository;
import org.limber.progress.repository.AccessLogRepository.Entry;
import org.limber.progress.repository.AccessLogRepository.Filter;

/**
 * The access log: entries stored once, read by the member they are about and by admins, purged once older
 * than {@code limber.audit.retention} (default 6 years, {@code P2192D}) by a daily job.
 */
@ApplicationScoped
public class AccessLogService {

    private static final Logger LOG = Logger.getLogger(AccessLogService.class);

    private final AccessLogRepository repository;
    private final ErasedMembers erased;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private final Duration retention;

    public AccessLogService(
            AccessLogRepository repository,
            ErasedMembers erased,
            Pseudonyms pseudonyms,
            Clock clock,
            @ConfigProperty(name = "limber.audit.retention", defaultValue = "P2192D") Duration retention) {
        this.repository = repository;
        this.erased = erased;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Stores the entry (once by its event id); true when it was new. An entry about a member erased already (a
     * late event, or a replay of the topic) is kept, as every audit entry outlives an erasure, under the
     * member's pseudonym.
     */
    @Transactional
    public boolean record(MemberDataAccessed event) {
        if (erased.isErased(event.memberId())) {
            return repository.record(event, pseudonyms.of(event.memberId()));
        }
        return repository.record(event, event.memberId());
    }

    /** The entries about a member, newest first. */
    public Page<Entry> forMember(String memberId, int page, int size) {
        return repository.page(new Filter(memberId, null, null, null), page, size);
    }

    /** The entries matching an admin's filters, newest first. */
    public Page<Entry> search(Filter filter, int page, int size) {
        return repository.page(filter, page, size);
    }

    /** Deletes the entries older than the retention; returns how many. */
    public int purge() {
        Instant cutoff = Timestamps.now(clock).minus(retention);
        return repository.purgeBefore(cutoff);
    }

    @Scheduled(
            every = "${limber.audit.purge-interval:24h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        try {
            int purged = purge();
            if (purged > 0) {
                LOG.infof("Access log: %d entries older than %s purged", purged, retention);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Access log purge failed, will retry: %s", e.toString());
        }
    }

    public Duration retention() {
        return retention;
    }
}
