package org.limber.console.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

import org.limber.console.client.PrivacyViews.Erasure;
import org.limber.console.client.PrivacyViews.LegalHold;
import org.limber.console.domain.Done;
import org.limber.console.domain.FormValues;
import org.limber.console.domain.Problem;
import org.limber.console.service.PeopleService;
import org.limber.console.service.PrivacyService;
import org.limber.console.service.ServiceException;
import org.limber.events.Ids;

/**
 * Admins: members' erasure requests with each service's part (routine-service, issue 25), and legal holds: place
 * one with a reason (an erasure then waits and says why), release it (a held erasure then proceeds).
 */
@Path("/admin/privacy")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(SignedInUser.ADMIN)
public class PrivacyResource {

    static final int PAGE_SIZE = 50;
    static final List<String> STATUSES = List.of("HELD", "IN_PROGRESS", "COMPLETED");

    private final PrivacyService privacy;
    private final PeopleService people;

    @Inject
    @Location("privacy.html")
    Template page;

    public PrivacyResource(PrivacyService privacy, PeopleService people) {
        this.privacy = privacy;
        this.people = people;
    }

    @GET
    public Response page(
            @QueryParam("status") String status, @QueryParam("page") Integer page, @QueryParam("done") String done) {
        String s = CareTeamResource.choice(status, STATUSES);
        return render(200, new Shown(s, CareTeamResource.pageNumber(page)), Done.message(done), null, null);
    }

    @POST
    @Path("hold")
    public Response hold(@FormParam("memberId") String memberId, @FormParam("reason") String reason) {
        String member = FormValues.text(memberId, Ids.MAX_LENGTH);
        String why = FormValues.text(reason, FormValues.NOTE);
        Map<String, String> errors = new HashMap<>();
        if (member == null) {
            errors.put("memberId", "is needed: the id of the member whose record must be kept");
        }
        if (why == null) {
            errors.put("reason", "is needed: why the record must be kept");
        }
        var entered = new HoldForm(FormValues.text(memberId, Ids.MAX_LENGTH), FormValues.text(reason, FormValues.NOTE));
        if (!errors.isEmpty()) {
            var p = new Problem(400, "Please check the form", "A hold needs a member and a reason.", errors);
            return render(400, new Shown(null, 0), null, p, entered);
        }
        try {
            privacy.placeHold(member, why);
        } catch (ServiceException e) {
            return refused(e, entered);
        }
        return PageResponses.seeOther("/admin/privacy", Done.HOLD_PLACED);
    }

    @POST
    @Path("release")
    public Response release(@FormParam("memberId") String memberId, @HeaderParam("HX-Request") String htmx) {
        String member = FormValues.text(memberId, Ids.MAX_LENGTH);
        if (member == null) {
            var p = new Problem(400, "Please check the form", "Pick the hold to release.", Map.of());
            return render(400, new Shown(null, 0), null, p, null);
        }
        try {
            privacy.releaseHold(member);
        } catch (ServiceException e) {
            Response page = refused(e, null);
            // In place (htmx swaps a 200 only): the holds show the problem; without JavaScript, the status stays.
            return htmx == null ? page : Response.fromResponse(page).status(200).build();
        }
        return PageResponses.seeOther("/admin/privacy", Done.HOLD_RELEASED);
    }

    private Response refused(ServiceException e, HoldForm entered) {
        if (e.problem().status() == 401 || e.problem().status() == 403) {
            throw e;
        }
        return render(e.problem().status(), new Shown(null, 0), null, e.problem(), entered);
    }

    /** What the lists show: the erasures' status filter (null: all) and their page. */
    record Shown(String status, int page) {}

    /** The hold form as entered, shown again with its errors. */
    public record HoldForm(String memberId, String reason) {}

    private Response render(int status, Shown shown, String done, Problem problem, HoldForm entered) {
        var erasures = Section.of(() -> privacy.erasures(shown.status(), shown.page(), PAGE_SIZE));
        if (!erasures.ok()
                && (erasures.problem().status() == 401 || erasures.problem().status() == 403)) {
            throw new ServiceException(erasures.problem());
        }
        var holds = Section.of(() -> privacy.holds(0, PAGE_SIZE));
        List<String> ids = new ArrayList<>();
        if (erasures.ok()) {
            erasures.value().items().stream().map(Erasure::memberId).forEach(ids::add);
        }
        if (holds.ok()) {
            holds.value().items().stream().map(LegalHold::memberId).forEach(ids::add);
        }
        return PageResponses.html(
                status,
                page.data("erasures", erasures)
                        .data("holds", holds)
                        .data("status", shown.status())
                        .data("statuses", STATUSES)
                        .data("done", done)
                        .data("problem", problem)
                        .data("errors", problem == null ? Map.of() : problem.fieldErrors())
                        .data("entered", entered == null ? new HoldForm(null, null) : entered)
                        .data("names", ids.isEmpty() ? Map.of() : people.names(ids)));
    }
}
