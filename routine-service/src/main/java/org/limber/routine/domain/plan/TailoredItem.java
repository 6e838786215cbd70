package org.limber.routine.domain.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.limber.common.problem.Problem.FieldProblem;
import org.limber.events.member.PrescribedDose;
import org.limber.routine.domain.plan.PlanTailoring.Change;
import org.limber.routine.domain.plan.PlanTailoring.ChangeType;

/** One item of a plan as a clinician's change leaves it: paused or resumed, locked or unlocked, a new dose, or swapped. */
final class TailoredItem {

    /**
     * What every change of a request is checked against: where it is in the request (for the errors), the
     * published catalog, the member's eligibility, the clinician's note, the override reason (null: none), and
     * where errors and overridden exclusions are collected.
     */
    record Context(
            String at,
            Map<String, ExerciseOption> published,
            Eligibility eligibility,
            String note,
            String overrideReason,
            List<FieldProblem> errors,
            List<String> overridden) {}

    private TailoredItem() {}

    /** The item changed, or empty when the change is refused (its errors added to the context's). */
    static Optional<PlanProposal.Item> change(
            PlanProposal.Item item, Change change, List<PlanProposal.Item> session, Context context) {
        return switch (change.type()) {
            case PAUSE, RESUME ->
                Optional.of(new PlanProposal.Item(
                        item.slug(),
                        item.exerciseVersion(),
                        item.name(),
                        item.category(),
                        item.dose(),
                        item.estimatedSeconds(),
                        item.reason(),
                        change.type() == ChangeType.PAUSE,
                        item.locked()));
            case LOCK, UNLOCK ->
                Optional.of(new PlanProposal.Item(
                        item.slug(),
                        item.exerciseVersion(),
                        item.name(),
                        item.category(),
                        item.dose(),
                        item.estimatedSeconds(),
                        item.reason(),
                        item.paused(),
                        change.type() == ChangeType.LOCK));
            case DOSE -> withDose(item, change.dose(), context);
            case SWAP -> swapped(item, change.to(), session, context);
        };
    }

    private static Optional<PlanProposal.Item> withDose(PlanProposal.Item item, PrescribedDose asked, Context context) {
        List<FieldProblem> doseErrors = checkDose(asked, context.at() + ".dose");
        if (!doseErrors.isEmpty()) {
            context.errors().addAll(doseErrors);
            return Optional.empty();
        }
        ExerciseOption exercise = context.published().get(item.slug());
        boolean unilateral =
                exercise != null ? exercise.unilateral() : item.dose().perSide();
        PrescribedDose dose = new PrescribedDose(
                asked.sets(),
                asked.reps(),
                asked.holdSeconds(),
                asked.durationSeconds(),
                asked.restSeconds(),
                unilateral);
        return Optional.of(new PlanProposal.Item(
                item.slug(),
                item.exerciseVersion(),
                item.name(),
                item.category(),
                dose,
                TimeEstimate.seconds(dose),
                "Dose set by your clinician: " + context.note(),
                item.paused(),
                item.locked()));
    }

    private static Optional<PlanProposal.Item> swapped(
            PlanProposal.Item item, String toSlug, List<PlanProposal.Item> session, Context context) {
        String at = context.at() + ".to";
        ExerciseOption to = toSlug == null ? null : context.published().get(toSlug);
        if (to == null) {
            context.errors().add(new FieldProblem(at, "there is no published exercise " + toSlug));
            return Optional.empty();
        }
        if (!to.slug().equals(item.slug())
                && session.stream().anyMatch(other -> other.slug().equals(to.slug()))) {
            context.errors().add(new FieldProblem(at, to.slug() + " is in that session already"));
            return Optional.empty();
        }
        Optional<String> why = context.eligibility().whyExcluded(to);
        if (why.isPresent() && context.overrideReason() == null) {
            context.errors()
                    .add(new FieldProblem(
                            at,
                            to.slug() + " is left out for this member: " + why.get()
                                    + "; send an override with a reason to prescribe it anyway"));
            return Optional.empty();
        }
        String reason = "Chosen by your clinician: " + context.note();
        if (why.isPresent()) {
            context.overridden().add(to.slug() + " (" + why.get() + ")");
            reason += " (prescribed despite the rule that " + why.get() + ": " + context.overrideReason() + ")";
        }
        PrescribedDose dose = to.dose().prescribed(to.unilateral());
        return Optional.of(new PlanProposal.Item(
                to.slug(),
                to.version(),
                to.name(),
                to.category(),
                dose,
                TimeEstimate.seconds(dose),
                reason,
                item.paused(),
                item.locked()));
    }

    static List<FieldProblem> checkDose(PrescribedDose dose, String at) {
        List<FieldProblem> errors = new ArrayList<>();
        if (dose == null) {
            return List.of(new FieldProblem(at, "a dose change needs the dose"));
        }
        within(errors, at + ".sets", dose.sets(), 1, 10);
        within(errors, at + ".reps", dose.reps(), 1, 50);
        within(errors, at + ".holdSeconds", dose.holdSeconds(), 1, 120);
        within(errors, at + ".durationSeconds", dose.durationSeconds(), 10, 3600);
        within(errors, at + ".restSeconds", dose.restSeconds(), 0, 300);
        if ((dose.reps() == null) == (dose.durationSeconds() == null)) {
            errors.add(new FieldProblem(at, "give either reps or durationSeconds, not both and not neither"));
        }
        if (dose.holdSeconds() != null && dose.reps() == null) {
            errors.add(new FieldProblem(at + ".holdSeconds", "a hold is per repetition, so it needs reps"));
        }
        return errors;
    }

    private static void within(List<FieldProblem> errors, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            errors.add(new FieldProblem(field, "must be between " + min + " and " + max));
        }
    }
}
