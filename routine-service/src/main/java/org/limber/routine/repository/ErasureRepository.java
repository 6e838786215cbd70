package org.limber.routine.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.orm.panache.Panache;

import org.limber.common.paging.Page;
import org.limber.routine.domain.privacy.Erasure;
import org.limber.routine.domain.privacy.Erasure.Part;
import org.limber.routine.domain.privacy.Erasure.Status;
import org.limber.routine.domain.privacy.LegalHold;

/** Erasure requests (found by the member's pseudonym), each service's part in them, and legal holds. */
@ApplicationScoped
public class ErasureRepository {

    private static final String REQUEST_COLUMNS =
            "pseudonym, member_id, status, requested_at, requested_by, completed_at, hold_reason";

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    /** Serializes everything about one member's erasure and hold (transaction-level advisory lock). */
    public void lock(String pseudonym) {
        em().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "erasure:" + pseudonym)
                .getSingleResult();
    }

    public Optional<Erasure> find(String pseudonym) {
        List<Tuple> rows = em().createNativeQuery(
                        "select " + REQUEST_COLUMNS + " from erasure_request where pseudonym = ?1", Tuple.class)
                .setParameter(1, pseudonym)
                .getResultList();
        return rows.stream().findFirst().map(this::erasure);
    }

    /** The member id of a request still running (null once completed). */
    public Optional<String> memberId(String pseudonym) {
        return find(pseudonym).filter(e -> e.status() != Status.COMPLETED).map(Erasure::memberId);
    }

    /** A new request, every service's part pending. */
    public void insert(String pseudonym, String memberId, Status status, Instant at, String by, String holdReason) {
        em().createNativeQuery("insert into erasure_request (pseudonym, member_id, status, requested_at, requested_by,"
                        + " hold_reason) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, pseudonym)
                .setParameter(2, memberId)
                .setParameter(3, status.name())
                .setParameter(4, Timestamp.from(at))
                .setParameter(5, by)
                .setParameter(6, holdReason)
                .executeUpdate();
        for (String service : Erasure.SERVICES) {
            em().createNativeQuery(
                            "insert into erasure_service (pseudonym, service, status) values (?1, ?2, 'PENDING')")
                    .setParameter(1, pseudonym)
                    .setParameter(2, service)
                    .executeUpdate();
        }
    }

    public void setStatus(String pseudonym, Status status, String holdReason) {
        em().createNativeQuery("update erasure_request set status = ?2, hold_reason = ?3 where pseudonym = ?1")
                .setParameter(1, pseudonym)
                .setParameter(2, status.name())
                .setParameter(3, holdReason)
                .executeUpdate();
    }

    /** Marks a service's part done (a repeat changes nothing); true if it was pending. */
    public boolean markDone(String pseudonym, String service, Instant at) {
        return em().createNativeQuery("update erasure_service set status = 'DONE', completed_at = ?3, last_error = null"
                                + " where pseudonym = ?1 and service = ?2 and status = 'PENDING'")
                        .setParameter(1, pseudonym)
                        .setParameter(2, service)
                        .setParameter(3, Timestamp.from(at))
                        .executeUpdate()
                == 1;
    }

    /** Notes a failed attempt at a service's part (the Keycloak account), for the retry job. */
    public void attemptFailed(String pseudonym, String service, Instant at, String error) {
        em().createNativeQuery("update erasure_service set last_attempt_at = ?3, last_error = ?4"
                        + " where pseudonym = ?1 and service = ?2")
                .setParameter(1, pseudonym)
                .setParameter(2, service)
                .setParameter(3, Timestamp.from(at))
                .setParameter(4, error.length() > 500 ? error.substring(0, 500) : error)
                .executeUpdate();
    }

    /**
     * Completes a request: it no longer holds the member id (memberId cleared, requestedBy replaced by
     * the pseudonym when the member asked themselves).
     */
    public void complete(String pseudonym, Instant at) {
        em().createNativeQuery("update erasure_request set status = 'COMPLETED', completed_at = ?2,"
                        + " requested_by = case when requested_by = member_id then pseudonym else requested_by end,"
                        + " member_id = null where pseudonym = ?1")
                .setParameter(1, pseudonym)
                .setParameter(2, Timestamp.from(at))
                .executeUpdate();
    }

    /** Running requests whose reporting services are done and whose account is not yet deleted. */
    @SuppressWarnings("unchecked")
    public List<String> awaitingAccount(Instant attemptedBefore, int limit) {
        return em().createNativeQuery("select r.pseudonym from erasure_request r"
                        + " join erasure_service k on k.pseudonym = r.pseudonym and k.service = 'keycloak'"
                        + " where r.status = 'IN_PROGRESS' and k.status = 'PENDING'"
                        + " and (k.last_attempt_at is null or k.last_attempt_at < ?1)"
                        + " and not exists (select 1 from erasure_service s where s.pseudonym = r.pseudonym"
                        + " and s.service in ('progress', 'engagement') and s.status <> 'DONE')"
                        + " order by r.requested_at limit ?2")
                .setParameter(1, Timestamp.from(attemptedBefore))
                .setParameter(2, limit)
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    public Page<Erasure> page(Status status, int page, int size) {
        List<Tuple> rows = em().createNativeQuery(
                        "select " + REQUEST_COLUMNS + " from erasure_request"
                                + " where (cast(?1 as text) is null or status = ?1)"
                                + " order by requested_at desc, pseudonym limit ?2 offset ?3",
                        Tuple.class)
                .setParameter(1, status == null ? null : status.name())
                .setParameter(2, size)
                .setParameter(3, (long) page * size)
                .getResultList();
        long total = ((Number) em().createNativeQuery(
                                "select count(*) from erasure_request where (cast(?1 as text) is null or status = ?1)")
                        .setParameter(1, status == null ? null : status.name())
                        .getSingleResult())
                .longValue();
        return new Page<>(rows.stream().map(this::erasure).toList(), page, size, total);
    }

    public Optional<LegalHold> hold(String memberId) {
        List<Tuple> rows = em().createNativeQuery(
                        "select member_id, reason, placed_by, placed_at from legal_hold where member_id = ?1",
                        Tuple.class)
                .setParameter(1, memberId)
                .getResultList();
        return rows.stream().findFirst().map(ErasureRepository::hold);
    }

    /** Places (or replaces the reason of) a hold. */
    public void placeHold(LegalHold hold) {
        em().createNativeQuery("insert into legal_hold (member_id, reason, placed_by, placed_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict (member_id) do update set reason = excluded.reason,"
                        + " placed_by = excluded.placed_by, placed_at = excluded.placed_at"
                        + " where legal_hold.reason is distinct from excluded.reason")
                .setParameter(1, hold.memberId())
                .setParameter(2, hold.reason())
                .setParameter(3, hold.placedBy())
                .setParameter(4, Timestamp.from(hold.placedAt()))
                .executeUpdate();
    }

    /** Releases a hold; false if there was none. */
    public boolean releaseHold(String memberId) {
        return em().createNativeQuery("delete from legal_hold where member_id = ?1")
                        .setParameter(1, memberId)
                        .executeUpdate()
                == 1;
    }

    @SuppressWarnings("unchecked")
    public Page<LegalHold> holds(int page, int size) {
        List<Tuple> rows = em().createNativeQuery(
                        "select member_id, reason, placed_by, placed_at from legal_hold"
                                + " order by placed_at desc, member_id limit ?1 offset ?2",
                        Tuple.class)
                .setParameter(1, size)
                .setParameter(2, (long) page * size)
                .getResultList();
        long total = ((Number) em().createNativeQuery("select count(*) from legal_hold")
                        .getSingleResult())
                .longValue();
        return new Page<>(rows.stream().map(ErasureRepository::hold).toList(), page, size, total);
    }

    private static LegalHold hold(Tuple t) {
        return new LegalHold(t.get(0, String.class), t.get(1, String.class), t.get(2, String.class), instant(t.get(3)));
    }

    @SuppressWarnings("unchecked")
    private Erasure erasure(Tuple t) {
        String pseudonym = t.get(0, String.class);
        List<Tuple> parts = em().createNativeQuery(
                        "select service, status, completed_at from erasure_service where pseudonym = ?1", Tuple.class)
                .setParameter(1, pseudonym)
                .getResultList();
        List<Part> services = new ArrayList<>();
        for (String service : Erasure.SERVICES) {
            parts.stream()
                    .filter(p -> service.equals(p.get(0, String.class)))
                    .findFirst()
                    .ifPresent(p -> services.add(new Part(service, p.get(1, String.class), instant(p.get(2)))));
        }
        String memberId = t.get(1, String.class);
        return new Erasure(
                memberId == null ? pseudonym : memberId,
                Status.valueOf(t.get(2, String.class)),
                instant(t.get(3)),
                t.get(4, String.class),
                instant(t.get(5)),
                t.get(6, String.class),
                List.copyOf(services));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }
}
