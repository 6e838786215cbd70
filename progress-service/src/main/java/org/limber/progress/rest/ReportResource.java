package org.limber.progress.rest;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.progress.domain.Outcomes;
import org.limber.progress.service.ReportService;

@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "oidc")
@Tag(name = "Reports", description = "Program outcomes, aggregates only")
public class ReportResource {

    private final ReportService reports;
    private final Clock clock;

    public ReportResource(ReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GET
    @Path("/outcomes")
    @Operation(
            summary = "Outcomes of members who have reached 12 weeks",
            description =
                    "Optionally only those who started in a month (startMonth=2026-03). No member ids; a group under 10 is suppressed.")
    public Outcomes.Report outcomes(@QueryParam("startMonth") String startMonth) {
        return reports.outcomes(month(startMonth), Timestamps.today(clock));
    }

    private static YearMonth month(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter("startMonth", "must be a month like 2026-03");
        }
    }
}
