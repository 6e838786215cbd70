package org.limber.routine.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.limber.routine.domain.AdaptationSetting;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.PlanChangeRecord;
import org.limber.routine.domain.PlanSuspension;
import org.limber.routine.domain.SessionLog;
import org.limber.routine.domain.SessionReport;
import org.limber.routine.domain.SuspensionReview;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.plan.PlanChange;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.domain.safety.RedFlagAdvice.SafetyMessage;
import org.limber.routine.service.PlanService;
import org.limber.routine.service.RuleBook;
import org.limber.routine.service.SuspensionService;

/** The response bodies of the routine API. */
public final class PlanViews {

    private PlanViews() {}

    /**
     * A plan version in full: sessions with reasons, what was left out and why; {@code status}
     * ACTIVE or SUSPENDED, and while suspended why and what to do.
     */
    public record PlanView(
            String memberId,
            int version,
            String status,
            SuspensionView suspension,
            Plan.Source source,
            String author,
            String note,
            String overrideReason,
            Instant createdAt,
            LocalDate startDate,
            int sessionsPerWeek,
            int minutesPerSession,
            int baselinePain,
            List<String> conditions,
            List<PlanProposal.Session> sessions,
            List<PlanProposal.Exclusion> excluded,
            List<String> notes,
            List<MemberViews.DueView> due,
            QuestionnaireViews.PathwayView pathway) {

        static PlanView of(Plan p) {
            return of(p, null);
        }

        /** The same plan with what the member is asked to do now (screening, questionnaires) and their care pathway. */
        PlanView withDue(List<MemberViews.DueView> items, QuestionnaireViews.PathwayView care) {
            return new PlanView(
                    memberId,
                    version,
                    status,
                    suspension,
                    source,
                    author,
                    note,
                    overrideReason,
                    createdAt,
                    startDate,
                    sessionsPerWeek,
                    minutesPerSession,
                    baselinePain,
                    conditions,
                    sessions,
                    excluded,
                    notes,
                    List.copyOf(items),
                    care);
        }

        static PlanView of(Plan p, SuspensionView suspension) {
            return new PlanView(
                    p.memberId,
                    p.version,
                    suspension == null ? "ACTIVE" : "SUSPENDED",
                    suspension,
                    p.source,
                    p.author,
                    p.note,
                    p.overrideReason,
                    p.createdAt,
                    p.startDate,
                    p.sessionsPerWeek,
                    p.minutesPerSession,
                    p.baselinePain,
                    p.conditions,
                    p.proposal.sessions(),
                    p.proposal.excluded(),
                    p.proposal.notes(),
                    List.of(),
                    null);
        }
    }

    /** Why a plan is suspended ({@code reason}: why and what to do, for the member) and since when. */
    public record SuspensionView(
            PlanSuspension.Cause cause, List<String> redFlags, UUID sourceId, Instant since, String reason) {

        static SuspensionView of(PlanSuspension s, String reason) {
            return s == null ? null : new SuspensionView(s.cause, s.redFlags, s.sourceId, s.suspendedAt, reason);
        }
    }

    /**
     * A clinician's review as recorded: what was assessed and concluded, by whom and when; status says
     * whether the plan runs again (ACTIVE), stays suspended (SUSPENDED, referred on), or the member may
     * now take the intake (NO_PLAN: a referral before any plan, cleared); adaptationOn whether the plan
     * adapts automatically now.
     */
    public record ReviewedView(
            String memberId,
            List<String> redFlagsAssessed,
            SuspensionReview.Outcome outcome,
            String outcomeText,
            String note,
            String reviewedBy,
            Instant reviewedAt,
            String status,
            Integer planVersion,
            boolean adaptationOn) {

        static ReviewedView of(SuspensionService.Reviewed reviewed) {
            SuspensionReview r = reviewed.review();
            PlanSuspension s = reviewed.suspension();
            String status = !r.endedSuspension ? "SUSPENDED" : s.resumedVersion == null ? "NO_PLAN" : "ACTIVE";
            return new ReviewedView(
                    r.memberId,
                    r.redFlagsAssessed,
                    r.outcome,
                    r.outcomeText,
                    r.note,
                    r.reviewedBy,
                    r.reviewedAt,
                    status,
                    r.endedSuspension ? s.resumedVersion : s.planVersion,
                    reviewed.adaptationOn());
        }
    }

