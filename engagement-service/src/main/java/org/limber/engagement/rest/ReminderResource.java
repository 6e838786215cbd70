package org.limber.engagement.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.engagement.service.ReminderService;

@Path("/members/me/reminders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("member")
@SecurityRequirement(name = "oidc")
@Tag(name = "Reminders", description = "When the member is reminded of a session")
public class ReminderResource {

    private final ReminderService reminders;
    private final Callers callers;

    public ReminderResource(ReminderService reminders, Callers callers) {
        this.reminders = reminders;
        this.callers = callers;
    }

    @GET
    @Operation(
            operationId = "getReminders",
            summary = "Your reminder settings",
            description = "defaulted is true while you never saved any: the plan's days at 18:00 UTC, by push, off.")
    public ReminderBody get() {
        return ReminderBody.of(reminders.get(callers.id()));
    }

    @PUT
    @Operation(
            operationId = "putReminders",
            summary = "Save your reminder settings",
            description =
                    "A bad field (days, time, timeZone, quietHours.from, quietHours.to, channels, enabled) is a 400"
                            + " naming it.")
    public ReminderBody put(@NotNull ReminderBody body) {
        var settings = body.settings();
        callers.remembered();
        return ReminderBody.of(reminders.put(callers.id(), settings));
    }
}
