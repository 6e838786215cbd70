package org.limber.routine.domain.adapt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.limber.events.catalog.Category;
import org.limber.events.member.PrescribedDose;
import org.limber.routine.domain.adapt.ProgressionRules.Action;
import org.limber.routine.domain.plan.Dose;
import org.limber.routine.domain.plan.Eligibility;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.PlanChange;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.domain.plan.TimeEstimate;

/**
 * Steps exercises of a plan up or down for a verdict: to the nearest variation along the catalog's
 * harder (easier) links that the member may do, else by dose within the exercise's range. A whole
 * family moves together (the exercise in every session). Locked and paused items are never
 * touched; at most {@code maxChanges} exercises change. Works on a copy.
 */
public final class Adaptation {

    /** The order in which exercises are stepped up: the ones that build capacity first. */
    static final List<Category> PROGRESS_ORDER = List.of(
            Category.CORE_STABILITY,
            Category.STRENGTHENING,
            Category.FUNCTIONAL,
            Category.AEROBIC,
            Category.MOBILITY,
            Category.STRETCH,
            Category.SOFT_TISSUE_RELEASE,
            Category.BREATHING);

    /** The next version and its changes; no changes (and the current plan) when nothing could step. */
    public record Result(PlanProposal plan, List<PlanChange> changes) {}

    private Adaptation() {}

    /**
     * {@code budgetSeconds}: the member's minutes per session; a step that would make a session longer than that (or
     * longer still, if it already is) is not taken, and the next exercise is tried.
     */
    public static Result step(
            PlanProposal current,
            Progression.Verdict verdict,
            Map<String, ExerciseOption> published,
            Eligibility eligibility,
            int maxChanges,
            int budgetSeconds) {
        return step(current, verdict, published, eligibility, maxChanges, budgetSeconds, Set.of());
    }

    /**
     * As above; {@code resting}: exercises progressed too recently to be stepped up again (at most one progression per
     * exercise in the rules' {@code progressionIntervalDays}); they may still be stepped back.
     */
    public static Result step(
            PlanProposal current,
            Progression.Verdict verdict,
            Map<String, ExerciseOption> published,
            Eligibility eligibility,
            int maxChanges,
            int budgetSeconds,
            Set<String> resting) {
        boolean up = verdict.action() == Action.PROGRESS;
        Map<String, PlanProposal.Item> items = new LinkedHashMap<>();
        current.sessions().forEach(s -> s.items().forEach(i -> items.putIfAbsent(i.slug(), i)));
        Set<String> inPlan = new HashSet<>(items.keySet());

        List<PlanProposal.Item> targets = items.values().stream()
                .filter(i -> !i.locked() && !i.paused())
                .filter(i -> !up || !resting.contains(i.slug()))
                .filter(i -> verdict.action() != Action.REGRESS_SKIPPED
                        || verdict.items().containsKey(i.slug()))
                .sorted(up ? upOrder(published) : downOrder(published))
                .toList();

        List<PlanChange> changes = new ArrayList<>();
        PlanProposal next = current;
        for (PlanProposal.Item item : targets) {
            if (changes.size() >= maxChanges) {
                break;
            }
            String why = verdict.items().getOrDefault(item.slug(), verdict.reason());
            Optional<PlanChange> change = variation(item, up, published, eligibility, inPlan, why)
                    .or(() -> dose(item, up, published.get(item.slug()), why));
            if (change.isEmpty()) {
                continue;
            }
            PlanProposal candidate = next.replace(item.slug(), i -> item(i, change.get()));
            if (!fits(candidate, next, budgetSeconds)) {
                continue;
            }
            changes.add(change.get());
            inPlan.add(change.get().to().slug());
            next = candidate;
        }
        if (changes.isEmpty()) {
            return new Result(current, List.of());
        }
        return new Result(next, changes);
    }

    /** Every session within the budget, or no longer than it was. */
    private static boolean fits(PlanProposal candidate, PlanProposal before, int budgetSeconds) {
        for (int s = 0; s < candidate.sessions().size(); s++) {
            int seconds = candidate.sessions().get(s).estimatedSeconds();
            if (seconds > budgetSeconds && seconds > before.sessions().get(s).estimatedSeconds()) {
                return false;
            }
        }
        return true;
    }

