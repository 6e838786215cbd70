package org.limber.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.limber.console.client.ProgressViews.Alert;
import org.limber.console.client.ProgressViews.Measures;
import org.limber.console.client.ProgressViews.Outcomes;
import org.limber.console.client.ProgressViews.PanelRow;
import org.limber.console.client.ProgressViews.Progress;

/** progress-service, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "progress")
@RegisterProvider(BearerToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ProgressClient {

    @GET
    @Path("/care-team/panel")
    Page<PanelRow> panel(
            @QueryParam("alertKind") String alertKind,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @GET
    @Path("/care-team/alerts")
    Page<Alert> alerts(
            @QueryParam("status") String status,
            @QueryParam("kind") String kind,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    /** Urgent alerts of members without a clinician (issue 10; a 404 until progress-service offers it). */
    @GET
    @Path("/care-team/triage")
    JsonNode triage(@QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @POST
    @Path("/care-team/alerts/{alertId}/acknowledge")
    Alert acknowledge(@PathParam("alertId") String alertId, Note note);

    @POST
    @Path("/care-team/alerts/{alertId}/resolve")
    Alert resolve(@PathParam("alertId") String alertId, Note note);

    @GET
    @Path("/members/{memberId}/progress")
    Progress progress(@PathParam("memberId") String memberId, @QueryParam("weeks") Integer weeks);

    @GET
    @Path("/members/{memberId}/measures")
    Measures measures(@PathParam("memberId") String memberId);

    @GET
    @Path("/reports/outcomes")
    Outcomes outcomes(@QueryParam("startMonth") String startMonth);
}
