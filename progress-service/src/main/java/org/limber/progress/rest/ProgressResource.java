package org.limber.progress.rest;

import java.time.Clock;
import java.time.LocalDate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.audit.AuditedAccess;
import org.limber.common.paging.Page;
import org.limber.common.rest.QueryParams;
import org.limber.common.time.Timestamps;
import org.limber.progress.rest.ProgressViews.Progress;
import org.limber.progress.rest.ProgressViews.Session;
import org.limber.progress.service.ProgressService;

@Path("/members")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Progress", description = "Pain and adherence trends")
public class ProgressResource {

    private final ProgressService progress;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ProgressResource(ProgressService progress, SecurityIdentity identity, Clock clock) {
        this.progress = progress;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/me/progress")
    @RolesAllowed("member")
    @Operation(operationId = "myProgress", summary = "Your progress: summary and weekly series")
    @APIResponse(
            responseCode = "200",
            description = "Your progress",
            content = @Content(schema = @Schema(implementation = Progress.class)))
    @APIResponse(responseCode = "404", description = "No plan yet")
    public Progress mine(@QueryParam("weeks") String weeks) {
        return Progress.of(progress.progress(caller(), weeks(weeks), today()));
    }

    @GET
    @Path("/me/sessions")
    @RolesAllowed("member")
    @Operation(operationId = "mySessions", summary = "Your sessions, most recent first")
    public Page<Session> sessions(@QueryParam("page") String page, @QueryParam("size") String size) {
        return progress.sessions(caller(), QueryParams.page(page), QueryParams.size(size))
                .map(Session::of);
    }

    @GET
    @Path("/{memberId}/progress")
    @RolesAllowed("clinician")
    @AuditedAccess(resource = "progress", member = "memberId")
    @Operation(
            operationId = "memberProgress",
            summary = "A member's progress, for a clinician with the member on their panel")
    @APIResponse(
            responseCode = "200",
            description = "The member's progress",
            content = @Content(schema = @Schema(implementation = Progress.class)))
    @APIResponse(responseCode = "403", description = "The member is not on your panel")
    public Progress member(@PathParam("memberId") String memberId, @QueryParam("weeks") String weeks) {
        return Progress.of(progress.progressForClinician(caller(), memberId, weeks(weeks), today()));
    }

    @GET
    @Path("/{memberId}/sessions")
    @RolesAllowed("clinician")
    @AuditedAccess(resource = "sessions", member = "memberId")
    @Operation(summary = "A member's sessions, most recent first, for a clinician with the member on their panel")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "403", description = "The member is not on your panel")
    public Page<Session> memberSessions(
            @PathParam("memberId") String memberId, @QueryParam("page") String page, @QueryParam("size") String size) {
        return progress.sessionsForClinician(caller(), memberId, QueryParams.page(page), QueryParams.size(size))
                .map(Session::of);
    }

    private static int weeks(String raw) {
        return QueryParams.intValue("weeks", raw, 12, 1, 104);
    }

    private LocalDate today() {
        return Timestamps.today(clock);
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }
}