    /** The nearest variation along the links the member may do and does not have yet; excluded ones are passed over. */
    private static Optional<PlanChange> variation(
            PlanProposal.Item item,
            boolean up,
            Map<String, ExerciseOption> published,
            Eligibility eligibility,
            Set<String> inPlan,
            String why) {
        ExerciseOption from = published.get(item.slug());
        if (from == null) {
            return Optional.empty();
        }
        Deque<String> next = new ArrayDeque<>(up ? from.harder() : from.easier());
        Set<String> seen = new HashSet<>(Set.of(from.slug()));
        while (!next.isEmpty()) {
            ExerciseOption candidate = published.get(next.poll());
            if (candidate == null || !seen.add(candidate.slug())) {
                continue;
            }
            if (!inPlan.contains(candidate.slug())
                    && eligibility.whyExcludedAsProgression(candidate).isEmpty()) {
                PrescribedDose dose = candidate.dose().prescribed(candidate.unilateral());
                return Optional.of(new PlanChange(
                        up ? PlanChange.ChangeType.HARDER_VARIATION : PlanChange.ChangeType.EASIER_VARIATION,
                        item.slug(),
                        PlanChange.ItemState.of(item),
                        new PlanChange.ItemState(candidate.slug(), candidate.version(), candidate.name(), dose),
                        item.name() + " moved to " + candidate.name() + ": " + why));
            }
            next.addAll(up ? candidate.harder() : candidate.easier());
        }
        return Optional.empty();
    }

    /** One step of dose: repetitions, then hold, then time, then sets (down: the same order), within the ranges. */
    static Optional<PlanChange> dose(PlanProposal.Item item, boolean up, ExerciseOption exercise, String why) {
        if (exercise == null) {
            return Optional.empty();
        }
        PrescribedDose d = item.dose();
        Dose ranges = exercise.dose();
        Integer reps = d.reps();
        Integer hold = d.holdSeconds();
        Integer duration = d.durationSeconds();
        int sets = d.sets();
        Integer stepped;
        if ((stepped = step(reps, ranges.repsRange(), 2, up)) != null) {
            reps = stepped;
        } else if ((stepped = step(hold, ranges.holdSecondsRange(), 5, up)) != null) {
            hold = stepped;
        } else if ((stepped = step(duration, ranges.durationSecondsRange(), 15, up)) != null) {
            duration = stepped;
        } else if ((stepped = step(sets, ranges.setsRange(), 1, up)) != null) {
            sets = stepped;
        } else {
            return Optional.empty();
        }
        PrescribedDose next = new PrescribedDose(sets, reps, hold, duration, d.restSeconds(), d.perSide());
        return Optional.of(new PlanChange(
                up ? PlanChange.ChangeType.MORE_DOSE : PlanChange.ChangeType.LESS_DOSE,
                item.slug(),
                PlanChange.ItemState.of(item),
                new PlanChange.ItemState(item.slug(), item.exerciseVersion(), item.name(), next),
                item.name() + ": " + PlanChange.describe(next) + " instead of " + PlanChange.describe(d) + ": " + why));
    }

    private static Integer step(Integer value, Dose.Range range, int by, boolean up) {
        if (value == null || range == null) {
            return null;
        }
        int next = up ? Math.min(range.max(), value + by) : Math.max(range.min(), value - by);
        return next == value ? null : next;
    }

    private static PlanProposal.Item item(PlanProposal.Item was, PlanChange change) {
        PlanChange.ItemState to = change.to();
        return new PlanProposal.Item(
                to.slug(),
                to.exerciseVersion(),
                to.name(),
                was.category(),
                to.dose(),
                TimeEstimate.seconds(to.dose()),
                change.reason(),
                false,
                false);
    }

    private static Comparator<PlanProposal.Item> upOrder(Map<String, ExerciseOption> published) {
        return Comparator.<PlanProposal.Item>comparingInt(i -> rank(i.category()))
                .thenComparing(i -> level(published, i))
                .thenComparing(PlanProposal.Item::slug);
    }

    /** The most demanding first: highest level, then most load on the spine. */
    private static Comparator<PlanProposal.Item> downOrder(Map<String, ExerciseOption> published) {
        return Comparator.<PlanProposal.Item>comparingInt(i -> -level(published, i))
                .thenComparing(i -> -load(published, i))
                .thenComparingInt(i -> rank(i.category()))
                .thenComparing(PlanProposal.Item::slug);
    }

    private static int rank(Category category) {
        int rank = PROGRESS_ORDER.indexOf(category);
        return rank < 0 ? PROGRESS_ORDER.size() : rank;
    }

    private static int level(Map<String, ExerciseOption> published, PlanProposal.Item item) {
        ExerciseOption e = published.get(item.slug());
        return e == null ? 0 : e.level().ordinal();
    }

    private static int load(Map<String, ExerciseOption> published, PlanProposal.Item item) {
        ExerciseOption e = published.get(item.slug());
        return e == null ? 0 : e.spinalLoad().ordinal();
    }
}
