package org.limber.routine.repository;

import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.limber.routine.domain.PlanSuspension;

@ApplicationScoped
public class SuspensionRepository implements PanacheRepositoryBase<PlanSuspension, UUID> {

    /** The member's open suspension, if the plan is suspended now. */
    public Optional<PlanSuspension> open(String memberId) {
        return find("memberId = ?1 and resumedAt is null", memberId).firstResultOptional();
    }

    /** The member's newest suspension, open or resumed. */
    public Optional<PlanSuspension> latest(String memberId) {
        return find("memberId = ?1 order by sequence desc", memberId).firstResultOptional();
    }

    /** The next number of the member's PlanSuspended / PlanResumed sequence. The caller holds the member lock. */
    public long nextSequence(String memberId) {
        Long highest = getEntityManager()
                .createQuery(
                        "select max(coalesce(s.resumedSequence, s.sequence)) from PlanSuspension s where s.memberId = ?1",
                        Long.class)
                .setParameter(1, memberId)
                .getSingleResult();
        return highest == null ? 1 : highest + 1;
    }
}
