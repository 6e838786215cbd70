package org.limber.routine.messaging.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.limber.common.outbox.Outbox;
import org.limber.events.member.CareTeamAssigned;
import org.limber.events.member.MemberNeedsReview;
import org.limber.events.member.MemberReferred;
import org.limber.events.member.MemberTopics;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.PlanResumed;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.PrescribedDose;
import org.limber.events.member.QuestionnaireCompleted;
import org.limber.events.member.SessionCompleted;
import org.limber.events.member.SymptomsReported;
import org.limber.routine.domain.CareAssignment;
import org.limber.routine.domain.IntakeRecord;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.PlanSuspension;
import org.limber.routine.domain.QuestionnaireResponseRecord;
import org.limber.routine.domain.SessionLog;
import org.limber.routine.domain.SessionReport;
import org.limber.routine.domain.SymptomReport;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.plan.PlanProposal;

/**
 * Writes the events about members into the outbox, in the transaction of the change, key = member id;
 * counts them for the metrics (limber_sessions_logged_total, limber_plans_built_total by source,
 * limber_members_referred_total, limber_plans_suspended_total by cause, limber_plans_resumed_total by
 * how, limber_symptom_reports_total, limber_intakes_needing_review_total, limber_care_team_assignments_total,
 * limber_questionnaires_completed_total by questionnaire).
 */
@ApplicationScoped
public class MemberEvents {

    private final Outbox outbox;
    private final MeterRegistry registry;
    private final Counter sessionsLogged;
    private final Counter referrals;
    private final Counter symptomReports;
    private final Counter needsReview;
    private final Counter assignments;
    private final Clock clock;

    public MemberEvents(Outbox outbox, MeterRegistry registry, Clock clock) {
        this.outbox = outbox;
        this.registry = registry;
        this.sessionsLogged = Counter.builder("limber.sessions.logged")
                .description("Sessions members logged")
                .register(registry);
        this.referrals = Counter.builder("limber.members.referred")
                .description("Intakes that referred the member to a clinician")
                .register(registry);
        this.symptomReports = Counter.builder("limber.symptom.reports")
                .description("Red-flag symptoms reported without a session")
                .register(registry);
        this.needsReview = Counter.builder("limber.intakes.needing.review")
                .description("Reviews asked for: intakes (or flare plans) for which no safe session fits the member,"
                        + " review answers at intake, and adaptation's (CANNOT_REGRESS, CLEARANCE_OVERDUE)")
                .register(registry);
        this.assignments = Counter.builder("limber.care.team.assignments")
                .description("Changes of a member's clinician")
                .register(registry);
        this.clock = clock;
    }

