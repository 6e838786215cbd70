package org.limber.console.rest;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

import org.limber.console.client.ProgressViews.Outcomes;
import org.limber.console.domain.BarChart;
import org.limber.console.domain.Done;
import org.limber.console.domain.FormValues;
import org.limber.console.domain.Problem;
import org.limber.console.service.AdminService;
import org.limber.console.service.ServiceException;

/** Admins: put members on clinicians' panels; the outcomes report, drawn. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(SignedInUser.ADMIN)
public class AdminResource {

    static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final AdminService admin;

    @Inject
    @Location("admin.html")
    Template page;

    public AdminResource(AdminService admin) {
        this.admin = admin;
    }

    @GET
    public Response page(@QueryParam("startMonth") String startMonth, @QueryParam("done") String done) {
        return render(200, FormValues.text(startMonth, 7), Done.message(done), null, null, null);
    }

    @POST
    @Path("assign")
    public Response assign(@FormParam("memberId") String memberId, @FormParam("clinicianId") String clinicianId) {
        String member = FormValues.text(memberId, 200);
        String clinician = FormValues.text(clinicianId, 200);
        Map<String, String> errors = new HashMap<>();
        if (member == null) {
            errors.put("memberId", "is needed");
        }
        if (clinician == null) {
            errors.put("clinicianId", "is needed");
        }
        if (!errors.isEmpty()) {
            return render(
                    400,
                    null,
                    null,
                    new Problem(400, "Please check the form", "Both ids are needed.", errors),
                    member,
                    clinician);
        }
        try {
            admin.assign(member, clinician);
        } catch (ServiceException e) {
            if (e.problem().status() == 401 || e.problem().status() == 403) {
                throw e;
            }
            return render(e.problem().status(), null, null, e.problem(), member, clinician);
        }
        return PageResponses.seeOther("/admin", Done.MEMBER_ASSIGNED);
    }

    private Response render(
            int status, String startMonth, String done, Problem problem, String memberId, String clinicianId) {
        String month = startMonth != null && MONTH.matcher(startMonth).matches() ? startMonth : null;
        var outcomes = Section.of(() -> admin.outcomes(month));
        if (!outcomes.ok()
                && (outcomes.problem().status() == 401 || outcomes.problem().status() == 403)) {
            throw new ServiceException(outcomes.problem());
        }
        return PageResponses.html(
                status,
                page.data("outcomes", outcomes)
                        .data("month", month)
                        .data("done", done)
                        .data("problem", problem)
                        .data("memberId", memberId)
                        .data("clinicianId", clinicianId)
                        .data("errors", problem == null ? Map.of() : problem.fieldErrors())
                        .data("chart", outcomes.ok() ? chart(outcomes.value()) : null));
    }

    /** The report's figures as bars; a suppressed figure is drawn as "suppressed". */
    static String chart(Outcomes o) {
        String hidden = "suppressed (group too small)";
        var a = o.adherence();
        return BarChart.svg(
                "outcomes",
                "Program outcomes after 12 weeks",
                List.of(
                        new BarChart.Bar("Completion", share(o.completionRate()), hidden),
                        new BarChart.Bar(
                                "Mean pain change",
                                o.meanPainChangePercent() == null
                                        ? null
                                        : o.meanPainChangePercent().doubleValue(),
                                hidden),
                        new BarChart.Bar("Reaching the MCID", share(o.shareReachingMcid()), hidden),
                        new BarChart.Bar("Adherence under 50%", a == null ? null : share(a.under50()), hidden),
                        new BarChart.Bar("Adherence 50-79%", a == null ? null : share(a.from50to79()), hidden),
                        new BarChart.Bar("Adherence 80% or more", a == null ? null : share(a.atLeast80()), hidden)),
                null);
    }

    private static Double share(BigDecimal v) {
        return v == null ? null : v.movePointRight(2).doubleValue();
    }
}
