package org.limber.console.rest;

import java.util.List;
import java.util.Map;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.limber.console.client.RoutineViews.Override;
import org.limber.console.client.RoutineViews.Tailor;
import org.limber.console.client.RoutineViews.TailorChange;
import org.limber.console.domain.Done;
import org.limber.console.domain.FormValues;
import org.limber.console.domain.Problem;
import org.limber.console.domain.TailoringForm;
import org.limber.console.service.CareService;
import org.limber.console.service.ServiceException;

/** A clinician's changes to a member's plan: tailoring one exercise, undoing an automatic change, adaptation on or off. */
@Path("/members/{memberId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(SignedInUser.CLINICIAN)
public class TailoringResource {

    private final CareService care;
    private final MemberPage page;

    public TailoringResource(CareService care, MemberPage page) {
        this.care = care;
        this.page = page;
    }

    @POST
    @Path("tailor")
    public Response tailor(@PathParam("memberId") String memberId, MultivaluedMap<String, String> form) {
        String id = MemberPage.id(memberId);
        TailoringForm.Result f = TailoringForm.read(form::getFirst);
        if (!f.valid()) {
            return page.render(
                    id,
                    400,
                    null,
                    new Problem(
                            400,
                            "Please check the form",
                            "The change was not made: " + FormValues.describe(f.errors()),
                            f.errors()),
                    f.slug(),
                    null);
        }
        try {
            care.tailor(
                    id,
                    new Tailor(
                            f.note(),
                            List.of(new TailorChange(f.type(), f.slug(), f.session(), f.to(), f.dose())),
                            f.overrideReason() == null ? null : new Override(f.overrideReason())));
        } catch (ServiceException e) {
            return failed(id, e, f.slug());
        }
        return PageResponses.seeOther("/members/" + id, Done.valueOf("PLAN_" + f.type()));
    }

    @POST
    @Path("changes/{changeId}/undo")
    public Response undo(
            @PathParam("memberId") String memberId,
            @PathParam("changeId") String changeId,
            @FormParam("note") String note) {
        String id = MemberPage.id(memberId);
        return act(id, note, () -> care.undo(id, changeId, FormValues.text(note, FormValues.NOTE)), Done.CHANGE_UNDONE);
    }

    @POST
    @Path("adaptation")
    public Response adaptation(
            @PathParam("memberId") String memberId,
            @FormParam("enabled") String enabled,
            @FormParam("note") String note) {
        String id = MemberPage.id(memberId);
        boolean on = "true".equals(enabled);
        return act(
                id,
                note,
                () -> care.adaptation(id, on, FormValues.text(note, FormValues.NOTE)),
                on ? Done.ADAPTATION_ON : Done.ADAPTATION_OFF);
    }

    private Response act(String id, String note, Runnable action, Done done) {
        if (FormValues.text(note, FormValues.NOTE) == null) {
            return page.render(
                    id,
                    400,
                    null,
                    new Problem(
                            400,
                            "Please add a note",
                            "A note is needed: why you make this change.",
                            Map.of("note", "is needed")),
                    null,
                    null);
        }
        try {
            action.run();
        } catch (ServiceException e) {
            return failed(id, e, null);
        }
        return PageResponses.seeOther("/members/" + id, done);
    }

    /** A refusal by routine-service shown on the member page; a sign-in or permission failure is the error page's. */
    private Response failed(String id, ServiceException e, String slug) {
        int s = e.problem().status();
        if (s == 401 || s == 403) {
            throw e;
        }
        return page.render(id, s, null, e.problem(), slug, null);
    }
}
