package org.limber.routine.domain.adapt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.limber.routine.domain.AssessmentRecord.Decision;
import org.limber.routine.domain.IntakeAssessment;
import org.limber.routine.domain.adapt.ProgressionRules.Action;
import org.limber.routine.domain.adapt.WeeklyAdaptation.Library;
import org.limber.routine.domain.adapt.WeeklyAdaptation.NextVersion;
import org.limber.routine.domain.adapt.WeeklyAdaptation.Outcome;
import org.limber.routine.domain.adapt.WeeklyAdaptation.Progressed;
import org.limber.routine.domain.adapt.WeeklyAdaptation.Review;
import org.limber.routine.domain.adapt.WeeklyAdaptation.State;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.plan.PlanChange;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.domain.plan.PlanTailoring;

import static org.limber.routine.domain.adapt.WeeklyAdaptation.CANNOT_REGRESS;
import static org.limber.routine.domain.adapt.WeeklyAdaptation.capitalize;

/**
 * What {@link WeeklyAdaptation} does once the progression rules have given their verdict on a week: stop, hold,
 * the gentle flare plan, the usual plan back after a flare (one step easier for a week, then in full), or a
 * step of exercises up or back, each as the next plan version or a hold with the reviews it asks for.
 */
final class WeekActions {

    private WeekActions() {}

    static Outcome act(ProgressionRules rules, Library library, State state, Progression.Verdict verdict, Instant at) {
        String reason = capitalize(verdict.reason());
        return switch (verdict.action()) {
            case STOP -> new Outcome(Decision.STOPPED, verdict, reason, null, true, List.of());
            case HOLD -> held(verdict, reason);
            case FLARE -> flare(library, state, verdict, reason);
            case END_FLARE -> endFlare(library, state, verdict, reason);
            case RESTORE -> restore(library, state, verdict, reason);
            case REGRESS, REGRESS_SKIPPED, PROGRESS -> step(rules, library, state, verdict, reason, at);
        };
    }

    /** The gentle flare plan, or a hold for a clinician when no gentle session can be built. */
    private static Outcome flare(Library library, State state, Progression.Verdict verdict, String reason) {
        PlanProposal gentle = FlarePlan.build(
                library.builder(),
                library.conditionRules(),
                state.intake(),
                library.catalog(),
                state.plan(),
                library.today());
        if (!gentle.emptySessions().isEmpty()) {
            String why =
                    "No gentle session could be built for this member's flare; the plan is held for a clinician to review.";
            return new Outcome(
                    Decision.HELD,
                    verdict,
                    why,
                    null,
                    false,
                    List.of(new Review(IntakeAssessment.NO_SAFE_SESSION, why)));
        }
        return adapted(
                verdict,
                reason,
                new NextVersion(
                        gentle,
                        List.of(new PlanChange(PlanChange.ChangeType.FLARE_PLAN, null, null, null, reason)),
                        true,
                        false,
                        reason));
    }

    /** The plan from before the flare, every exercise one step easier (by variation, else by dose) for a week. */
    private static Outcome endFlare(Library library, State state, Progression.Verdict verdict, String reason) {
        PlanTailoring.Result back = usualPlan(library, state, reason);
        if (!back.errors().isEmpty()) {
            return cannotComeBack(verdict, back);
        }
        Intake intake = state.intake();
        Adaptation.Result easier = Adaptation.step(
                back.plan(),
                verdict,
                library.published(),
                library.eligibility(intake, false),
                Integer.MAX_VALUE,
                intake.minutesPerSession() * 60);
        List<PlanChange> changes = new ArrayList<>();
        changes.add(new PlanChange(PlanChange.ChangeType.USUAL_PLAN, null, null, null, reason));
        changes.addAll(easier.changes());
        return adapted(
                verdict,
                reason,
                new NextVersion(easier.plan(), changes, false, !easier.changes().isEmpty(), reason));
    }

