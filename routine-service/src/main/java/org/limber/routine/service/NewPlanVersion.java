package org.limber.routine.service;

import java.util.List;
import java.util.UUID;

import org.limber.routine.domain.IntakeRecord;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.plan.PlanChange;
import org.limber.routine.domain.plan.PlanProposal;

/**
 * What a new plan version is: whose, the plan, the intake it answers, who made it and why; then
 * optionally the override reason a clinician recorded, the changes it makes, the assessment an
 * adaptation came from, whether it is a flare plan, and whether it is the plan from before a flare one
 * step easier for the week after it.
 */
public record NewPlanVersion(
        String memberId,
        PlanProposal proposal,
        IntakeRecord intake,
        Plan.Source source,
        String author,
        String note,
        String overrideReason,
        List<PlanChange> changes,
        UUID assessmentId,
        boolean flare,
        boolean afterFlare) {

    /** A version with no override, no recorded changes, no assessment, not a flare plan. */
    public static NewPlanVersion of(
            String memberId,
            PlanProposal proposal,
            IntakeRecord intake,
            Plan.Source source,
            String author,
            String note) {
        return new NewPlanVersion(
                memberId, proposal, intake, source, author, note, null, List.of(), null, false, false);
    }

    public NewPlanVersion withOverride(String reason) {
        return new NewPlanVersion(
                memberId, proposal, intake, source, author, note, reason, changes, assessmentId, flare, afterFlare);
    }

    public NewPlanVersion withChanges(List<PlanChange> made) {
        return new NewPlanVersion(
                memberId,
                proposal,
                intake,
                source,
                author,
                note,
                overrideReason,
                made,
                assessmentId,
                flare,
                afterFlare);
    }

    public NewPlanVersion fromAssessment(UUID assessment) {
        return new NewPlanVersion(
                memberId,
                proposal,
                intake,
                source,
                author,
                note,
                overrideReason,
                changes,
                assessment,
                flare,
                afterFlare);
    }

    public NewPlanVersion withFlare(boolean isFlare) {
        return new NewPlanVersion(
                memberId,
                proposal,
                intake,
                source,
                author,
                note,
                overrideReason,
                changes,
                assessmentId,
                isFlare,
                afterFlare);
    }

    public NewPlanVersion withAfterFlare(boolean isAfterFlare) {
        return new NewPlanVersion(
                memberId,
                proposal,
                intake,
                source,
                author,
                note,
                overrideReason,
                changes,
                assessmentId,
                flare,
                isAfterFlare);
    }
}
