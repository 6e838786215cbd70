package org.limber.routine.rest;

import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.limber.events.member.PrescribedDose;
import org.limber.routine.domain.plan.PlanTailoring;

/** A clinician's changes to a member's plan; they become the next version, with the note. */
public record TailorRequest(
        @NotBlank @Size(max = 2000) String note,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Change> changes,

        @Valid @Schema(description = "Needed to swap in an exercise the rules leave out for this member")
        Override override) {

    public record Change(
            @NotNull PlanTailoring.ChangeType type,

            @NotBlank @Size(max = 100) @Schema(description = "The exercise in the plan to change")
            String slug,

            @Min(1) @Max(7) @Schema(description = "Only in this session (1-based); all sessions by default")
            Integer session,

            @Size(max = 100) @Schema(description = "SWAP: the exercise to put in its place")
            String to,

            @Schema(description = "DOSE: the new dose") PrescribedDose dose) {

        PlanTailoring.Change toDomain() {
            return new PlanTailoring.Change(type, slug, session, to, dose);
        }
    }

    public record Override(@NotBlank @Size(max = 2000) String reason) {}
}
