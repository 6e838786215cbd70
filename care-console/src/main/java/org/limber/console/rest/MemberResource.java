package org.limber.console.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.limber.console.domain.Done;
import org.limber.console.domain.ReplyForm;
import org.limber.console.service.EngagementService;

/** A member as their clinician sees them: progress, sessions, alerts, messages, the plan, its tailoring and reviews. */
@Path("/members/{memberId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(SignedInUser.CLINICIAN)
public class MemberResource {

    private final MemberPage page;

    public MemberResource(MemberPage page) {
        this.page = page;
    }

    /** The page; {@code messages}: the page of the thread with the member (0, the newest, by default). */
    @GET
    public Response page(
            @PathParam("memberId") String memberId,
            @QueryParam("done") String done,
            @QueryParam("messages") Integer messages) {
        int messagesPage = messages == null || messages < 0 ? 0 : Math.min(messages, EngagementService.MAX_PAGE);
        return page.render(
                MemberPage.id(memberId), 200, Done.message(done), null, null, null, messagesPage, ReplyForm.empty());
    }
}
