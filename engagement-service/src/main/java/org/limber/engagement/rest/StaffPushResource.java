package org.limber.engagement.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Push subscriptions of clinicians and admins, so that urgent alerts and messages reach them by push. */
@Path("/care-team")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Push", description = "Web Push subscriptions")
public class StaffPushResource {

    private final PushSubscriptions push;

    public StaffPushResource(PushSubscriptions push) {
        this.push = push;
    }

    @POST
    @Path("push-subscriptions")
    @RolesAllowed({"clinician", "admin"})
    @Operation(operationId = "subscribeStaff", summary = "Receive urgent alerts and messages on this browser")
    public Response subscribeStaff(@NotNull PushSubscriptionBody body) {
        return push.subscribe(body);
    }

    @DELETE
    @Path("push-subscriptions")
    @RolesAllowed({"clinician", "admin"})
    @Operation(operationId = "unsubscribeStaff", summary = "Stop notifications on this browser")
    public Response unsubscribeStaff(@QueryParam("endpoint") String endpoint) {
        return push.unsubscribe(endpoint);
    }
}