    /** Writes a member event to the outbox (key = member id) with a new event id and the time of now. */
    private void publish(String memberId, String type, BiFunction<UUID, Instant, Object> event) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        outbox.add(MemberTopics.EVENTS, memberId, type, id, now, event.apply(id, now));
    }

    public void referred(IntakeRecord intake, List<RedFlag> redFlags, String clinicianId) {
        publish(
                intake.memberId,
                MemberReferred.TYPE,
                (id, now) -> new MemberReferred(
                        id,
                        now,
                        MemberReferred.SCHEMA_VERSION,
                        intake.memberId,
                        intake.id,
                        redFlags.stream().map(Enum::name).toList(),
                        redFlags.stream().map(f -> f.referralReason).toList(),
                        clinicianId));
        referrals.increment();
    }

    public void planAssigned(Plan plan, String clinicianId) {
        List<PlanAssigned.Session> sessions = plan.proposal.sessions().stream()
                .map(s -> new PlanAssigned.Session(
                        s.number(),
                        s.items().stream()
                                .filter(i -> !i.paused())
                                .map(i -> new PlanAssigned.Item(i.slug(), i.exerciseVersion(), i.dose()))
                                .toList()))
                .toList();
        publish(
                plan.memberId,
                PlanAssigned.TYPE,
                (id, now) -> new PlanAssigned(
                        id,
                        now,
                        PlanAssigned.SCHEMA_VERSION,
                        plan.memberId,
                        plan.version,
                        plan.source.name(),
                        plan.sessionsPerWeek,
                        plan.minutesPerSession,
                        plan.baselinePain,
                        plan.conditions,
                        clinicianId,
                        plan.startDate,
                        sessions));
        registry.counter("limber.plans.built", "source", plan.source.name()).increment();
    }

    public void sessionCompleted(SessionLog session, PlanProposal.Session prescribed) {
        SessionReport report = session.report;
        List<SessionCompleted.ExerciseOutcome> outcomes = report.exercises().stream()
                .map(e -> new SessionCompleted.ExerciseOutcome(
                        e.slug(),
                        e.status().name(),
                        e.skipReason() == null ? null : e.skipReason().name(),
                        doseOf(prescribed, e.slug())))
                .toList();
        publish(
                session.memberId,
                SessionCompleted.TYPE,
                (id, now) -> new SessionCompleted(
                        id,
                        now,
                        SessionCompleted.SCHEMA_VERSION,
                        session.memberId,
                        session.sessionId,
                        session.planVersion,
                        session.sessionNumber,
                        session.performedAt,
                        outcomes,
                        report.painBefore(),
                        report.painDuring(),
                        report.painAfter(),
                        report.effort().name(),
                        report.note(),
                        report.redFlagSymptoms().stream().map(Enum::name).toList()));
        sessionsLogged.increment();
    }

    private static PrescribedDose doseOf(PlanProposal.Session session, String slug) {
        return session.items().stream()
                .filter(i -> i.slug().equals(slug))
                .map(PlanProposal.Item::dose)
                .findFirst()
                .orElse(null);
    }

    public void careTeamAssigned(CareAssignment assignment) {
        publish(
                assignment.memberId,
                CareTeamAssigned.TYPE,
                (id, now) -> new CareTeamAssigned(
                        id,
                        now,
                        CareTeamAssigned.SCHEMA_VERSION,
                        assignment.memberId,
                        assignment.clinicianId,
                        assignment.sequence,
                        assignment.assignedBy));
        assignments.increment();
    }

    public void needsReview(
            String memberId, UUID intakeId, boolean planCreated, String code, String reason, String clinicianId) {
        publish(
                memberId,
                MemberNeedsReview.TYPE,
                (id, now) -> new MemberNeedsReview(
                        id,
                        now,
                        MemberNeedsReview.SCHEMA_VERSION,
                        memberId,
                        intakeId,
                        planCreated,
                        List.of(new MemberNeedsReview.Reason(code, reason)),
                        clinicianId));
        needsReview.increment();
    }

    public void planSuspended(PlanSuspension suspension) {
        publish(
                suspension.memberId,
                PlanSuspended.TYPE,
                (id, now) -> new PlanSuspended(
                        id,
                        now,
                        PlanSuspended.SCHEMA_VERSION,
                        suspension.memberId,
                        // 0: a referral before any plan (issue 20), held until a clinician's review.
                        suspension.planVersion == null ? 0 : suspension.planVersion,
                        suspension.sequence,
                        suspension.cause.name(),
                        suspension.redFlags,
                        suspension.sourceId));
        registry.counter("limber.plans.suspended", "cause", suspension.cause.name())
                .increment();
    }

    public void planResumed(PlanSuspension suspension) {
        publish(
                suspension.memberId,
                PlanResumed.TYPE,
                (id, now) -> new PlanResumed(
                        id,
                        now,
                        PlanResumed.SCHEMA_VERSION,
                        suspension.memberId,
                        suspension.resumedVersion == null ? 0 : suspension.resumedVersion,
                        suspension.resumedSequence,
                        suspension.resumedHow.name(),
                        suspension.resumedBy,
                        suspension.resumeNote));
        registry.counter("limber.plans.resumed", "how", suspension.resumedHow.name())
                .increment();
    }

    public void symptomsReported(SymptomReport report) {
        publish(
                report.memberId,
                SymptomsReported.TYPE,
                (id, now) -> new SymptomsReported(
                        id,
                        now,
                        SymptomsReported.SCHEMA_VERSION,
                        report.memberId,
                        report.reportId,
                        report.reportedAt,
                        report.redFlags,
                        report.note));
        symptomReports.increment();
    }

    public void questionnaireCompleted(QuestionnaireResponseRecord r) {
        publish(
                r.memberId,
                QuestionnaireCompleted.TYPE,
                (id, now) -> new QuestionnaireCompleted(
                        id,
                        now,
                        QuestionnaireCompleted.SCHEMA_VERSION,
                        r.memberId,
                        r.responseId,
                        r.questionnaire,
                        r.canonical,
                        r.timepoint,
                        r.authoredAt,
                        r.answers.stream()
                                .map(a -> new QuestionnaireCompleted.Answer(a.linkId(), a.value()))
                                .toList(),
                        r.score,
                        r.subscale,
                        r.riskGroup));
        registry.counter("limber.questionnaires.completed", "questionnaire", r.questionnaire)
                .increment();
    }
}
