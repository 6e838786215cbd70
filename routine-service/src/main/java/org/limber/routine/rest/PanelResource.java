package org.limber.routine.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.events.Ids;
import org.limber.routine.service.CareTeamService;

/** Panels as a whole: an admin moves one clinician's panel to another (someone leaves). */
@Path("/care-team/panels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Care team", description = "Clinicians (for members on their panel) and admins")
public class PanelResource {

    public record Move(@NotBlank @Size(max = Ids.MAX_LENGTH) String toClinicianId) {}

    private final CareTeamService careTeam;
    private final SecurityIdentity identity;

    public PanelResource(CareTeamService careTeam, SecurityIdentity identity) {
        this.careTeam = careTeam;
        this.identity = identity;
    }

    @POST
    @Path("/{fromClinicianId}/move")
    @RolesAllowed("admin")
    @Operation(
            summary = "Move every member of a clinician's panel to another clinician",
            description =
                    "Each member is assigned as by PUT /members/{memberId}/care-team (CareTeamAssigned, and PlanAssigned when there is a plan), one at a time; repeating the move finishes one cut short and moves nothing twice. moved counts the members moved by this request.")
    @APIResponse(responseCode = "200", description = "The panel has moved")
    @APIResponse(
            responseCode = "422",
            description = "toClinicianId is not an enabled clinician, or is the clinician the panel moves from")
    public CareTeamService.Moved move(
            @PathParam("fromClinicianId") String fromClinicianId, @NotNull @Valid Move request) {
        return careTeam.movePanel(
                fromClinicianId,
                request.toClinicianId(),
                identity.getPrincipal().getName());
    }
}