    /** The plan from before the flare in full, after the week it came back one step easier. */
    private static Outcome restore(Library library, State state, Progression.Verdict verdict, String reason) {
        PlanTailoring.Result back = usualPlan(library, state, reason);
        if (!back.errors().isEmpty()) {
            return cannotComeBack(verdict, back);
        }
        return adapted(
                verdict,
                reason,
                new NextVersion(
                        back.plan(),
                        List.of(new PlanChange(PlanChange.ChangeType.USUAL_PLAN, null, null, null, reason)),
                        false,
                        false,
                        reason));
    }

    /**
     * Exercises stepped up (progress) or back (regress, or a skipped exercise made easier); a hold when none can be,
     * asking for a review ({@link WeeklyAdaptation#CANNOT_REGRESS}) once per version when a regression is stuck.
     */
    private static Outcome step(
            ProgressionRules rules,
            Library library,
            State state,
            Progression.Verdict verdict,
            String reason,
            Instant at) {
        boolean up = verdict.action() == Action.PROGRESS;
        Adaptation.Result result = Adaptation.step(
                state.plan(),
                verdict,
                library.published(),
                library.eligibility(state.intake(), state.flare()),
                rules.maxChangesPerWeek(),
                state.intake().minutesPerSession() * 60,
                up ? resting(rules, state.progressions(), at) : Set.of());
        if (!result.changes().isEmpty()) {
            String summary = result.changes().stream().map(PlanChange::reason).collect(Collectors.joining("; "));
            return adapted(
                    verdict, summary, new NextVersion(result.plan(), result.changes(), state.flare(), false, summary));
        }
        String summary = reason + "; but no exercise could be stepped " + (up ? "up" : "back") + " further.";
        // A skipped exercise no longer in the plan is nothing to review.
        boolean stuck = !up
                && (verdict.action() == Action.REGRESS
                        || verdict.items().keySet().stream().anyMatch(state.plan()::contains));
        List<Review> reviews = !stuck || state.cannotRegressReviewed()
                ? List.of()
                : List.of(new Review(
                        CANNOT_REGRESS,
                        reason + ", but no exercise can be stepped back further (each is at its easiest"
                                + " variation and lowest dose, or locked): the plan is held for a clinician"
                                + " to review."));
        return new Outcome(Decision.HELD, verdict, summary, null, false, reviews);
    }

    /**
     * The exercises stepped up within the rules' interval before {@code at}, by their slug before and after: none of
     * them is stepped up again yet.
     */
    static Set<String> resting(ProgressionRules rules, List<Progressed> progressions, Instant at) {
        Instant since = at.minus(Duration.ofDays(rules.progressionIntervalDays()));
        Set<String> resting = new HashSet<>();
        for (Progressed p : progressions) {
            if (p.at().isAfter(since)) {
                resting.add(p.from());
                resting.add(p.to());
            }
        }
        return resting;
    }

    /**
     * The plan from before the flare, with retired exercises replaced; a plan that began as a flare at intake gets the
     * usual plan built from the same intake, without the flare rule.
     */
    private static PlanTailoring.Result usualPlan(Library library, State state, String reason) {
        PlanProposal usual = state.usualBeforeFlare() != null
                ? state.usualBeforeFlare()
                : library.builder().build(state.intake(), library.catalog(), library.today(), false);
        return PlanTailoring.apply(
                usual, List.of(), library.published(), library.eligibility(state.intake(), false), reason, null);
    }

    private static Outcome cannotComeBack(Progression.Verdict verdict, PlanTailoring.Result back) {
        return new Outcome(
                Decision.HELD,
                verdict,
                "The plan from before the flare cannot come back as it was: "
                        + back.errors().get(0).message() + ".",
                null,
                false,
                List.of());
    }

    private static Outcome held(Progression.Verdict verdict, String reason) {
        return new Outcome(Decision.HELD, verdict, reason, null, false, List.of());
    }

    private static Outcome adapted(Progression.Verdict verdict, String summary, NextVersion next) {
        return new Outcome(Decision.ADAPTED, verdict, summary, next, false, List.of());
    }
}
