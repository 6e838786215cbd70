package org.limber.engagement.rest;

import java.net.URI;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.rest.QueryParams;
import org.limber.engagement.rest.MessageViews.Message;
import org.limber.engagement.rest.MessageViews.MessagePage;
import org.limber.engagement.rest.MessageViews.NewMessage;
import org.limber.engagement.rest.MessageViews.ReadUpTo;
import org.limber.engagement.service.MessageService;

@Path("/members/me/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("member")
@SecurityRequirement(name = "oidc")
@Tag(name = "Messages", description = "The thread between a member and their care team (not for emergencies)")
public class MemberMessagesResource {

    private final MessageService messages;
    private final Callers callers;

    public MemberMessagesResource(MessageService messages, Callers callers) {
        this.messages = messages;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "getMyMessages", summary = "Your thread with the care team, newest first")
    public MessagePage thread(@QueryParam("page") String page, @QueryParam("size") String size) {
        return MessagePage.of(
                messages.thread(callers.id(), MessageService.MEMBER, QueryParams.page(page), QueryParams.size(size)),
                true);
    }

    @POST
    @Operation(
            operationId = "postMyMessage",
            summary = "Write to your care team",
            description = "Not read at once. A text with red-flag words answers with a pointer to the symptom report"
                    + " and flags the thread. The same id again answers with the stored message.")
    public Response post(@NotNull @Valid NewMessage body) {
        Message m = Message.toMember(messages.fromMember(callers.remembered(), body.id(), body.text()));
        return Response.created(URI.create("/members/me/messages")).entity(m).build();
    }

    @POST
    @Path("/read")
    @Operation(operationId = "readMyMessages", summary = "Mark the care team's messages read up to one")
    public Response read(@NotNull @Valid ReadUpTo body) {
        messages.markRead(callers.id(), MessageService.MEMBER, body.upTo());
        return Response.noContent().build();
    }
}
