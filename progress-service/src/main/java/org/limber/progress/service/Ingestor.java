package org.limber.progress.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import org.limber.events.member.CareTeamAssigned;
import org.limber.events.member.MemberNeedsReview;
import org.limber.events.member.MemberReferred;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.PlanResumed;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.QuestionnaireCompleted;
import org.limber.events.member.SessionCompleted;
import org.limber.events.member.SymptomsReported;
import org.limber.progress.domain.AlertKind;
import org.limber.progress.domain.AlertPolicy;
import org.limber.progress.domain.Inactivity;
import org.limber.progress.domain.NewAlert;
import org.limber.progress.domain.RaisedAlert;
import org.limber.progress.domain.UrgentAlerts;
import org.limber.progress.messaging.outbound.AlertEvents;
import org.limber.progress.repository.AlertStatusStore;
import org.limber.progress.repository.PlanDetailStore;
import org.limber.progress.repository.ProgressWriter;
import org.limber.progress.repository.SessionWriter;

/**
 * Applies a batch of member events to the read models in one transaction: assignments, plans,
 * intakes, suspensions, symptom reports and sessions with set-based statements, then the alerts
 * they call for (a red flag at once, in this transaction), the plan weeks due for an assessment,
 * and their events.
 */
@ApplicationScoped
public class Ingestor {

    private static final Logger LOG = Logger.getLogger(Ingestor.class);

    /** The events of one batch, by type, in arrival order. */
    public record Batch(
            List<PlanAssigned> plans,
            List<MemberReferred> referrals,
            List<SessionCompleted> sessions,
            List<CareTeamAssigned> assignments,
            List<PlanSuspended> suspensions,
            List<PlanResumed> resumptions,
            List<SymptomsReported> reports,
            List<MemberNeedsReview> reviews,
            List<QuestionnaireCompleted> questionnaires) {

        public static Batch empty() {
            return new Batch(
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>());
        }

        /** Adds an event to its list; false if it is of no type a batch holds. */
        public boolean add(Object event) {
            if (event instanceof SessionCompleted e) {
                return sessions.add(e);
            } else if (event instanceof PlanAssigned e) {
                return plans.add(e);
            } else if (event instanceof MemberReferred e) {
                return referrals.add(e);
            } else if (event instanceof CareTeamAssigned e) {
                return assignments.add(e);
            } else if (event instanceof PlanSuspended e) {
                return suspensions.add(e);
            } else if (event instanceof PlanResumed e) {
                return resumptions.add(e);
            } else if (event instanceof SymptomsReported e) {
                return reports.add(e);
            } else if (event instanceof MemberNeedsReview e) {
                return reviews.add(e);
            } else if (event instanceof QuestionnaireCompleted e) {
                return questionnaires.add(e);
            }
            return false;
        }

        public int size() {
            return plans.size()
                    + referrals.size()
                    + sessions.size()
                    + assignments.size()
                    + suspensions.size()
                    + resumptions.size()
                    + reports.size()
                    + reviews.size()
                    + questionnaires.size();
        }
    }

    private final ProgressWriter writer;
    private final SessionWriter sessionWriter;
    private final AlertStatusStore statuses;
    private final AlertPolicy policy;
    private final AlertRaiser alerts;
    private final AlertEvents events;
    private final Assessor assessor;
    private final Counter consumed;
    private final QuestionnaireIntake questionnaires;
    private final PlanDetailStore planDetails;

    public Ingestor(
            ProgressWriter writer,
            SessionWriter sessionWriter,
            AlertStatusStore statuses,
            AlertPolicy policy,
            AlertRaiser alerts,
            AlertEvents events,
            Assessor assessor,
            MeterRegistry registry,
            QuestionnaireIntake questionnaires,
            PlanDetailStore planDetails) {
        this.writer = writer;
        this.sessionWriter = sessionWriter;
        this.statuses = statuses;
        this.policy = policy;
        this.alerts = alerts;
        this.events = events;
        this.assessor = assessor;
        this.questionnaires = questionnaires;
        this.planDetails = planDetails;
        this.consumed = registry.counter("limber.events.consumed", "service", "progress");
    }

    /** Applies the batch and commits; throws if the database refused it (nothing of it is kept then). */
    public List<RaisedAlert> ingest(Batch batch) {
        long start = System.nanoTime();
        List<RaisedAlert> raised = QuarkusTransaction.requiringNew().call(() -> apply(batch));
        consumed.increment(batch.size());
        LOG.debugf(
                "Applied %d events (%d sessions) in %.1f ms, %d alerts raised",
                batch.size(), batch.sessions().size(), (System.nanoTime() - start) / 1e6, raised.size());
        return raised;
    }

    private List<RaisedAlert> apply(Batch batch) {
        // Who the clinician is and whether the plan runs, before the alerts that are routed and suppressed by them.
        writer.applyAssignments(batch.assignments());
        writer.applyPlans(batch.plans());
        planDetails.store(batch.plans());
        writer.applyIntakes(batch.referrals(), batch.reviews());
        writer.applyPlanStatus(batch.suspensions(), batch.resumptions());
        List<NewAlert> due = new ArrayList<>();
        batch.referrals().forEach(r -> due.add(UrgentAlerts.referral(r)));
        batch.reviews().forEach(r -> due.addAll(UrgentAlerts.reviews(r)));
        sessionWriter.recordReports(batch.reports()).forEach(r -> due.add(UrgentAlerts.report(r)));
        // A suspension names its cause, which raises the same alert (same kind and cause) as the cause's own event:
        // whichever arrives first raises it, the other changes nothing; so no red flag depends on one event alone.
        batch.suspensions().forEach(e -> due.add(UrgentAlerts.suspension(e)));
        due.addAll(applySessions(batch.sessions()));
        due.addAll(questionnaires.apply(batch.questionnaires()));
        assessor.afterSessions(batch.sessions());
        List<RaisedAlert> raised = alerts.raise(due);
        events.raised(raised);
        return raised;
    }

    /**
     * Stores the sessions and their weeks, ends the inactivity the sessions newly stored end, and returns the alerts
     * those sessions and the weeks they changed call for.
     */
    private List<NewAlert> applySessions(List<SessionCompleted> sessions) {
        SessionWriter.SessionsApplied applied = sessionWriter.applySessions(sessions);
        endInactivity(applied.stored());
        List<NewAlert> due = new ArrayList<>();
        for (SessionCompleted s : applied.stored()) {
            for (AlertKind kind :
                    policy.forSession(s.painBefore(), s.painDuring(), s.painAfter(), s.redFlagSymptoms())) {
                due.add(new NewAlert(
                        s.memberId(),
                        kind,
                        UrgentAlerts.sessionCause(s.sessionId()),
                        kind == AlertKind.RED_FLAG_SYMPTOM ? s.redFlagSymptoms() : List.of()));
            }
        }
        for (SessionWriter.ChangedWeek week : applied.weeks()) {
            if (policy.painAboveBaseline(week.sessions(), week.sumPainBefore(), week.baselinePain())) {
                due.add(new NewAlert(week.memberId(), AlertKind.PAIN_ABOVE_BASELINE, "week:" + week.weekStart()));
            }
        }
        return due;
    }

    private void endInactivity(List<SessionCompleted> stored) {
        if (stored.isEmpty()) {
            return;
        }
        Map<String, Instant> newest = new HashMap<>();
        stored.forEach(s -> newest.merge(s.memberId(), s.performedAt(), (a, b) -> a.isAfter(b) ? a : b));
        events.resolved(statuses.endInactivity(Inactivity.endedBy(statuses.openInactivity(newest.keySet()), newest)));
    }
}
