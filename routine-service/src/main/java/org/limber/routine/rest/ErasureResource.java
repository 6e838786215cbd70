package org.limber.routine.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.problem.ProblemException;
import org.limber.routine.rest.ErasureViews.ErasureView;
import org.limber.routine.rest.ErasureViews.HoldRequest;
import org.limber.routine.rest.ErasureViews.HoldView;
import org.limber.routine.service.ErasureService;

/** An admin asks for a member's erasure, follows it per service, and places or releases legal holds. */
@Path("/members/{memberId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "oidc")
@Tag(name = "Privacy", description = "Erasure of a member's data, and legal holds")
public class ErasureResource {

    private final ErasureService erasures;
    private final SecurityIdentity identity;

    public ErasureResource(ErasureService erasures, SecurityIdentity identity) {
        this.erasures = erasures;
        this.identity = identity;
    }

    @POST
    @Path("/erasure")
    @Operation(
            summary = "Erase a member's data and account",
            description =
                    "As the member's own request: every service deletes the member's rows, then the account goes. A legal hold makes it wait (HELD). Idempotent: a repeat answers the same request (200).")
    @APIResponse(
            responseCode = "202",
            description = "Requested",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Requested before: the same request",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    public Response requestErasure(@PathParam("memberId") String memberId) {
        ErasureService.Requested requested =
                erasures.request(memberId, identity.getPrincipal().getName());
        return Response.status(requested.created() ? 202 : 200)
                .entity(ErasureView.of(requested.erasure()))
                .build();
    }

    @GET
    @Path("/erasure")
    @Operation(summary = "A member's erasure request, with each service's part")
    @APIResponse(
            responseCode = "200",
            description = "The request",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "404", description = "No erasure was requested for the member")
    public ErasureView erasure(@PathParam("memberId") String memberId) {
        return erasures.find(memberId)
                .map(ErasureView::of)
                .orElseThrow(() -> ProblemException.notFound("no erasure was requested for this member"));
    }

    @PUT
    @Path("/legal-hold")
    @Operation(
            summary = "Place a legal hold on a member's record",
            description =
                    "The member's erasure waits (HELD, with this reason) until the hold is released. A repeat with another reason replaces it.")
    @APIResponse(
            responseCode = "200",
            description = "The hold in force",
            content = @Content(schema = @Schema(implementation = HoldView.class)))
    @APIResponse(responseCode = "400", description = "reason missing, blank or over 500 characters")
    @APIResponse(responseCode = "409", description = "The member's erasure has started: nothing is left to hold")
    public HoldView placeLegalHold(@PathParam("memberId") String memberId, @NotNull @Valid HoldRequest request) {
        return HoldView.of(erasures.placeHold(
                memberId, request.reason().strip(), identity.getPrincipal().getName()));
    }

    @DELETE
    @Path("/legal-hold")
    @Operation(
            summary = "Release a member's legal hold",
            description = "A held erasure then proceeds. Releasing a hold that is not there changes nothing.")
    @APIResponse(responseCode = "204", description = "Released")
    public void releaseLegalHold(@PathParam("memberId") String memberId) {
        erasures.releaseHold(memberId);
    }
}
