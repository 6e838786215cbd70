package org.limber.engagement.rest;

import java.util.Map;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

import org.limber.common.export.ExportPartSchema;
import org.limber.engagement.service.MemberDataExport;

/** The member's own data held by engagement-service, for the export routine-service assembles. */
@Path("/members/me/data")
@SecurityRequirement(name = "oidc")
@Tag(name = "Privacy", description = "A member's copy of their data")
public class MemberDataResource {

    private final MemberDataExport export;
    private final SecurityIdentity identity;

    public MemberDataResource(MemberDataExport export, SecurityIdentity identity) {
        this.export = export;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("member")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "myData",
            summary = "Everything engagement-service holds about you (reminders, push subscriptions without their"
                    + " keys, notifications, messages both ways, alerts and escalations), as one JSON object")
    @APIResponse(
            responseCode = "200",
            description = "Your part of the data export",
            content = @Content(schema = @Schema(implementation = ExportPartSchema.class)))
    public Response mine() {
        return Response.ok(export.part(identity.getPrincipal().getName(), Map.of()), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
