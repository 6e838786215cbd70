package org.limber.engagement.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.audit.AccessAudit;
import org.limber.common.audit.AuditedAccess;
import org.limber.common.problem.ProblemException;
import org.limber.engagement.repository.AlertStore;
import org.limber.engagement.repository.AlertStore.Step;
import org.limber.engagement.service.MessageService;

/**
 * The escalations of urgent alerts, for the console. An alert of a member with a clinician: that clinician or an
 * admin; an alert in triage (no clinician): any clinician or admin; others get 404.
 */
@Path("/care-team")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"clinician", "admin"})
@SecurityRequirement(name = "oidc")
@Tag(name = "Escalations", description = "Who was notified of an urgent alert, and when")
public class EscalationResource {

    static final int MAX_ROWS = 200;

    /** One escalation step. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EscalationView(
            UUID alertId, int level, Instant at, String notified, int recipients, List<String> channels) {

        static EscalationView of(Step s, boolean withAlert) {
            return new EscalationView(
                    withAlert ? s.alertId() : null, s.level(), s.at(), s.notified(), s.recipients(), s.channels());
        }
    }

    private final AlertStore alerts;
    private final MessageService messages;
    private final Callers callers;
    private final AccessAudit audit;

    public EscalationResource(AlertStore alerts, MessageService messages, Callers callers, AccessAudit audit) {
        this.audit = audit;
        this.alerts = alerts;
        this.messages = messages;
        this.callers = callers;
    }

    @GET
    @Path("/alerts/{alertId}/escalations")
    @AuditedAccess(resource = "escalations")
    @Operation(operationId = "getAlertEscalations", summary = "An alert's escalations, oldest first; empty when none")
    public List<EscalationView> ofAlert(@PathParam("alertId") String alertId) {
        UUID id = CareTeamResource.uuid(alertId, "alert");
        var caller = callers.caller();
        return alerts.find(id)
                .map(a -> {
                    if (!caller.admin()
                            && a.clinicianId() != null
                            && !a.clinicianId().equals(caller.id())) {
                        throw ProblemException.notFound("There is no alert " + alertId + ".");
                    }
                    audit.touched(a.memberId());
                    return alerts.steps(id).stream()
                            .map(s -> EscalationView.of(s, false))
                            .toList();
                })
                .orElseGet(List::of);
    }

    @GET
    @Path("/escalations")
    @AuditedAccess(resource = "escalations", member = "memberId")
    @Operation(operationId = "getMemberEscalations", summary = "The escalations of one member's alerts, newest first")
    public List<EscalationView> ofMember(@QueryParam("memberId") String memberId) {
        if (memberId == null || memberId.isBlank() || memberId.length() > CareTeamResource.MAX_ID) {
            throw ProblemException.badParameter(
                    "memberId", "is required, at most " + CareTeamResource.MAX_ID + " characters");
        }
        messages.checkPanel(callers.caller(), memberId);
        return alerts.stepsOfMember(memberId, MAX_ROWS).stream()
                .map(s -> EscalationView.of(s, true))
                .toList();
    }
}
