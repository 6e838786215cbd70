package org.limber.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.limber.console.client.CatalogViews.Draft;
import org.limber.console.client.CatalogViews.DraftUpdate;
import org.limber.console.client.CatalogViews.ExerciseSummary;
import org.limber.console.client.CatalogViews.Publication;
import org.limber.console.client.CatalogViews.Publish;
import org.limber.console.client.CatalogViews.Retire;
import org.limber.console.client.CatalogViews.Version;

/** catalog-service: the public library and the editorial API, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "catalog")
@RegisterProvider(BearerToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CatalogClient {

    @GET
    @Path("/exercises")
    Page<ExerciseSummary> exercises(
            @QueryParam("category") String category,
            @QueryParam("sort") String sort,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @GET
    @Path("/editor/exercises")
    Page<Draft> drafts(@QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @POST
    @Path("/editor/exercises/{slug}/draft")
    Draft startDraft(@PathParam("slug") String slug);

    @GET
    @Path("/editor/exercises/{slug}/draft")
    Draft draft(@PathParam("slug") String slug);

    @PUT
    @Path("/editor/exercises/{slug}/draft")
    Draft saveDraft(@PathParam("slug") String slug, DraftUpdate update);

    @DELETE
    @Path("/editor/exercises/{slug}/draft")
    void discardDraft(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);

    @POST
    @Path("/editor/exercises/{slug}/publish")
    Publication publish(@PathParam("slug") String slug, Publish request);

    @POST
    @Path("/editor/exercises/{slug}/retire")
    Publication retire(@PathParam("slug") String slug, Retire request);

    @GET
    @Path("/editor/exercises/{slug}/versions")
    Page<Version> versions(
            @PathParam("slug") String slug, @QueryParam("page") Integer page, @QueryParam("size") Integer size);
}