    /** One recorded review, in a hold's list. */
    public record ReviewView(
            List<String> redFlagsAssessed,
            SuspensionReview.Outcome outcome,
            String outcomeText,
            String note,
            String reviewedBy,
            Instant reviewedAt) {

        static ReviewView of(SuspensionReview r) {
            return new ReviewView(r.redFlagsAssessed, r.outcome, r.outcomeText, r.note, r.reviewedBy, r.reviewedAt);
        }
    }

    /**
     * An open suspension or referral as a clinician reviews it: referral is true when there is no plan
     * yet (planVersion null), reviews are those recorded so far (REFERRED_ON keeps it open).
     */
    public record HoldView(
            String memberId,
            boolean referral,
            Integer planVersion,
            PlanSuspension.Cause cause,
            List<String> redFlags,
            UUID sourceId,
            Instant since,
            String reason,
            List<ReviewView> reviews) {

        static HoldView of(SuspensionService.Hold hold, String reason) {
            PlanSuspension s = hold.suspension();
            return new HoldView(
                    s.memberId,
                    s.referral(),
                    s.planVersion,
                    s.cause,
                    s.redFlags,
                    s.sourceId,
                    s.suspendedAt,
                    reason,
                    hold.reviews().stream().map(ReviewView::of).toList());
        }
    }

    /** A logged session; {@code safety}, what to do now, when it reported red-flag symptoms. */
    public record SessionView(
            UUID sessionId,
            int planVersion,
            int sessionNumber,
            Instant performedAt,
            Instant receivedAt,
            List<SessionReport.ExerciseReport> exercises,
            int painBefore,
            int painDuring,
            int painAfter,
            SessionReport.Effort effort,
            String note,
            List<RedFlag> redFlagSymptoms,
            SafetyMessage safety) {

        static SessionView of(SessionLog s, SafetyMessage safety) {
            SessionReport r = s.report;
            return new SessionView(
                    s.sessionId,
                    s.planVersion,
                    s.sessionNumber,
                    s.performedAt,
                    s.receivedAt,
                    r.exercises(),
                    r.painBefore(),
                    r.painDuring(),
                    r.painAfter(),
                    r.effort(),
                    r.note(),
                    r.redFlagSymptoms(),
                    safety);
        }

        /** The session with the safety message (what to do now) for the red flags it reported. */
        static SessionView of(SessionLog s, RuleBook ruleBook) {
            return of(s, ruleBook.advice().messageFor(s.report.redFlagSymptoms()));
        }
    }

    /** One change of a plan version, automatic or a clinician's, with the reason the member reads. */
    public record ChangeView(
            UUID id,
            int version,
            Plan.Source source,
            PlanChange.ChangeType kind,
            String slug,
            PlanChange.ItemState from,
            PlanChange.ItemState to,
            String reason,
            Instant at,
            Integer undoneInVersion) {

        static ChangeView of(PlanChangeRecord c) {
            return new ChangeView(
                    c.id, c.planVersion, c.source, c.kind, c.slug, c.from, c.to, c.reason, c.createdAt, c.undoneIn);
        }
    }

    /** Whether the plan adapts automatically to the weekly assessments, and why not when it does not. */
    public record AdaptationView(
            boolean enabled, boolean progressionCleared, String reason, String changedBy, Instant changedAt) {

        static AdaptationView of(AdaptationSetting s) {
            return s == null
                    ? new AdaptationView(true, false, null, null, null)
                    : new AdaptationView(s.enabled, s.progressionCleared, s.reason, s.changedBy, s.changedAt);
        }
    }

    /**
     * A clinician's view of a plan: the plan, whether it is the flare plan or the week after one (the plan from before the
     * flare one step easier, back in full after a week), its recent automatic changes apart from clinicians' tailoring,
     * and adaptation.
     */
    public record CarePlanView(
            @JsonUnwrapped PlanView plan,
            boolean flare,
            boolean afterFlare,
            AdaptationView adaptation,
            List<ChangeView> automaticChanges,
            List<ChangeView> clinicianChanges) {

        static CarePlanView of(PlanService.CareView view, SuspensionView suspension) {
            return new CarePlanView(
                    PlanView.of(view.plan(), suspension),
                    view.plan().flare,
                    view.plan().afterFlare,
                    AdaptationView.of(view.adaptation()),
                    view.automaticChanges().stream().map(ChangeView::of).toList(),
                    view.clinicianChanges().stream().map(ChangeView::of).toList());
        }
    }

    public record CareAssignmentView(String memberId, String clinicianId, String assignedBy, Instant assignedAt) {}
}
