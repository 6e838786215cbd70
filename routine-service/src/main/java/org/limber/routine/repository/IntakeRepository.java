package org.limber.routine.repository;

import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.limber.routine.domain.IntakeAssessment;
import org.limber.routine.domain.IntakeRecord;

@ApplicationScoped
public class IntakeRepository implements PanacheRepositoryBase<IntakeRecord, UUID> {

    /** The member's intakes that made a plan, newest first. */
    public List<IntakeRecord> planIntakes(String memberId) {
        return list(
                "memberId = ?1 and outcome = ?2 order by submittedAt desc",
                memberId,
                IntakeAssessment.Outcome.PLAN_CREATED);
    }
}
