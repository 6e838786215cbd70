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
import org.limber.routine.domain.SessionLog;
import org.limber.routine.domain.SessionReport;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.service.IntakeService;
import org.limber.routine.service.PlanService;

/** The response bodies of the routine API. */
public final class PlanViews {

    private PlanViews() {
    }

    /** A plan version in full: sessions with reasons, what was left out and why. */
    public record PlanView(String memberId, int version, Plan.Source source, String author, String note, String overrideReason,
            Instant createdAt, LocalDate startDate, int sessionsPerWeek, int minutesPerSession, int baselinePain,
            List<String> conditions, List<PlanProposal.Session> sessions, List<PlanProposal.Exclusion> excluded, List<String> notes) {

        static PlanView of(Plan p) {
            return new PlanView(p.memberId, p.version, p.source, p.author, p.note, p.overrideReason, p.createdAt, p.startDate,
                    p.sessionsPerWeek, p.minutesPerSession, p.baselinePain, p.conditions, p.proposal.sessions(), p.proposal.excluded(),
                    p.proposal.notes());
        }
    }

    /** A plan version in a history list. */
    public record PlanVersionSummary(int version, Plan.Source source, String author, String note, String overrideReason,
            Instant createdAt) {

        static PlanVersionSummary of(Plan p) {
            return new PlanVersionSummary(p.version, p.source, p.author, p.note, p.overrideReason, p.createdAt);
        }
    }

    /** What an intake led to. */
    public record IntakeOutcome(UUID intakeId, String outcome, List<Referral> reasons, PlanView plan) {

        public record Referral(RedFlag redFlag, String reason) {
        }

        static IntakeOutcome of(IntakeService.Taken taken) {
            return new IntakeOutcome(taken.intake().id, taken.intake().outcome.name(),
                    taken.redFlags().stream().map(f -> new Referral(f, f.referralReason)).toList(),
                    taken.plan() == null ? null : PlanView.of(taken.plan()));
        }
    }

    /** Today's session with what the member needs to do each exercise. */
    public record TodayView(int planVersion, int sessionNumber, int sessionsPerWeek, LocalDate weekStart, long doneThisWeek,
            int estimatedSeconds, List<TodayItem> exercises) {

        static TodayView of(PlanService.Today today) {
            Map<String, CatalogExercise> catalog = today.exercises();
            List<TodayItem> items = today.session().items().stream().filter(i -> !i.paused())
                    .map(i -> TodayItem.of(i, catalog.get(i.slug()))).toList();
            return new TodayView(today.plan().version, today.session().number(), today.plan().sessionsPerWeek, today.weekStart(),
                    today.doneThisWeek(), today.session().estimatedSeconds(), items);
        }
    }

    public record TodayItem(String slug, String name, Category category, PrescribedDose dose, int estimatedSeconds, String reason,
            String description, List<String> steps, List<String> mayFeel, List<String> tips, List<String> commonMistakes,
            boolean retired) {

        static TodayItem of(PlanProposal.Item item, CatalogExercise exercise) {
            var s = exercise == null ? null : exercise.snapshot;
            return new TodayItem(item.slug(), item.name(), item.category(), item.dose(), item.estimatedSeconds(), item.reason(),
                    s == null ? null : s.description(), s == null ? List.of() : s.steps(), s == null ? List.of() : s.mayFeel(),
                    s == null ? List.of() : s.tips(), s == null ? List.of() : s.commonMistakes(),
                    exercise == null || !exercise.published());
        }
    }

    /** A logged session. */
    public record SessionView(UUID sessionId, int planVersion, int sessionNumber, Instant performedAt, Instant receivedAt,
            List<SessionReport.ExerciseReport> exercises, int painBefore, int painDuring, int painAfter, SessionReport.Effort effort,
            String note, List<RedFlag> redFlagSymptoms) {

        static SessionView of(SessionLog s) {
            SessionReport r = s.report;
            return new SessionView(s.sessionId, s.planVersion, s.sessionNumber, s.performedAt, s.receivedAt, r.exercises(),
                    r.painBefore(), r.painDuring(), r.painAfter(), r.effort(), r.note(), r.redFlagSymptoms());
        }
    }

    public record CareAssignmentView(String memberId, String clinicianId, String assignedBy, Instant assignedAt) {
    }
}
