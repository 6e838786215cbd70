package org.limber.engagement.rest;

import java.net.URI;
import java.util.UUID;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.audit.AccessAudit;
import org.limber.common.audit.AuditedAccess;
import org.limber.common.problem.ProblemException;
import org.limber.common.rest.QueryParams;
import org.limber.engagement.rest.MessageViews.Message;
import org.limber.engagement.rest.MessageViews.MessagePage;
import org.limber.engagement.rest.MessageViews.NewMessage;
import org.limber.engagement.rest.MessageViews.ReadUpTo;
import org.limber.engagement.rest.MessageViews.UnreadSummary;
import org.limber.engagement.rest.MessageViews.UnreadThread;
import org.limber.engagement.service.MessageService;

/** The care team's side of the threads: a clinician for the members on their panel, an admin for any. */
@Path("/care-team")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"clinician", "admin"})
@SecurityRequirement(name = "oidc")
@Tag(name = "Care team messages", description = "Threads with the members of your panel")
public class CareTeamResource {

    static final int MAX_ID = 64;

    private final MessageService messages;
    private final Callers callers;
    private final AccessAudit audit;

    public CareTeamResource(MessageService messages, Callers callers, AccessAudit audit) {
        this.messages = messages;
        this.callers = callers;
        this.audit = audit;
    }

    @GET
    @Path("/members/{memberId}/messages")
    @AuditedAccess(resource = "messages", member = "memberId")
    @Operation(operationId = "getMemberMessages", summary = "A member's thread, newest first")
    public MessagePage thread(
            @PathParam("memberId") String memberId, @QueryParam("page") String page, @QueryParam("size") String size) {
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        messages.checkPanel(callers.caller(), member(memberId));
        return MessagePage.of(messages.thread(memberId, MessageService.CLINICIAN, p, s), false);
    }

    @POST
    @Path("/members/{memberId}/messages")
    @AuditedAccess(resource = "messages", member = "memberId", operation = AuditedAccess.Operation.CHANGE)
    @Operation(operationId = "postMemberMessage", summary = "Write to a member of your panel")
    public Response post(@PathParam("memberId") String memberId, @NotNull @Valid NewMessage body) {
        Message m = Message.of(messages.fromCareTeam(callers.remembered(), member(memberId), body.id(), body.text()));
        return Response.created(URI.create("/care-team/members/" + memberId + "/messages"))
                .entity(m)
                .build();
    }

    @POST
    @Path("/members/{memberId}/messages/read")
    @AuditedAccess(resource = "messages", member = "memberId", operation = AuditedAccess.Operation.CHANGE)
    @Operation(operationId = "readMemberMessages", summary = "Mark a member's messages read up to one")
    public Response read(@PathParam("memberId") String memberId, @NotNull @Valid ReadUpTo body) {
        messages.checkPanel(callers.caller(), member(memberId));
        messages.markRead(memberId, MessageService.CLINICIAN, body.upTo());
        return Response.noContent().build();
    }

    @GET
    @Path("/messages/unread")
    @AuditedAccess(resource = "messages")
    @Operation(
            operationId = "getUnreadMessages",
            summary = "Unread member messages of your panel (admin: every member), flagged threads first")
    public UnreadSummary unread() {
        UnreadSummary unread = UnreadSummary.of(messages.unread(callers.caller()));
        audit.touched(unread.members().stream().map(UnreadThread::memberId).toList());
        return unread;
    }

    static String member(String memberId) {
        if (memberId == null || memberId.isBlank() || memberId.length() > MAX_ID) {
            throw ProblemException.notFound("There is no member " + memberId + " on your panel.");
        }
        return memberId;
    }

    static UUID uuid(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("There is no " + what + " " + raw + ".");
        }
    }
}
