package org.limber.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.limber.console.client.PrivacyViews.Erasure;
import org.limber.console.client.PrivacyViews.HoldRequest;
import org.limber.console.client.PrivacyViews.LegalHold;

/** routine-service's erasure requests and legal holds (admin), called with the signed-in user's access token. */
@RegisterRestClient(configKey = "routine")
@RegisterProvider(BearerToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PrivacyClient {

    @GET
    @Path("/erasures")
    Page<Erasure> erasures(
            @QueryParam("status") String status, @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("/legal-holds")
    Page<LegalHold> holds(@QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @PUT
    @Path("/members/{memberId}/legal-hold")
    LegalHold placeHold(@PathParam("memberId") String memberId, HoldRequest request);

    @DELETE
    @Path("/members/{memberId}/legal-hold")
    void releaseHold(@PathParam("memberId") String memberId);
}
