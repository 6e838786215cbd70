package org.limber.routine.domain.adapt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.plan.Eligibility;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.PlanBuilder;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.domain.plan.Rule;

/**
 * The flare plan: the gentle set, plus the items a clinician locked in the plan before it. A locked
 * item the flare rules leave out (not flare-safe) stays in the plan paused, so that it is not done
 * during the flare and comes back with the usual plan; a locked item the rules allow stays as it is
 * (paused as well if it does not fit the session's minutes beside the gentle set).
 */
public final class FlarePlan {

    static final String PAUSED_REASON =
            "Paused during the flare (not gentle enough while pain is high); it comes back when pain settles";

    private FlarePlan() {}

    /**
     * The plan for a flare: the gentle plan built from the member's intake and the published
     * catalog, keeping the items a clinician locked in {@code current} (see {@link #keepLocked}).
     */
    public static PlanProposal build(
            PlanBuilder builder,
            List<Rule> rules,
            Intake intake,
            Collection<ExerciseOption> catalog,
            PlanProposal current,
            LocalDate today) {
        PlanProposal gentle = builder.build(intake, catalog, today, true);
        Map<String, ExerciseOption> published =
                catalog.stream().collect(Collectors.toMap(ExerciseOption::slug, Function.identity()));
        return keepLocked(
                gentle,
                current,
                published,
                new Eligibility(intake, rules, today, true),
                intake.minutesPerSession() * 60);
    }

    /** {@code budgetSeconds}: the member's minutes per session; a locked item that would not fit beside the gentle set is paused too. */
    public static PlanProposal keepLocked(
            PlanProposal gentle,
            PlanProposal current,
            Map<String, ExerciseOption> published,
            Eligibility flare,
            int budgetSeconds) {
        List<PlanProposal.Session> sessions = new ArrayList<>();
        for (int s = 0; s < gentle.sessions().size(); s++) {
            List<PlanProposal.Item> items =
                    new ArrayList<>(gentle.sessions().get(s).items());
            if (s < current.sessions().size()) {
                for (PlanProposal.Item locked : current.sessions().get(s).items()) {
                    if (!locked.locked()
                            || items.stream().anyMatch(i -> i.slug().equals(locked.slug()))) {
                        continue;
                    }
                    int time = PlanProposal.Session.of(0, items).estimatedSeconds();
                    boolean fits = time + locked.estimatedSeconds() <= budgetSeconds;
                    items.add(fits && allowed(locked, published, flare) ? locked : paused(locked));
                }
            }
            sessions.add(PlanProposal.Session.of(gentle.sessions().get(s).number(), items));
        }
        return new PlanProposal(sessions, gentle.excluded(), gentle.notes());
    }

    /** Allowed in the flare only when the flare rules do not leave it out (an exercise no longer published is not). */
    private static boolean allowed(PlanProposal.Item item, Map<String, ExerciseOption> published, Eligibility flare) {
        ExerciseOption exercise = published.get(item.slug());
        return !item.paused()
                && exercise != null
                && flare.excludingRule(exercise).isEmpty();
    }

    private static PlanProposal.Item paused(PlanProposal.Item item) {
        return new PlanProposal.Item(
                item.slug(),
                item.exerciseVersion(),
                item.name(),
                item.category(),
                item.dose(),
                item.estimatedSeconds(),
                PAUSED_REASON + ". " + item.reason(),
                true,
                true);
    }
}
