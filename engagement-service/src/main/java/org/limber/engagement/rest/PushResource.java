package org.limber.engagement.rest;

import java.time.Clock;
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

import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.engagement.config.PushConfig;
import org.limber.engagement.delivery.WebPushChannel;
import org.limber.engagement.repository.SubscriptionStore;
import org.limber.engagement.repository.SubscriptionStore.Subscription;

/** Web Push: the VAPID public key, and the push subscriptions of members and of the care team. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Push", description = "Web Push subscriptions")
public class PushResource {

    private final WebPushChannel push;
    private final SubscriptionStore subscriptions;
    private final Callers callers;
    private final Clock clock;
    private final boolean allowHttp;

    public PushResource(
            WebPushChannel push, SubscriptionStore subscriptions, Callers callers, Clock clock, PushConfig config) {
        this.push = push;
        this.subscriptions = subscriptions;
        this.callers = callers;
        this.clock = clock;
        this.allowHttp = config.allowHttpEndpoints();
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
        return subscribe(body);
    }

    @DELETE
    @Path("members/me/push-subscriptions")
    @RolesAllowed("member")
    @Operation(
            operationId = "unsubscribeMember",
            summary = "Stop notifications on this browser (204, also when unknown)")
    public Response unsubscribeMember(@QueryParam("endpoint") String endpoint) {
        return unsubscribe(endpoint);
    }

    @POST
    @Path("care-team/push-subscriptions")
    @RolesAllowed({"clinician", "admin"})
    @Operation(operationId = "subscribeStaff", summary = "Receive urgent alerts and messages on this browser")
    public Response subscribeStaff(@NotNull PushSubscriptionBody body) {
        return subscribe(body);
    }

    @DELETE
    @Path("care-team/push-subscriptions")
    @RolesAllowed({"clinician", "admin"})
    @Operation(operationId = "unsubscribeStaff", summary = "Stop notifications on this browser")
    public Response unsubscribeStaff(@QueryParam("endpoint") String endpoint) {
        return unsubscribe(endpoint);
    }

    private Response subscribe(PushSubscriptionBody body) {
        body.check(allowHttp);
        String user = callers.remembered().id();
        boolean created = subscriptions.save(
                new Subscription(
                        body.endpoint(), user, body.keys().p256dh(), body.keys().auth()),
                Timestamps.now(clock));
        return Response.status(created ? 201 : 200).build();
    }

    private Response unsubscribe(String endpoint) {
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > PushSubscriptionBody.MAX_ENDPOINT) {
            throw ProblemException.badParameter(
                    "endpoint",
                    "must be the subscription's endpoint, at most " + PushSubscriptionBody.MAX_ENDPOINT
                            + " characters");
        }
        subscriptions.delete(callers.id(), endpoint);
        return Response.noContent().build();
    }
}
