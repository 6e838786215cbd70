package org.limber.routine.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.Panache;

import org.limber.common.paging.Page;
import org.limber.routine.domain.AdaptationSetting;
import org.limber.routine.domain.AssessmentRecord;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.PlanChangeRecord;
import org.limber.routine.domain.adapt.WeeklyAdaptation;
import org.limber.routine.domain.plan.PlanChange;

/** Assessments received, plan changes, and members' adaptation settings. */
@ApplicationScoped
public class AdaptationRepository {

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    public Optional<AssessmentRecord> assessment(UUID assessmentId) {
        return Optional.ofNullable(em().find(AssessmentRecord.class, assessmentId));
    }

    /** The member's latest assessment received before now. */
    public Optional<AssessmentRecord> latestAssessment(String memberId) {
        return em().createQuery(
                        "from AssessmentRecord where memberId = ?1 order by receivedAt desc", AssessmentRecord.class)
                .setParameter(1, memberId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * The mean pain of the member's last assessed week before {@code weekStart} that had sessions, the
     * reference of the pain trend; empty when none of the last {@code maxWeeks} assessments had any.
     */
    public Optional<Double> referenceMeanPain(String memberId, LocalDate weekStart, int maxWeeks) {
        return em().createQuery(
                        "from AssessmentRecord where memberId = ?1 and weekStart < ?2 order by weekStart desc, receivedAt desc",
                        AssessmentRecord.class)
                .setParameter(1, memberId)
                .setParameter(2, weekStart)
                .setMaxResults(maxWeeks)
                .getResultStream()
                .map(r -> r.payload.meanPain())
                .filter(Objects::nonNull)
                .findFirst();
    }

    public void persist(Object entity) {
        em().persist(entity);
    }

    public Optional<AdaptationSetting> setting(String memberId) {
        return Optional.ofNullable(em().find(AdaptationSetting.class, memberId));
    }

    public Optional<PlanChangeRecord> change(UUID id) {
        return Optional.ofNullable(em().find(PlanChangeRecord.class, id));
    }

    /** The member's plan changes, newest first. */
    public Page<PlanChangeRecord> changes(String memberId, int page, int size) {
        List<PlanChangeRecord> rows = em().createQuery(
                        "from PlanChangeRecord where memberId = ?1 order by planVersion desc, createdAt, id",
                        PlanChangeRecord.class)
                .setParameter(1, memberId)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        long total = em().createQuery("select count(*) from PlanChangeRecord where memberId = ?1", Long.class)
                .setParameter(1, memberId)
                .getSingleResult();
        return new Page<>(rows, page, size, total);
    }

    /** The member's latest changes of one source, newest first. */
    public List<PlanChangeRecord> recentChanges(String memberId, Plan.Source source, int limit) {
        return em().createQuery(
                        "from PlanChangeRecord where memberId = ?1 and source = ?2 order by planVersion desc, createdAt, id",
                        PlanChangeRecord.class)
                .setParameter(1, memberId)
                .setParameter(2, source)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * The newest version before {@code version} that is neither a flare plan nor the easier plan of the week after one:
     * the plan from before a flare.
     */
    public Optional<Plan> usualPlanBefore(String memberId, int version) {
        return em().createQuery(
                        "from Plan where memberId = ?1 and version < ?2 and flare = false and afterFlare = false"
                                + " order by version desc",
                        Plan.class)
                .setParameter(1, memberId)
                .setParameter(2, version)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** Whether automatic adaptation of the member's plan is on (it is unless a clinician or a red flag turned it off). */
    public boolean adaptationOn(String memberId) {
        return setting(memberId).map(s -> s.enabled).orElse(true);
    }

    /** The member's automatic progressions (a harder variation or more dose) made after {@code since}. */
    public List<WeeklyAdaptation.Progressed> progressionsSince(String memberId, Instant since) {
        return em().createQuery(
                        "from PlanChangeRecord where memberId = ?1 and source = ?2 and kind in ?3 and createdAt > ?4",
                        PlanChangeRecord.class)
                .setParameter(1, memberId)
                .setParameter(2, Plan.Source.ADAPTATION)
                .setParameter(3, List.of(PlanChange.ChangeType.HARDER_VARIATION, PlanChange.ChangeType.MORE_DOSE))
                .setParameter(4, since)
                .getResultStream()
                .map(c -> new WeeklyAdaptation.Progressed(c.from.slug(), c.to.slug(), c.createdAt))
                .toList();
    }

    /** Whether an assessment of the member's plan version {@code version} asked for the review {@code code} already. */
    public boolean reviewedOnVersion(String memberId, int version, String code) {
        return ((Number) em().createNativeQuery(
                                        "select count(*) from assessment_received where member_id = ?1 and plan_version = ?2"
                                                + " and ?3 = any(reviews)")
                                .setParameter(1, memberId)
                                .setParameter(2, version)
                                .setParameter(3, code)
                                .getSingleResult())
                        .longValue()
                > 0;
    }

    /** Whether an assessment received from {@code since} on asked for the review {@code code} for the member. */
    public boolean reviewedSince(String memberId, String code, Instant since) {
        return ((Number) em().createNativeQuery(
                                        "select count(*) from assessment_received where member_id = ?1 and received_at >= ?2"
                                                + " and ?3 = any(reviews)")
                                .setParameter(1, memberId)
                                .setParameter(2, since)
                                .setParameter(3, code)
                                .getSingleResult())
                        .longValue()
                > 0;
    }
}
