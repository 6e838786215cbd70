package org.limber.routine.domain.plan;

import java.util.Locale;

import org.limber.events.member.PrescribedDose;

/**
 * One change a plan version made to an exercise (or to the whole plan), and why, for the member
 * and the care team. {@code from} and {@code to} are null where nothing was before or after.
 */
public record PlanChange(ChangeType kind, String slug, ItemState from, ItemState to, String reason) {

    public enum ChangeType {
        /** Automatic: the next harder variation of the family. */
        HARDER_VARIATION,
        /** Automatic: the next easier variation. */
        EASIER_VARIATION,
        /** Automatic: more repetitions, hold, time or sets, within the exercise's range. */
        MORE_DOSE,
        /** Automatic: less dose, within the range. */
        LESS_DOSE,
        /** Automatic: the gentle flare plan in place of the usual one. */
        FLARE_PLAN,
        /** Automatic: the usual plan back after a flare. */
        USUAL_PLAN,
        /** A clinician's change. */
        SWAP,
        DOSE,
        PAUSE,
        RESUME,
        LOCK,
        UNLOCK,
        /** A clinician undid an automatic change. */
        UNDO
    }

    /** An exercise as it was or became. */
    public record ItemState(String slug, int exerciseVersion, String name, PrescribedDose dose) {

        public static ItemState of(PlanProposal.Item item) {
            return new ItemState(item.slug(), item.exerciseVersion(), item.name(), item.dose());
        }
    }

    /**
     * {@code plan} with the exercise a change made ({@code to}) back to what it was ({@code from}), with
     * {@code reason}, locked against adaptation; the item keeps its category and whether it is paused.
     */
    public static PlanProposal undone(PlanProposal plan, ItemState from, ItemState to, String reason) {
        return plan.replace(
                to.slug(),
                item -> new PlanProposal.Item(
                        from.slug(),
                        from.exerciseVersion(),
                        from.name(),
                        item.category(),
                        from.dose(),
                        TimeEstimate.seconds(from.dose()),
                        reason,
                        item.paused(),
                        true));
    }

    /** A dose in a few words: "3 x 10", "2 x 8 with 5 s holds", "2 x 30 s", "... per side". */
    public static String describe(PrescribedDose dose) {
        StringBuilder text = new StringBuilder().append(dose.sets()).append(" x ");
        if (dose.reps() != null) {
            text.append(dose.reps());
            if (dose.holdSeconds() != null) {
                text.append(" with ").append(dose.holdSeconds()).append(" s holds");
            }
        } else {
            text.append(dose.durationSeconds()).append(" s");
        }
        return (dose.perSide() ? text.append(" per side") : text).toString().toLowerCase(Locale.ROOT);
    }
}
