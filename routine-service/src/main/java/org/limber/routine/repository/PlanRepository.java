package org.limber.routine.repository;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.limber.common.paging.Page;
import org.limber.common.sql.AdvisoryLocks;
import org.limber.routine.domain.Plan;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, Plan.Key> {

    /** The version in force. */
    public Optional<Plan> current(String memberId) {
        return find("memberId = ?1 order by version desc", memberId).firstResultOptional();
    }

    public Optional<Plan> version(String memberId, int version) {
        return findByIdOptional(new Plan.Key(memberId, version));
    }

    public Page<Plan> history(String memberId, int page, int size) {
        var query = find("memberId = ?1 order by version desc", memberId);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    /**
     * Serialises changes to one member's plan (a new version is the current one plus one), for the
     * rest of the transaction.
     */
    public void lockMember(String memberId) {
        AdvisoryLocks.lockForTransaction(getEntityManager(), "plan:" + memberId);
    }
}
