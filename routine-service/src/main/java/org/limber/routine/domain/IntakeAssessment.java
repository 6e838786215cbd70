package org.limber.routine.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.intake.Screening;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.PlanBuilder;
import org.limber.routine.domain.plan.PlanProposal;

/**
 * What an intake leads to (an unanswered question is refused): a referral when any red flag is answered yes; otherwise a plan, unless
 * no safe session can be built for the member (every session needs at least one exercise), which
 * needs a clinician's review and gives no plan.
 */
public final class IntakeAssessment {

    public enum Outcome {
        REFERRED,
        PLAN_CREATED,
        /** No safe session fits the member: no plan, a clinician reviews the intake. */
        NEEDS_REVIEW
    }

    /** The reason code of a review because no safe session could be built. */
    public static final String NO_SAFE_SESSION = "NO_SAFE_SESSION";

    /**
     * The outcome; {@code redFlags} when referred, {@code plan} when a plan was built, {@code reviewReason} when a review is
     * needed; {@code reviewFlags}: answers that are not red flags but call for a clinician's review beside the plan
     * (inflammatory back pain).
     */
    public record Result(
            Outcome outcome,
            List<RedFlag> redFlags,
            PlanProposal plan,
            String reviewReason,
            List<RedFlag> reviewFlags) {

        public Result(Outcome outcome, List<RedFlag> redFlags, PlanProposal plan, String reviewReason) {
            this(outcome, redFlags, plan, reviewReason, List.of());
        }
    }

    private final PlanBuilder builder;

    public IntakeAssessment(PlanBuilder builder) {
        this.builder = builder;
    }

    public Result assess(Intake intake, Collection<ExerciseOption> catalog, LocalDate today) {
        List<RedFlag> redFlags = Screening.redFlags(intake);
        if (!redFlags.isEmpty()) {
            return new Result(Outcome.REFERRED, redFlags, null, null);
        }
        PlanProposal plan = builder.build(intake, catalog, today);
        List<Integer> empty = plan.emptySessions();
        if (!empty.isEmpty()) {
            return new Result(Outcome.NEEDS_REVIEW, List.of(), null, noSafeSession(plan, empty));
        }
        return new Result(Outcome.PLAN_CREATED, List.of(), plan, null, Screening.reviewFlags(intake));
    }

    private static String noSafeSession(PlanProposal plan, List<Integer> empty) {
        return "No exercise in the library is safe and possible for you in "
                + (empty.size() == plan.sessions().size() ? "any session" : "session " + empty.get(0))
                + " with the answers you gave (" + plan.excluded().size()
                + " exercises were left out for your conditions, pain, equipment or the positions you cannot get into)."
                + " A clinician will review your intake and build your plan with you.";
    }
}
