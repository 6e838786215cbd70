package org.limber.catalog.rest;

import java.net.URI;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.catalog.domain.ExerciseDraft;
import org.limber.catalog.rest.EditorRequests.DraftUpdate;
import org.limber.catalog.rest.EditorRequests.NewDraft;
import org.limber.catalog.rest.EditorRequests.Publish;
import org.limber.catalog.rest.EditorRequests.Retire;
import org.limber.catalog.rest.ExerciseViews.Draft;
import org.limber.catalog.rest.ExerciseViews.Publication;
import org.limber.catalog.rest.ExerciseViews.Version;
import org.limber.catalog.service.EditorialService;
import org.limber.common.paging.Page;
import org.limber.common.problem.ProblemException;
import org.limber.common.rest.QueryParams;

@Path("/editor/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("content-editor")
@SecurityRequirement(name = "oidc")
@Tag(name = "Editorial", description = "Drafts, publication and retirement of exercises (role content-editor)")
public class EditorResource {

    private final EditorialService editorial;
    private final SecurityIdentity identity;

    public EditorResource(EditorialService editorial, SecurityIdentity identity) {
        this.editorial = editorial;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Drafts in progress, most recently changed first")
    public Page<Draft> drafts(@QueryParam("page") String page, @QueryParam("size") String size) {
        return editorial.drafts(QueryParams.page(page), QueryParams.size(size)).map(Draft::of);
    }

    @POST
    @Operation(summary = "Create a draft of a new exercise")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is the draft, ETag its revision",
            content = @Content(schema = @Schema(implementation = Draft.class)))
    @APIResponse(responseCode = "400", description = "Invalid content; the problem lists each field")
    @APIResponse(responseCode = "409", description = "The slug is taken by an exercise or a draft")
    public Response create(@NotNull @Valid NewDraft request) {
        ExerciseDraft draft = editorial.createDraft(request.slug(), request.content(), editor());
        return Response.created(URI.create("/editor/exercises/" + draft.slug + "/draft"))
                .tag(etag(draft))
                .entity(Draft.of(draft))
                .build();
    }

    @POST
    @Path("/{slug}/draft")
    @Operation(summary = "Start a draft from the published version of an exercise")
    @APIResponse(
            responseCode = "201",
            description = "Created; ETag is its revision",
            content = @Content(schema = @Schema(implementation = Draft.class)))
    @APIResponse(responseCode = "404", description = "No such exercise")
    @APIResponse(responseCode = "409", description = "A draft exists already")
    public Response startDraft(@PathParam("slug") String slug) {
        ExerciseDraft draft = editorial.startDraft(slug, editor());
        return Response.created(URI.create("/editor/exercises/" + slug + "/draft"))
                .tag(etag(draft))
                .entity(Draft.of(draft))
                .build();
    }

    @GET
    @Path("/{slug}/draft")
    @Operation(summary = "A draft, with its revision as ETag")
    @APIResponse(
            responseCode = "200",
            description = "The draft",
            content = @Content(schema = @Schema(implementation = Draft.class)))
    @APIResponse(responseCode = "404", description = "No draft for this slug")
    public Response draft(@PathParam("slug") String slug) {
        ExerciseDraft draft = editorial.draft(slug);
        return Response.ok(Draft.of(draft))
                .tag(etag(draft))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @PUT
    @Path("/{slug}/draft")
    @Operation(
            summary = "Replace the content of a draft",
            description = "Needs the revision you read: If-Match with the draft's ETag, or revision in the body.")
    @APIResponse(responseCode = "200", description = "Saved; the new ETag is the next revision")
    @APIResponse(responseCode = "400", description = "Invalid content")
    @APIResponse(responseCode = "412", description = "The draft changed since you read it")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor revision was sent")
    public Response update(
            @PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid DraftUpdate request) {
        Integer revision = revision(ifMatch, request.revision());
        ExerciseDraft draft = editorial.updateDraft(slug, request.content(), revision, editor());
        return Response.ok(Draft.of(draft)).tag(etag(draft)).build();
    }

    @DELETE
    @Path("/{slug}/draft")
    @Operation(summary = "Discard a draft (needs If-Match)")
    @APIResponse(responseCode = "204", description = "Discarded")
    public Response discard(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        editorial.discardDraft(slug, revision(ifMatch, null));
        return Response.noContent().build();
    }

    @POST
    @Path("/{slug}/publish")
    @Operation(
            summary = "Publish a draft as the next immutable version",
            description = "If-Match (or revision) is optional: when sent, only that revision is published.")
    @APIResponse(responseCode = "200", description = "Published; an ExercisePublished event follows")
    @APIResponse(responseCode = "404", description = "No draft for this slug")
    @APIResponse(responseCode = "409", description = "Another version was published since the draft started")
    @APIResponse(responseCode = "412", description = "The draft changed since the revision you sent")
    @APIResponse(responseCode = "422", description = "The draft's links do not resolve or form a cycle")
    public Publication publish(
            @PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid Publish request) {
        Integer revision = revision(ifMatch, request == null ? null : request.revision());
        return Publication.of(editorial.publish(slug, revision, request == null ? null : request.note(), editor()));
    }

    @POST
    @Path("/{slug}/retire")
    @Operation(summary = "Retire an exercise: new plans stop choosing it")
    @APIResponse(responseCode = "200", description = "Retired; an ExerciseRetired event follows")
    @APIResponse(responseCode = "404", description = "No such exercise")
    @APIResponse(responseCode = "409", description = "Retired already")
    public Publication retire(@PathParam("slug") String slug, @NotNull @Valid Retire request) {
        return Publication.of(editorial.retire(slug, request.reason(), editor()));
    }

    @GET
    @Path("/{slug}/versions")
    @Operation(summary = "The published versions of an exercise, newest first")
    public Page<Version> versions(
            @PathParam("slug") String slug, @QueryParam("page") String page, @QueryParam("size") String size) {
        return editorial
                .versions(slug, QueryParams.page(page), QueryParams.size(size))
                .map(Version::of);
    }

    @GET
    @Path("/{slug}/versions/{version}")
    @Operation(summary = "One published version")
    public Version version(@PathParam("slug") String slug, @PathParam("version") String version) {
        return Version.of(editorial.version(slug, QueryParams.intValue("version", version, 0, 1, Integer.MAX_VALUE)));
    }

    private String editor() {
        return identity.getPrincipal().getName();
    }

    private static String etag(ExerciseDraft draft) {
        return String.valueOf(draft.lockVersion);
    }

    /** The revision from If-Match ("3", W/"3") or, failing that, from the body. */
    private static Integer revision(String ifMatch, Integer fromBody) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return fromBody;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Integer.valueOf(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("If-Match", "must be the ETag of the draft, e.g. \"3\"");
        }
    }
}
