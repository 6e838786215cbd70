package org.limber.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.limber.console.client.PrivacyViews.AccessEntry;

/** progress-service's access audit (admin), called with the signed-in user's access token. */
@RegisterRestClient(configKey = "progress")
@RegisterProvider(BearerToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AuditClient {

    /** Staff reads and changes of members' data, newest first; {@code from} and {@code to} are instants. */
    @GET
    @Path("/audit/access")
    Page<AccessEntry> access(
            @QueryParam("memberId") String memberId,
            @QueryParam("actorId") String actorId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);
}
