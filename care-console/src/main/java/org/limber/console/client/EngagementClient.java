package org.limber.console.client;

import java.util.List;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.limber.console.client.EngagementViews.Escalation;
import org.limber.console.client.EngagementViews.Message;
import org.limber.console.client.EngagementViews.MessagePage;
import org.limber.console.client.EngagementViews.ReadUpTo;
import org.limber.console.client.EngagementViews.Reply;
import org.limber.console.client.EngagementViews.Unread;

/**
 * engagement-service (messages between a member and their care team, the escalations of urgent alerts), called
 * with the signed-in user's access token. Its URL: {@code limber.engagement.url}.
 */
@RegisterRestClient(configKey = "engagement")
@RegisterProvider(BearerToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface EngagementClient {

    /** The member's thread, newest first. */
    @GET
    @Path("/care-team/members/{memberId}/messages")
    MessagePage messages(
            @PathParam("memberId") String memberId, @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/care-team/members/{memberId}/messages")
    Message send(@PathParam("memberId") String memberId, Reply reply);

    /** Marks the member's messages up to this one read by the care team. */
    @POST
    @Path("/care-team/members/{memberId}/messages/read")
    void read(@PathParam("memberId") String memberId, ReadUpTo upTo);

    /** Unread messages of the caller's panel, members flagged first then newest. */
    @GET
    @Path("/care-team/messages/unread")
    Unread unread();

    @GET
    @Path("/care-team/alerts/{alertId}/escalations")
    List<Escalation> escalations(@PathParam("alertId") String alertId);

    /** The escalations of one member's alerts (each with its alert id). */
    @GET
    @Path("/care-team/escalations")
    List<Escalation> memberEscalations(@QueryParam("memberId") String memberId);
}
