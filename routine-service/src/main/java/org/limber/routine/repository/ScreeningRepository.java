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
        Instant screening = getEntityManager()
                .createQuery("select max(s.takenAt) from ScreeningRecord s where s.memberId = ?1", Instant.class)
                .setParameter(1, memberId)
                .getSingleResult();
        Instant intake = getEntityManager()
                .createQuery("select max(i.submittedAt) from IntakeRecord i where i.memberId = ?1", Instant.class)
                .setParameter(1, memberId)
                .getSingleResult();
        if (screening == null || intake == null) {
            return Optional.ofNullable(screening == null ? intake : screening);
        }
        return Optional.of(screening.isAfter(intake) ? screening : intake);
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
