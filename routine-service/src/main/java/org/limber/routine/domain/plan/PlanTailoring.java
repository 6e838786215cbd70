package org.limber.routine.domain.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.limber.common.problem.Problem.FieldProblem;
import org.limber.events.member.PrescribedDose;

/**
 * A clinician's changes to a plan (swap an exercise, change a dose, pause or resume an item, lock
 * it against automatic adaptation or unlock it),
 * and the replacement of exercises the catalog has retired. Works on a copy: the result is the
 * next version, or the errors of the request.
 */
public final class PlanTailoring {

    public enum ChangeType {
        SWAP,
        DOSE,
        PAUSE,
        RESUME,
        /** Keep the item as it is: automatic adaptation leaves it alone. */
        LOCK,
        UNLOCK
    }

    /**
     * One change to the items of {@code slug}, in every session or only in {@code session}.
     * {@code to} is the exercise to swap in; {@code dose} the new dose.
     */
    public record Change(ChangeType type, String slug, Integer session, String to, PrescribedDose dose) {}

    /** The next version, its changes, the exclusions a clinician overrode, and what was replaced; or errors. */
    public record Result(
            PlanProposal plan,
            List<PlanChange> changes,
            List<String> overridden,
            List<String> replaced,
            List<FieldProblem> errors) {}

    private PlanTailoring() {}

    public static Result apply(
            PlanProposal current,
            List<Change> changes,
            Map<String, ExerciseOption> published,
            Eligibility eligibility,
            String note,
            String overrideReason) {
        List<List<PlanProposal.Item>> sessions = new ArrayList<>();
        current.sessions().forEach(s -> sessions.add(new ArrayList<>(s.items())));
        List<FieldProblem> errors = new ArrayList<>();
        List<String> overridden = new ArrayList<>();
        List<PlanChange> recorded = new ArrayList<>();
        boolean override = overrideReason != null && !overrideReason.isBlank();

        for (int c = 0; c < changes.size(); c++) {
            Change change = changes.get(c);
            String at = "changes[" + c + "]";
            if (change.session() != null && (change.session() < 1 || change.session() > sessions.size())) {
                errors.add(new FieldProblem(at + ".session", "the plan has sessions 1 to " + sessions.size()));
                continue;
            }
            TailoredItem.Context context = new TailoredItem.Context(
                    at, published, eligibility, note, override ? overrideReason : null, errors, overridden);
            if (!applyOne(change, sessions, context, recorded)) {
                errors.add(new FieldProblem(
                        at + ".slug",
                        change.slug() + " is not in "
                                + (change.session() == null ? "the plan" : "session " + change.session())));
            }
        }
        List<String> replaced = replaceRetired(sessions, published, eligibility);
        // Never a session without an exercise to do: pausing everything, or retirements nothing can replace, need
        // another change.
        PlanProposal next = proposal(current, sessions);
        for (int number : next.emptySessions()) {
            errors.add(new FieldProblem(
                    "changes", "session " + number + " would have no exercise to do; swap or resume one instead"));
        }
        if (!errors.isEmpty()) {
            return new Result(null, List.of(), List.of(), List.of(), errors);
        }
        return new Result(next, recorded, overridden.stream().distinct().toList(), replaced, List.of());
    }

    /**
     * Applies {@code change} to every item of its exercise in its sessions, recording it once; false when the
     * exercise is in none of them.
     */
    private static boolean applyOne(
            Change change,
            List<List<PlanProposal.Item>> sessions,
            TailoredItem.Context context,
            List<PlanChange> recorded) {
        boolean found = false;
        boolean logged = false;
        for (int s = 0; s < sessions.size(); s++) {
            if (change.session() != null && change.session() != s + 1) {
                continue;
            }
            List<PlanProposal.Item> items = sessions.get(s);
            for (int i = 0; i < items.size(); i++) {
                PlanProposal.Item item = items.get(i);
                if (!item.slug().equals(change.slug())) {
                    continue;
                }
                found = true;
                Optional<PlanProposal.Item> changed = TailoredItem.change(item, change, items, context);
                if (changed.isPresent()) {
                    items.set(i, changed.get());
                    if (!logged) {
                        recorded.add(new PlanChange(
                                PlanChange.ChangeType.valueOf(change.type().name()),
                                item.slug(),
                                PlanChange.ItemState.of(item),
                                PlanChange.ItemState.of(changed.get()),
                                context.note()));
                        logged = true;
                    }
                }
            }
        }
        return found;
    }

    private static List<String> replaceRetired(
            List<List<PlanProposal.Item>> sessions, Map<String, ExerciseOption> published, Eligibility eligibility) {
        List<String> replaced = new ArrayList<>();
        for (List<PlanProposal.Item> items : sessions) {
            for (int i = 0; i < items.size(); i++) {
                PlanProposal.Item item = items.get(i);
                if (published.containsKey(item.slug())) {
                    continue;
                }
                Set<String> inSession = new HashSet<>();
                items.forEach(other -> inSession.add(other.slug()));
                Optional<ExerciseOption> replacement = published.values().stream()
                        .filter(e -> e.category() == item.category() && !inSession.contains(e.slug()))
                        .filter(e -> eligibility.whyExcluded(e).isEmpty())
                        .sorted(Comparator.comparing(ExerciseOption::level).thenComparing(ExerciseOption::slug))
                        .findFirst();
                if (replacement.isPresent()) {
                    ExerciseOption e = replacement.get();
                    PrescribedDose dose = e.dose().prescribed(e.unilateral());
                    items.set(
                            i,
                            new PlanProposal.Item(
                                    e.slug(),
                                    e.version(),
                                    e.name(),
                                    e.category(),
                                    dose,
                                    TimeEstimate.seconds(dose),
                                    "Replaces " + item.name() + ", which was retired from the library",
                                    item.paused(),
                                    item.locked()));
                    replaced.add(item.slug() + " -> " + e.slug());
                } else {
                    items.remove(i--);
                    replaced.add(item.slug() + " -> (removed)");
                }
            }
        }
        return replaced;
    }

    private static PlanProposal proposal(PlanProposal current, List<List<PlanProposal.Item>> sessions) {
        List<PlanProposal.Session> result = new ArrayList<>();
        for (int s = 0; s < sessions.size(); s++) {
            result.add(PlanProposal.Session.of(current.sessions().get(s).number(), sessions.get(s)));
        }
        return new PlanProposal(result, current.excluded(), current.notes());
    }

    static List<FieldProblem> checkDose(PrescribedDose dose, String at) {
        return TailoredItem.checkDose(dose, at);
    }
}
