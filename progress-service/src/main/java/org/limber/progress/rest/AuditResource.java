package org.limber.progress.rest;

import java.time.Instant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.paging.Page;
import org.limber.common.problem.ProblemException;
import org.limber.common.rest.QueryParams;
import org.limber.progress.repository.AccessLogRepository.Filter;
import org.limber.progress.rest.AccessLogResource.AccessEntry;
import org.limber.progress.service.AccessLogService;

/** The admins' view of the access log: every member's, with filters. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "oidc")
@Tag(name = "Access audit", description = "Who read or changed a member's data")
public class AuditResource {

    private final AccessLogService log;

    public AuditResource(AccessLogService log) {
        this.log = log;
    }

    @GET
    @Path("/access")
    @Operation(
            operationId = "searchAccessLog",
            summary = "The access log of every member, newest first (paged); filters by member, actor and time",
            description = "from (inclusive) and to (exclusive) are instants (2026-03-01T00:00:00Z) or dates"
                    + " (from: the day's start, to: the day's end, UTC), in the years 2000-2100, from not after to.")
    public Page<AccessEntry> search(
            @QueryParam("memberId") String memberId,
            @QueryParam("actorId") String actorId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Instant start = AccessLogResource.time("from", from, false);
        Instant end = AccessLogResource.time("to", to, true);
        // Compared as given: to=2026-03-10 is before from=2026-03-11, though it stands for the end of its day.
        Instant endAsGiven = AccessLogResource.time("to", to, false);
        if (start != null && endAsGiven != null && start.isAfter(endAsGiven)) {
            throw ProblemException.badParameter("to", "must not be before from");
        }
        Filter filter = new Filter(
                AccessLogResource.id("memberId", memberId), AccessLogResource.id("actorId", actorId), start, end);
        return log.search(filter, QueryParams.page(page), QueryParams.size(size))
                .map(e -> AccessEntry.of(e, true));
    }
}
