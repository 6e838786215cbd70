package org.limber.progress.rest;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
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
import org.limber.progress.domain.Outcomes;
import org.limber.progress.repository.ProgressReader;

@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "oidc")
@Tag(name = "Reports", description = "Program outcomes, aggregates only")
public class ReportResource {

    private final ProgressReader reader;

    public ReportResource(ProgressReader reader) {
        this.reader = reader;
    }

    @GET
    @Path("/outcomes")
    @Operation(summary = "Outcomes of members who have reached 12 weeks", description = "Optionally only those who started in a month (startMonth=2026-03). No member ids; a group under 10 is suppressed.")
    public Outcomes.Report outcomes(@QueryParam("startMonth") String startMonth) throws SQLException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = LocalDate.of(2000, 1, 1);
        LocalDate to = today.plusDays(1);
        if (startMonth != null && !startMonth.isBlank()) {
            try {
                YearMonth month = YearMonth.parse(startMonth.trim());
                // Java takes years up to a billion; outcomes exist from 2000 to next year at most.
                if (month.getYear() < 2000 || month.getYear() > today.getYear() + 1) {
                    throw ProblemException.badParameter("startMonth", "must be a month between 2000-01 and next year");
                }
                from = month.atDay(1);
                to = month.plusMonths(1).atDay(1);
            } catch (DateTimeParseException e) {
                throw ProblemException.badParameter("startMonth", "must be a month like 2026-03");
            }
        }
        return Outcomes.report(reader.cohort(from, to, today));
    }
}
