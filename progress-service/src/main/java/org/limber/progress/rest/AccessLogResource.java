package org.limber.progress.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.messaging.EventBounds;
import org.limber.common.paging.Page;
import org.limber.common.problem.ProblemException;
import org.limber.common.rest.QueryParams;
import org.limber.progress.repository.AccessLogRepository.Entry;
import org.limber.progress.service.AccessLogService;

/** Who looked at a member's data: the member's own log ({@link AuditResource}: the admins' search). */
@Path("/members")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Access audit", description = "Who read or changed a member's data")
public class AccessLogResource {

    /**
     * One access: when, who (id, name when progress knows it, role), what, through which service and client;
     * {@code memberId} only in the admins' view.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessEntry(
            String memberId,
            Instant accessedAt,
            String actorId,
            @JsonInclude(JsonInclude.Include.ALWAYS) String actorName,
            String actorRole,
            String operation,
            String resource,
            String service,
            @JsonInclude(JsonInclude.Include.ALWAYS) String client) {

        static AccessEntry of(Entry e, boolean withMember) {
            return new AccessEntry(
                    withMember ? e.memberRef() : null,
                    e.accessedAt(),
                    e.actorId(),
                    e.actorName(),
                    e.actorRole(),
                    e.operation(),
                    e.resource(),
                    e.service(),
                    e.client());
        }
    }

    private final AccessLogService log;
    private final SecurityIdentity identity;

    public AccessLogResource(AccessLogService log, SecurityIdentity identity) {
        this.log = log;
        this.identity = identity;
    }

    @GET
    @Path("/me/access-log")
    @RolesAllowed("member")
    @Operation(
            operationId = "myAccessLog",
            summary = "Who looked at your data: each read or change by a clinician or admin, newest first (paged)")
    public Page<AccessEntry> mine(@QueryParam("page") String page, @QueryParam("size") String size) {
        return log.forMember(identity.getPrincipal().getName(), QueryParams.page(page), QueryParams.size(size))
                .map(e -> AccessEntry.of(e, false));
    }

    static String id(String parameter, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.isBlank()) {
            throw ProblemException.badParameter(parameter, "must not be blank");
        }
        return raw;
    }

    /** An instant, or a date (its start, or for the end of a range its end), within the years of the domain. */
    static Instant time(String parameter, String raw, boolean end) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Instant value;
        try {
            if (raw.length() <= 10) {
                LocalDate day = LocalDate.parse(raw.trim());
                value = (end ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } else {
                value = Instant.parse(raw.trim());
            }
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(parameter, "'" + raw + "' is not an instant nor a date (yyyy-mm-dd)");
        }
        if (!EventBounds.time(value)) {
            throw ProblemException.badParameter(parameter, "must be in the years 2000 to 2100");
        }
        return value;
    }
}
