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

import org.limber.console.client.DirectoryViews.Clinician;
import org.limber.console.client.DirectoryViews.Member;
import org.limber.console.client.DirectoryViews.Moved;
import org.limber.console.client.DirectoryViews.Person;

/** routine-service's directory of people and panels, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "routine")
@RegisterProvider(BearerToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DirectoryClient {

    /** Members by part of a name, e-mail or id: a clinician's own panel, every member for an admin. */
    @GET
    @Path("/people/members")
    Page<Member> members(
            @QueryParam("q") String q,
            @QueryParam("sort") String sort,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    /** Every clinician with the size of their panel (admin). */
    @GET
    @Path("/people/clinicians")
    List<Clinician> clinicians();

    /** The names the caller may see among these ids. */
    @GET
    @Path("/people")
    List<Person> byIds(@QueryParam("id") List<String> ids);

    @POST
    @Path("/care-team/panels/{fromClinicianId}/move")
    Moved movePanel(@PathParam("fromClinicianId") String fromClinicianId, DirectoryViews.Move request);
}
