package org.limber.routine.repository;

import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.limber.routine.domain.CareAssignment;

@ApplicationScoped
public class CareAssignmentRepository implements PanacheRepositoryBase<CareAssignment, String> {

    /** The members on a clinician's panel, by id. */
    public List<String> panel(String clinicianId) {
        return getEntityManager()
                .createQuery(
                        "select a.memberId from CareAssignment a where a.clinicianId = ?1 order by a.memberId",
                        String.class)
                .setParameter(1, clinicianId)
                .getResultList();
    }
}
