package org.limber.routine.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.limber.routine.domain.QuestionnaireResponseRecord;

@ApplicationScoped
public class QuestionnaireResponseRepository implements PanacheRepositoryBase<QuestionnaireResponseRecord, UUID> {

    /** The member's answers, newest first (at most a few per questionnaire: one per timepoint). */
    public List<QuestionnaireResponseRecord> of(String memberId) {
        return list("memberId = ?1 order by authoredAt desc", memberId);
    }

    /** The member's newest answer to a questionnaire. */
    public Optional<QuestionnaireResponseRecord> latest(String memberId, String questionnaire) {
        return find("memberId = ?1 and questionnaire = ?2 order by authoredAt desc", memberId, questionnaire)
                .firstResultOptional();
    }

    /** The day the member's program started: the start of their first plan version (empty before any plan). */
    public Optional<LocalDate> programStart(String memberId) {
        return getEntityManager()
                .createQuery("select p.startDate from Plan p where p.memberId = ?1 order by p.version", LocalDate.class)
                .setParameter(1, memberId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
