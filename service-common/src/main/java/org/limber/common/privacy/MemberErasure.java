package org.limber.common.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.limber.common.outbox.Outbox;
import org.limber.events.privacy.MemberErased;
import org.limber.events.privacy.PrivacyTopics;

/**
 * A service's answer to {@code privacy.erasure-requests} (progress, engagement): in one transaction,
 * every {@link MemberDataEraser} of the service erases the member's rows, the member is recorded as
 * erased ({@link ErasedMembers}: the event intake passes over anything later about them) and
 * {@link MemberErased} naming this service ({@code limber.privacy.service}) is written to the outbox
 * for routine-service. A repeat (the member erased already) changes nothing and reports nothing again.
 */
@ApplicationScoped
public class MemberErasure {

    private static final Logger LOG = Logger.getLogger(MemberErasure.class);

    private final Instance<MemberDataEraser> erasers;
    private final ErasedMembers erased;
    private final Pseudonyms pseudonyms;
    private final Outbox outbox;
    private final Clock clock;
    private final String service;

    public MemberErasure(
            @Any Instance<MemberDataEraser> erasers,
            ErasedMembers erased,
            Pseudonyms pseudonyms,
            Outbox outbox,
            Clock clock,
            @ConfigProperty(name = "limber.privacy.service", defaultValue = "") String service) {
        this.erasers = erasers;
        this.erased = erased;
        this.pseudonyms = pseudonyms;
        this.outbox = outbox;
        this.clock = clock;
        this.service = service;
    }

    /** Erases the member here; returns false (changing nothing) when they were erased already. */
    @Transactional
    public boolean erase(String memberId) {
        if (service.isBlank()) {
            throw new IllegalStateException("limber.privacy.service is not set: the service's name in its reports");
        }
        Instant now = clock.instant();
        if (!erased.record(memberId, now)) {
            return false;
        }
        String pseudonym = pseudonyms.of(memberId);
        Map<String, Integer> changed = new LinkedHashMap<>();
        for (MemberDataEraser eraser : erasers) {
            changed.putAll(eraser.erase(memberId, pseudonym));
        }
        UUID id = UUID.randomUUID();
        outbox.add(
                PrivacyTopics.ERASURE_REPORTS,
                memberId,
                MemberErased.TYPE,
                id,
                now,
                new MemberErased(id, now, MemberErased.SCHEMA_VERSION, memberId, service));
        LOG.infof("Erased %s in %s: %s", pseudonym, service, changed);
        return true;
    }
}
