package org.limber.engagement.rest;

import java.util.Map;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.engagement.delivery.WebPushChannel;

/** Web Push: the VAPID public key, and the push subscriptions of members and of the care team. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Push", description = "Web Push subscriptions")
public class PushResource {

    private final WebPushChannel push;
    private final PushSubscriptions subscriptions;

    public PushResource(WebPushChannel push, PushSubscriptions subscriptions) {
        this.push = push;
        this.subscriptions = subscriptions;
    }

    @GET
    @Path("push/vapid-public-key")
    @RolesAllowed({"member", "clinician", "content-editor", "admin"})
    @Operation(operationId = "getVapidPublicKey", summary = "The key browsers subscribe to push with")
    public Map<String, String> publicKey() {
        return Map.of("publicKey", push.publicKey());
    }

    @POST
    @Path("members/me/push-subscriptions")
    @RolesAllowed("member")
    @Operation(operationId = "subscribeMember", summary = "Receive notifications on this browser (201, 200 when known)")
    public Response subscribeMember(@NotNull PushSubscriptionBody body) {
        return subscriptions.subscribe(body);
    }

    @DELETE
    @Path("members/me/push-subscriptions")
    @RolesAllowed("member")
    @Operation(
            operationId = "unsubscribeMember",
            summary = "Stop notifications on this browser (204, also when unknown)")
    public Response unsubscribeMember(@QueryParam("endpoint") String endpoint) {
        return subscriptions.unsubscribe(endpoint);
    }
}
