package org.limber.console.rest;

import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.limber.console.client.RoutineViews.ReviewRequest;
import org.limber.console.client.RoutineViews.Reviewed;
import org.limber.console.domain.Done;
import org.limber.console.domain.FormValues;
import org.limber.console.domain.Problem;
import org.limber.console.domain.ReviewForm;
import org.limber.console.service.CareService;
import org.limber.console.service.ServiceException;

/**
 * A clinician's review of a suspended plan or a first-intake referral: the red flags assessed, the outcome (its
 * text for Other) and a note, checked by {@link ReviewForm} first, then by routine-service (which also checks that
 * every red flag of the suspension was assessed); its field errors show next to the form.
 */
@Path("/members/{memberId}/review")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(SignedInUser.CLINICIAN)
public class ReviewResource {

    private final CareService care;
    private final MemberPage page;

    public ReviewResource(CareService care, MemberPage page) {
        this.care = care;
        this.page = page;
    }

    @POST
    public Response review(
            @PathParam("memberId") String memberId,
            @FormParam("redFlagsAssessed") List<String> redFlagsAssessed,
            @FormParam("outcome") String outcome,
            @FormParam("outcomeText") String outcomeText,
            @FormParam("note") String note) {
        String id = MemberPage.id(memberId);
        ReviewForm.Result form = ReviewForm.read(redFlagsAssessed, outcome, outcomeText, note);
        ReviewForm.Values v = form.values();
        if (!form.valid()) {
            return page.render(
                    id,
                    400,
                    null,
                    new Problem(
                            400,
                            "Please check the review",
                            "The review was not recorded: " + FormValues.describe(form.errors()),
                            form.errors()),
                    null,
                    v);
        }
        Reviewed reviewed;
        try {
            reviewed = care.review(id, new ReviewRequest(v.redFlags(), v.outcome(), v.outcomeTextToSend(), v.note()));
        } catch (ServiceException e) {
            int s = e.problem().status();
            if (s == 401 || s == 403) {
                throw e;
            }
            return page.render(id, s, null, e.problem(), null, v);
        }
        return PageResponses.seeOther("/members/" + id, reviewed(reviewed));
    }

    /** What a recorded review did, as the code of the message the page it goes back to shows. */
    static String reviewed(Reviewed r) {
        String status = r == null || r.status() == null ? "" : r.status();
        return switch (status) {
            case "ACTIVE" ->
                (r.adaptationOn() ? Done.REVIEW_PLAN_RUNS : Done.REVIEW_PLAN_RUNS_ADAPTATION_OFF).code(r.planVersion());
            case "SUSPENDED" -> Done.REVIEW_REFERRED_ON.code();
            case "NO_PLAN" -> Done.REVIEW_REFERRAL_CLEARED.code();
            default -> Done.REVIEW_RECORDED.code();
        };
    }
}
