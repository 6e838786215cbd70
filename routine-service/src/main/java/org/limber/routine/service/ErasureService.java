package org.limber.routine.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.limber.common.paging.Page;
import org.limber.common.privacy.ErasedMembers;
import org.limber.common.privacy.Pseudonyms;
import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.routine.domain.privacy.Erasure;
import org.limber.routine.domain.privacy.Erasure.Status;
import org.limber.routine.domain.privacy.LegalHold;
import org.limber.routine.messaging.outbound.PrivacyEvents;
import org.limber.routine.repository.ErasureRepository;
import org.limber.routine.repository.RoutineRowsEraser;

/**
 * A member's erasure (GDPR Art. 17), owned here. A request (the member's or an admin's) waits as HELD
 * while a legal hold is on the member; otherwise, in one transaction, routine deletes every row of
 * its own that holds the member's id, records the member as erased (the event intake then passes
 * over any later event about them) and asks progress and engagement through the outbox
 * ({@code privacy.erasure-requests}). Their reports mark their parts done; when both are, the
 * member's Keycloak account is deleted ({@link ErasureAccounts}) and the request completes. Every
 * step is in the database or the outbox, so a restart midway loses nothing, and every step is
 * idempotent: a repeated request answers the same request, a repeated report changes nothing.
 */
@ApplicationScoped
public class ErasureService {

    private static final Logger LOG = Logger.getLogger(ErasureService.class);

    /** A request and whether this call made it (false: it was there already). */
    public record Requested(Erasure erasure, boolean created) {}

    private final ErasureRepository erasures;
    private final RoutineRowsEraser eraser;
    private final ErasedMembers erased;
    private final Pseudonyms pseudonyms;
    private final PrivacyEvents events;
    private final PersonDirectory directory;
    private final Clock clock;

    public ErasureService(
            ErasureRepository erasures,
            RoutineRowsEraser eraser,
            ErasedMembers erased,
            Pseudonyms pseudonyms,
            PrivacyEvents events,
            PersonDirectory directory,
            Clock clock) {
        this.erasures = erasures;
        this.eraser = eraser;
        this.erased = erased;
        this.pseudonyms = pseudonyms;
        this.events = events;
        this.directory = directory;
        this.clock = clock;
    }

    /** Asks for the member's erasure; a repeat answers the request made first. */
    @Transactional
    public Requested request(String memberId, String requestedBy) {
        String pseudonym = pseudonyms.of(memberId);
        erasures.lock(pseudonym);
        Optional<Erasure> existing = erasures.find(pseudonym);
        if (existing.isPresent()) {
            return new Requested(shown(existing.get(), memberId), false);
        }
        Instant now = Timestamps.now(clock);
        Optional<LegalHold> hold = erasures.hold(memberId);
        if (hold.isPresent()) {
            erasures.insert(
                    pseudonym,
                    memberId,
                    Status.HELD,
                    now,
                    requestedBy,
                    hold.get().reason());
            LOG.infof("Erasure of %s requested; held: %s", pseudonym, hold.get().reason());
        } else {
            erasures.insert(pseudonym, memberId, Status.IN_PROGRESS, now, requestedBy, null);
            start(memberId, pseudonym, now);
        }
        return new Requested(shown(erasures.find(pseudonym).orElseThrow(), memberId), true);
    }

    /** Routine's own part, in the caller's transaction: the rows erased, the others asked. */
    private void start(String memberId, String pseudonym, Instant now) {
        Map<String, Integer> deleted = eraser.erase(memberId);
        erased.record(memberId, now);
        erasures.markDone(pseudonym, Erasure.ROUTINE, now);
        events.erasureRequested(memberId);
        directory.forget(memberId);
        LOG.infof("Erasure of %s started; routine deleted %s", pseudonym, deleted);
    }

    /** The member's request, by their id; empty if none. */
    @Transactional
    public Optional<Erasure> find(String memberId) {
        return erasures.find(pseudonyms.of(memberId)).map(e -> shown(e, memberId));
    }

    @Transactional
    public Page<Erasure> page(Status status, int page, int size) {
        return erasures.page(status, page, size);
    }

    /**
     * Places a hold (or replaces its reason). A held request shows the new reason. Refused (409) once the
     * erasure has started: the record is no longer there to keep.
     */
    @Transactional
    public LegalHold placeHold(String memberId, String reason, String placedBy) {
        String pseudonym = pseudonyms.of(memberId);
        erasures.lock(pseudonym);
        Optional<Erasure> request = erasures.find(pseudonym);
        if (request.isPresent() && request.get().status() != Status.HELD) {
            throw ProblemException.conflict("the member's erasure is "
                    + request.get().status() + ": their record is already being erased, there is nothing left to hold");
        }
        erasures.placeHold(new LegalHold(memberId, reason, placedBy, Timestamps.now(clock)));
        if (request.isPresent()) {
            erasures.setStatus(pseudonym, Status.HELD, reason);
        }
        return erasures.hold(memberId).orElseThrow();
    }

    /** Releases a hold (none: nothing happens); a held request then proceeds, in the same transaction. */
    @Transactional
    public void releaseHold(String memberId) {
        String pseudonym = pseudonyms.of(memberId);
        erasures.lock(pseudonym);
        erasures.releaseHold(memberId);
        Optional<Erasure> request = erasures.find(pseudonym);
        if (request.isPresent() && request.get().status() == Status.HELD) {
            erasures.setStatus(pseudonym, Status.IN_PROGRESS, null);
            start(memberId, pseudonym, Timestamps.now(clock));
        }
    }

    @Transactional
    public Page<LegalHold> holds(int page, int size) {
        return erasures.holds(page, size);
    }

    /**
     * A service's report that it has erased the member's rows (a repeat, or one for no running request,
     * changes nothing). Returns the pseudonym when the account may now be deleted.
     */
    @Transactional
    public Optional<String> reported(String memberId, String service) {
        if (!Erasure.REPORTING.contains(service)) {
            LOG.warnf("An erasure report from an unknown service %s was passed over", service);
            return Optional.empty();
        }
        String pseudonym = pseudonyms.of(memberId);
        erasures.lock(pseudonym);
        Optional<Erasure> request = erasures.find(pseudonym);
        if (request.isEmpty() || request.get().status() != Status.IN_PROGRESS) {
            return Optional.empty();
        }
        erasures.markDone(pseudonym, service, Timestamps.now(clock));
        return erasures.find(pseudonym).filter(Erasure::readyForAccount).map(e -> pseudonym);
    }

    /** A request as shown to whoever asked by the member's id: the id, even once the request holds none. */
    private static Erasure shown(Erasure e, String memberId) {
        return new Erasure(
                memberId, e.status(), e.requestedAt(), e.requestedBy(), e.completedAt(), e.holdReason(), e.services());
    }
}
