package org.limber.routine.domain.adapt;

import java.time.Instant;
import java.util.List;

/**
 * After spine surgery, automatic progression waits for a clinician's clearance. The wait begins with
 * the first plan of the member's latest run of intakes reporting the surgery (a repeat intake does not
 * start it again), or when a clinician withdrew a clearance, whichever is later; it ends when a
 * clinician clears progression.
 */
public final class ClearanceWait {

    /** An intake that made a plan: when it was taken and whether it reported spine surgery. */
    public record PlanIntake(Instant takenAt, boolean spineSurgery) {}

    private ClearanceWait() {}

    /**
     * Since when progression has awaited clearance, or null when it does not (the plan in force answers
     * an intake without surgery, or progression is cleared).
     *
     * @param newestFirst          the member's intakes that made a plan, the newest (the plan in force's) first
     * @param cleared              a clinician has cleared progression
     * @param clearanceWithdrawnAt when a clinician last withdrew a clearance (null: never)
     */
    public static Instant since(List<PlanIntake> newestFirst, boolean cleared, Instant clearanceWithdrawnAt) {
        if (cleared || newestFirst.isEmpty() || !newestFirst.get(0).spineSurgery()) {
            return null;
        }
        Instant since = null;
        for (PlanIntake intake : newestFirst) {
            if (!intake.spineSurgery()) {
                break;
            }
            since = intake.takenAt();
        }
        return clearanceWithdrawnAt != null && clearanceWithdrawnAt.isAfter(since) ? clearanceWithdrawnAt : since;
    }
}
