package org.limber.console.client;

import java.util.List;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.limber.console.client.DayViews.Today;
import org.limber.console.client.ProgressViews.PanelRow;

/** progress-service's day of a clinician and panel rows by id, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "progress")
@RegisterProvider(BearerToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface DayClient {

    @GET
    @Path("/care-team/today")
    Today today();

    /** The panel rows of these members (those on the clinician's panel; in no particular order). */
    @GET
    @Path("/care-team/panel-rows")
    List<PanelRow> panelRows(@QueryParam("memberId") List<String> memberIds);
}
