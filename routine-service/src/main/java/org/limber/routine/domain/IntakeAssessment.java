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

/** What an intake leads to: a referral when any red flag is answered yes, otherwise a plan (refused when a question is unanswered). */
public final class IntakeAssessment {

    public enum Outcome {
        REFERRED,
        PLAN_CREATED
    }

    /**
     * The outcome; {@code redFlags} when referred, {@code plan} when a plan was built, and {@code reviewFlags}: answers
     * that are not red flags but call for a clinician's review beside the plan (inflammatory back pain).
     */
    public record Result(Outcome outcome, List<RedFlag> redFlags, PlanProposal plan, List<RedFlag> reviewFlags) {

        public Result(Outcome outcome, List<RedFlag> redFlags, PlanProposal plan) {
            this(outcome, redFlags, plan, List.of());
        }
    }

    private final PlanBuilder builder;

    public IntakeAssessment(PlanBuilder builder) {
        this.builder = builder;
    }

    public Result assess(Intake intake, Collection<ExerciseOption> catalog, LocalDate today) {
        List<RedFlag> redFlags = Screening.redFlags(intake);
        if (!redFlags.isEmpty()) {
            return new Result(Outcome.REFERRED, redFlags, null);
        }
        return new Result(Outcome.PLAN_CREATED, List.of(), builder.build(intake, catalog, today), Screening.reviewFlags(intake));
    }
}
