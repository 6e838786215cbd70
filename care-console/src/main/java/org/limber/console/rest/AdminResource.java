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
import org.limber.console.service.PeopleService;
import org.limber.console.service.ServiceException;
import org.limber.events.Ids;

/** Admins: put members on clinicians' panels; the outcomes report, drawn. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(SignedInUser.ADMIN)
public class AdminResource {

    static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** Members found by a search shown to pick from. */
    static final int MEMBERS_SHOWN = 20;

    private final AdminService admin;
    private final PeopleService people;

    @Inject
    @Location("admin.html")
    Template page;

    public AdminResource(AdminService admin, PeopleService people) {
        this.admin = admin;
        this.people = people;
    }

    @GET
    public Response page(
            @QueryParam("startMonth") String startMonth,
            @QueryParam("member") String member,
            @QueryParam("done") String done) {
        return render(200, FormValues.text(startMonth, 7), FormValues.text(member, 100), Done.message(done), null);
    }

    @POST
    @Path("assign")
    public Response assign(
            @FormParam("memberId") String memberId,
            @FormParam("clinicianId") String clinicianId,
            @FormParam("member") String search) {
        String member = FormValues.text(memberId, Ids.MAX_LENGTH);
        String clinician = FormValues.text(clinicianId, Ids.MAX_LENGTH);
        Map<String, String> errors = new HashMap<>();
        if (member == null) {
            errors.put("memberId", "is needed: find the member and pick them");
        }
        if (clinician == null) {
            errors.put("clinicianId", "is needed: pick a clinician");
        }
        if (!errors.isEmpty()) {
            return render(
                    400,
                    null,
                    FormValues.text(search, 100),
                    null,
                    new Problem(400, "Please check the form", "Pick a member and a clinician.", errors));
        }
        try {
            admin.assign(member, clinician);
        } catch (ServiceException e) {
            if (e.problem().status() == 401 || e.problem().status() == 403) {
                throw e;
            }
            return render(e.problem().status(), null, FormValues.text(search, 100), null, e.problem());
        }
        return PageResponses.seeOther("/admin", Done.MEMBER_ASSIGNED);
    }

    @POST
    @Path("move-panel")
    public Response movePanel(@FormParam("fromClinicianId") String fromId, @FormParam("toClinicianId") String toId) {
        String from = FormValues.text(fromId, Ids.MAX_LENGTH);
        String to = FormValues.text(toId, Ids.MAX_LENGTH);
        if (from == null || to == null) {
            Map<String, String> errors = new HashMap<>();
            if (from == null) {
                errors.put("fromClinicianId", "is needed: pick the clinician whose panel moves");
            }
            if (to == null) {
                errors.put("toClinicianId", "is needed: pick the clinician who takes it");
            }
            return render(
                    400, null, null, null, new Problem(400, "Please check the form", "Pick both clinicians.", errors));
        }
        try {
            int moved = people.movePanel(from, to).moved();
            return PageResponses.seeOther("/admin", Done.PANEL_MOVED.code(moved));
        } catch (ServiceException e) {
            if (e.problem().status() == 401 || e.problem().status() == 403) {
                throw e;
            }
            return render(e.problem().status(), null, null, null, e.problem());
        }
    }

    private Response render(int status, String startMonth, String memberSearch, String done, Problem problem) {
        String month = startMonth != null && MONTH.matcher(startMonth).matches() ? startMonth : null;
        var outcomes = Section.of(() -> admin.outcomes(month));
        if (!outcomes.ok()
                && (outcomes.problem().status() == 401 || outcomes.problem().status() == 403)) {
            throw new ServiceException(outcomes.problem());
        }
        var clinicians = Section.of(people::clinicians);
        var members =
                memberSearch == null ? null : Section.of(() -> people.members(memberSearch, "name", 0, MEMBERS_SHOWN));
        return PageResponses.html(
                status,
                page.data("outcomes", outcomes)
                        .data("month", month)
                        .data("done", done)
                        .data("problem", problem)
                        .data("memberSearch", memberSearch)
                        .data("members", members)
                        .data("clinicians", clinicians)
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
