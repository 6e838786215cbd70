package org.limber.routine.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import org.limber.routine.rest.ErasureViews.ErasureView;
import org.limber.routine.service.ErasureService;

/** A member asks for the erasure of their data and account (GDPR Art. 17). */
@Path("/members/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("member")
@SecurityRequirement(name = "oidc")
@Tag(name = "Privacy", description = "Erasure of a member's data, and legal holds")
public class MemberErasureResource {

    private final ErasureService erasures;
    private final SecurityIdentity identity;

    public MemberErasureResource(ErasureService erasures, SecurityIdentity identity) {
        this.erasures = erasures;
        this.identity = identity;
    }

    @POST
    @Path("/erasure")
    @Operation(
            summary = "Erase my data and my account",
            description =
                    "Every service deletes the member's rows and the account is deleted; the member cannot sign in afterwards. A legal hold makes the request wait (HELD, with the reason). Idempotent: a repeat answers the same request (200).")
    @APIResponse(
            responseCode = "202",
            description = "Requested; it proceeds in every service",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Requested before: the same request, as it stands",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    public Response requestMyErasure() {
        String me = identity.getPrincipal().getName();
        ErasureService.Requested requested = erasures.request(me, me);
        return Response.status(requested.created() ? 202 : 200)
                .entity(ErasureView.of(requested.erasure()))
                .build();
    }
}
