package org.limber.routine.repository;

import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.limber.routine.domain.SuspensionReview;

@ApplicationScoped
public class SuspensionReviewRepository implements PanacheRepositoryBase<SuspensionReview, UUID> {

    /** The reviews of one suspension, oldest first. */
    public List<SuspensionReview> of(UUID suspensionId) {
        return list("suspensionId = ?1 order by reviewedAt", suspensionId);
    }
}
