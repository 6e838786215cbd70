package org.limber.routine.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.limber.routine.domain.CareAssignment;
import org.limber.routine.rest.PlanViews.CareAssignmentView;
import org.limber.routine.rest.PlanViews.PlanView;
import org.limber.routine.service.CareTeamService;
import org.limber.routine.service.PlanService;

import io.quarkus.security.identity.SecurityIdentity;

/** Care teams: a clinician's view and tailoring of their members' plans; admins assign members to clinicians. */
@Path("/members/{memberId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Care team", description = "Clinicians (for members on their panel) and admins")
public class CareTeamResource {

    public record Assignment(@NotBlank @Size(max = 200) String clinicianId) {
    }

    private final PlanService plans;
    private final CareTeamService careTeam;
    private final SecurityIdentity identity;

    public CareTeamResource(PlanService plans, CareTeamService careTeam, SecurityIdentity identity) {
        this.plans = plans;
        this.careTeam = careTeam;
        this.identity = identity;
    }

    @GET
    @Path("/plan")
    @RolesAllowed("clinician")
    @Operation(summary = "A member's plan in force, with who changed it and why")
    @APIResponse(responseCode = "403", description = "The member is not on your panel")
    public PlanView plan(@PathParam("memberId") String memberId) {
        return PlanView.of(plans.forClinician(caller(), memberId));
    }

    @PUT
    @Path("/plan")
    @RolesAllowed("clinician")
    @Operation(summary = "Tailor a member's plan", description = "Swap an exercise, change a dose, pause or resume an item, with a note; the result is the next version. Swapping in an exercise the rules leave out for this member needs an override with a reason, which is recorded.")
    @APIResponse(responseCode = "200", description = "The new version")
    @APIResponse(responseCode = "403", description = "The member is not on your panel")
    @APIResponse(responseCode = "422", description = "A change does not apply (unknown item, excluded exercise without override, bad dose)")
    public PlanView tailor(@PathParam("memberId") String memberId, @NotNull @Valid TailorRequest request) {
        return PlanView.of(plans.tailor(caller(), memberId, request.changes().stream().map(TailorRequest.Change::toDomain).toList(),
                request.note(), request.override() == null ? null : request.override().reason()));
    }

    @PUT
    @Path("/care-team")
    @RolesAllowed("admin")
    @Operation(summary = "Assign a member to a clinician's panel")
    public CareAssignmentView assign(@PathParam("memberId") String memberId, @NotNull @Valid Assignment request) {
        CareAssignment a = careTeam.assign(memberId, request.clinicianId(), caller());
        return new CareAssignmentView(a.memberId, a.clinicianId, a.assignedBy, a.assignedAt);
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }
}
