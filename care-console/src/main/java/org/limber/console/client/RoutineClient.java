package org.limber.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.limber.console.client.RoutineViews.Adaptation;
import org.limber.console.client.RoutineViews.AdaptationChange;
import org.limber.console.client.RoutineViews.Assignment;
import org.limber.console.client.RoutineViews.AssignmentView;
import org.limber.console.client.RoutineViews.CarePlan;
import org.limber.console.client.RoutineViews.Change;
import org.limber.console.client.RoutineViews.Hold;
import org.limber.console.client.RoutineViews.LoggedSession;
import org.limber.console.client.RoutineViews.ReviewRequest;
import org.limber.console.client.RoutineViews.Reviewed;
import org.limber.console.client.RoutineViews.Tailor;

/** routine-service, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "routine")
@RegisterProvider(BearerToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/members/{memberId}")
public interface RoutineClient {

    @GET
    @Path("/plan")
    CarePlan plan(@PathParam("memberId") String memberId);

    @PUT
    @Path("/plan")
    JsonNode tailor(@PathParam("memberId") String memberId, Tailor request);

    @GET
    @Path("/plan/changes")
    Page<Change> changes(
            @PathParam("memberId") String memberId, @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("/sessions")
    Page<LoggedSession> sessions(
            @PathParam("memberId") String memberId, @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @POST
    @Path("/plan/changes/{changeId}/undo")
    JsonNode undo(@PathParam("memberId") String memberId, @PathParam("changeId") String changeId, Note note);

    @PUT
    @Path("/plan/adaptation")
    Adaptation adaptation(@PathParam("memberId") String memberId, AdaptationChange request);

    /**
     * A clinician's review of a suspended plan or a first-intake referral (issue 20): it ends the hold,
     * or records a referral on and keeps it.
     */
    @POST
    @Path("/plan/resume")
    Reviewed review(@PathParam("memberId") String memberId, ReviewRequest review);

    /** The member's open suspension or referral with the reviews so far; 404 when the member is not held. */
    @GET
    @Path("/plan/suspension")
    Hold hold(@PathParam("memberId") String memberId);

    @PUT
    @Path("/care-team")
    AssignmentView assign(@PathParam("memberId") String memberId, Assignment request);
}
