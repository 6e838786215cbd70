package org.limber.routine.domain.adapt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.limber.routine.domain.plan.Eligibility;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.PlanProposal;

/**
 * The flare plan: the gentle set, plus the items a clinician locked in the plan before it. A locked
 * item the flare rules leave out (not flare-safe) stays in the plan paused, so that it is not done
 * during the flare and comes back with the usual plan; a locked item the rules allow stays as it is.
 */
public final class FlarePlan {

    static final String PAUSED_REASON = "Paused during the flare (not gentle enough while pain is high); it comes back when pain settles";

    private FlarePlan() {
    }

    public static PlanProposal keepLocked(PlanProposal gentle, PlanProposal current, Map<String, ExerciseOption> published,
            Eligibility flare) {
        List<PlanProposal.Session> sessions = new ArrayList<>();
        for (int s = 0; s < gentle.sessions().size(); s++) {
            List<PlanProposal.Item> items = new ArrayList<>(gentle.sessions().get(s).items());
            if (s < current.sessions().size()) {
                current.sessions().get(s).items().stream().filter(PlanProposal.Item::locked)
                        .filter(locked -> items.stream().noneMatch(i -> i.slug().equals(locked.slug())))
                        .map(locked -> allowed(locked, published, flare) ? locked : paused(locked))
                        .forEach(items::add);
            }
            sessions.add(PlanProposal.Session.of(gentle.sessions().get(s).number(), items));
        }
        return new PlanProposal(sessions, gentle.excluded(), gentle.notes());
    }

    /** Allowed in the flare only when the flare rules do not leave it out (an exercise no longer published is not). */
    private static boolean allowed(PlanProposal.Item item, Map<String, ExerciseOption> published, Eligibility flare) {
        ExerciseOption exercise = published.get(item.slug());
        return !item.paused() && exercise != null && flare.excludingRule(exercise).isEmpty();
    }

    private static PlanProposal.Item paused(PlanProposal.Item item) {
        return new PlanProposal.Item(item.slug(), item.exerciseVersion(), item.name(), item.category(), item.dose(), item.estimatedSeconds(),
                PAUSED_REASON + ". " + item.reason(), true, true);
    }
}
