package org.limber.routine.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.limber.events.catalog.Category;
import org.limber.events.member.PrescribedDose;
import org.limber.routine.domain.CatalogExercise;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.SymptomReport;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.intake.ScreeningDue;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.domain.safety.RedFlagAdvice.SafetyMessage;
import org.limber.routine.service.IntakeService;
import org.limber.routine.service.PlanService;

/** The response bodies only a member's own requests answer with: intake, screening, today's session, symptoms, history. */
public final class MemberViews {

    private MemberViews() {}

    /** Something the member is asked to do now: what, since when, why, and the request that does it. */
    public record DueView(String what, LocalDate since, String reason, String action) {

        static DueView screening(ScreeningDue.Due due) {
            return new DueView("SCREENING", due.since(), due.reason(), "POST /members/me/screening");
        }

        static DueView questionnaire(org.limber.routine.domain.questionnaire.QuestionnairePlan.Due due) {
            return new DueView(
                    "QUESTIONNAIRE",
                    due.since(),
                    due.questionnaire() + " " + due.timepoint(),
                    "POST /members/me/questionnaires/" + due.questionnaire() + "/responses");
        }
    }

    /** A screening as stored: the questions answered yes, whether the plan was suspended, the safety message, the next one due. */
    public record ScreeningView(
            UUID screeningId,
            Instant takenAt,
            List<String> answeredYes,
            boolean planSuspended,
            SafetyMessage safety,
            LocalDate nextDue) {}

    /** A symptom report as stored, with the safety message the app shows at once. */
    public record SymptomReportView(
            UUID reportId,
            Instant reportedAt,
            Instant receivedAt,
            List<String> redFlagSymptoms,
            String note,
            boolean planSuspended,
            SafetyMessage safety) {

        static SymptomReportView of(SymptomReport r, SafetyMessage safety) {
            return new SymptomReportView(
                    r.reportId, r.reportedAt, r.receivedAt, r.redFlags, r.note, r.planSuspended, safety);
        }
    }

    /** A plan version in a history list. */
    public record PlanVersionSummary(
            int version, Plan.Source source, String author, String note, String overrideReason, Instant createdAt) {

        static PlanVersionSummary of(Plan p) {
            return new PlanVersionSummary(p.version, p.source, p.author, p.note, p.overrideReason, p.createdAt);
        }
    }

    /**
     * What an intake led to: REFERRED (the red flags and why, the safety message, whether the plan in
     * force was suspended), PLAN_CREATED (the plan) or NEEDS_REVIEW (no plan, and why).
     */
    public record IntakeOutcome(
            UUID intakeId,
            String outcome,
            List<Referral> reasons,
            String reviewReason,
            boolean planSuspended,
            SafetyMessage safety,
            PlanViews.PlanView plan) {

        public record Referral(RedFlag redFlag, String reason) {}

        static IntakeOutcome of(IntakeService.IntakeAndPlan taken, SafetyMessage safety) {
            return new IntakeOutcome(
                    taken.intake().id,
                    taken.intake().outcome.name(),
                    taken.redFlags().stream()
                            .map(f -> new Referral(f, f.referralReason))
                            .toList(),
                    taken.intake().reviewReason,
                    taken.planSuspended(),
                    safety,
                    taken.plan() == null ? null : PlanViews.PlanView.of(taken.plan()));
        }
    }

    /** Today's session with what the member needs to do each exercise. */
    public record TodayView(
            int planVersion,
            int sessionNumber,
            int sessionsPerWeek,
            LocalDate weekStart,
            long doneThisWeek,
            int estimatedSeconds,
            List<TodayItem> exercises) {

        static TodayView of(PlanService.Today today) {
            Map<String, CatalogExercise> catalog = today.exercises();
            List<TodayItem> items = today.session().items().stream()
                    .filter(i -> !i.paused())
                    .map(i -> TodayItem.of(i, catalog.get(i.slug())))
                    .toList();
            return new TodayView(
                    today.plan().version,
                    today.session().number(),
                    today.plan().sessionsPerWeek,
                    today.weekStart(),
                    today.doneThisWeek(),
                    today.session().estimatedSeconds(),
                    items);
        }
    }

    public record TodayItem(
            String slug,
            String name,
            Category category,
            PrescribedDose dose,
            int estimatedSeconds,
            String reason,
            String description,
            List<String> steps,
            List<String> mayFeel,
            List<String> tips,
            List<String> commonMistakes,
            boolean retired) {

        static TodayItem of(PlanProposal.Item item, CatalogExercise exercise) {
            var s = exercise == null ? null : exercise.snapshot;
            return new TodayItem(
                    item.slug(),
                    item.name(),
                    item.category(),
                    item.dose(),
                    item.estimatedSeconds(),
                    item.reason(),
                    s == null ? null : s.description(),
                    s == null ? List.of() : s.steps(),
                    s == null ? List.of() : s.mayFeel(),
                    s == null ? List.of() : s.tips(),
                    s == null ? List.of() : s.commonMistakes(),
                    exercise == null || !exercise.published());
        }
    }
}
