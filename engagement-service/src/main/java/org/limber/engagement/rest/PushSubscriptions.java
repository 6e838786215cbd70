package org.limber.engagement.rest;

import java.time.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.engagement.config.PushConfig;
import org.limber.engagement.repository.SubscriptionStore;
import org.limber.engagement.repository.SubscriptionStore.Subscription;

/** Saving and removing the caller's push subscriptions (members and staff alike). */
@ApplicationScoped
public class PushSubscriptions {

    private final SubscriptionStore subscriptions;
    private final Callers callers;
    private final Clock clock;
    private final boolean allowHttp;

    public PushSubscriptions(SubscriptionStore subscriptions, Callers callers, Clock clock, PushConfig config) {
        this.subscriptions = subscriptions;
        this.callers = callers;
        this.clock = clock;
        this.allowHttp = config.allowHttpEndpoints();
    }

    public Response subscribe(PushSubscriptionBody body) {
        body.check(allowHttp);
        String user = callers.remembered().id();
        boolean created = subscriptions.save(
                new Subscription(
                        body.endpoint(), user, body.keys().p256dh(), body.keys().auth()),
                Timestamps.now(clock));
        return Response.status(created ? 201 : 200).build();
    }

    public Response unsubscribe(String endpoint) {
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
