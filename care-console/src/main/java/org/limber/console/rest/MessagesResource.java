package org.limber.console.rest;

import java.util.Map;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.limber.console.domain.Done;
import org.limber.console.domain.Problem;
import org.limber.console.domain.ReplyForm;
import org.limber.console.service.EngagementService;
import org.limber.console.service.ServiceException;

/** A clinician's reply to a member, from the thread on the member page (engagement-service sends it). */
@Path("/members/{memberId}/messages")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(SignedInUser.CLINICIAN)
public class MessagesResource {

    private final EngagementService engagement;
    private final MemberPage page;

    public MessagesResource(EngagementService engagement, MemberPage page) {
        this.engagement = engagement;
        this.page = page;
    }

    /**
     * Sends the reply; a text that is empty or too long comes back with the error next to the field and what was
     * written kept (nothing sent), as does engagement-service's refusal; a service down is a notice, never a 500.
     */
    @POST
    public Response reply(
            @PathParam("memberId") String memberId, @FormParam("id") String key, @FormParam("text") String text) {
        String id = MemberPage.id(memberId);
        ReplyForm form = ReplyForm.read(key, text);
        if (!form.valid()) {
            return page.render(
                    id,
                    400,
                    null,
                    new Problem(
                            400,
                            "Please check the message",
                            "The message was not sent: the text " + form.error() + ".",
                            Map.of("text", form.error())),
                    null,
                    null,
                    0,
                    form);
        }
        try {
            engagement.reply(id, form.id(), form.text());
        } catch (ServiceException e) {
            int s = e.problem().status();
            if (s == 401 || s == 403) {
                throw e;
            }
            return page.render(
                    id,
                    s,
                    null,
                    e.problem(),
                    null,
                    null,
                    0,
                    form.withError(e.problem().field("text")));
        }
        return PageResponses.seeOther("/members/" + id, Done.MESSAGE_SENT);
    }
}
