package org.limber.routine.repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.limber.routine.domain.ScreeningRecord;

@ApplicationScoped
public class ScreeningRepository implements PanacheRepositoryBase<ScreeningRecord, ScreeningRecord.Key> {

    public Optional<ScreeningRecord> find(String memberId, UUID screeningId) {
        return findByIdOptional(new ScreeningRecord.Key(memberId, screeningId));
    }

    /** When the member last answered the red-flag questions: their newest screening or intake. */
    public Optional<Instant> lastScreened(String memberId) {
        Object last = getEntityManager()
                .createNativeQuery("select greatest((select max(taken_at) from screening where member_id = ?1),"
                        + " (select max(submitted_at) from intake where member_id = ?1))")
                .setParameter(1, memberId)
                .getSingleResult();
        return Optional.ofNullable(last).map(ScreeningRepository::instant);
    }

    private static Instant instant(Object value) {
        // Hibernate maps timestamptz to Instant; a driver's own types are read too.
        if (value instanceof Instant i) {
            return i;
        }
        return value instanceof java.time.OffsetDateTime t ? t.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }

    /**
     * When the member's current run of flare plan versions began: the creation of the first flare version
     * after their newest usual one. The caller asks only when the plan in force is a flare plan.
     */
    public Optional<Instant> flareSince(String memberId) {
        return Optional.ofNullable(getEntityManager()
                .createQuery(
                        "select min(p.createdAt) from Plan p where p.memberId = ?1 and p.flare = true and p.version >"
                                + " coalesce((select max(q.version) from Plan q where q.memberId = ?1 and q.flare = false), 0)",
                        Instant.class)
                .setParameter(1, memberId)
                .getSingleResult());
    }
}
