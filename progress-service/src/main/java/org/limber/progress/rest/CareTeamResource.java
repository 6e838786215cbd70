package org.limber.progress.rest;

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

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.audit.AccessAudit;
import org.limber.common.audit.AuditedAccess;
import org.limber.common.paging.Page;
import org.limber.common.problem.ProblemException;
import org.limber.common.rest.QueryParams;
import org.limber.progress.domain.Alert;
import org.limber.progress.domain.AlertKind;
import org.limber.progress.rest.ProgressViews.Note;
import org.limber.progress.rest.ProgressViews.PanelMember;
import org.limber.progress.service.ProgressService;

@Path("/care-team")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("clinician")
@SecurityRequirement(name = "oidc")
@Tag(name = "Care team", description = "A clinician's panel and alerts")
public class CareTeamResource {

    enum AlertStatus {
        OPEN,
        ACKNOWLEDGED,
        RESOLVED
    }

    private final ProgressService progress;
    private final SecurityIdentity identity;
    private final AccessAudit audit;

    public CareTeamResource(ProgressService progress, SecurityIdentity identity, AccessAudit audit) {
        this.progress = progress;
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    @Path("/panel")
    @AuditedAccess(resource = "panel")
    @Operation(
            summary = "Your members, most in need first",
            description =
                    "Urgent open alerts first, then pain furthest above baseline, then longest without a session.")
    public Page<PanelMember> panel(
            @QueryParam("alertKind") String alertKind,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        AlertKind kind = QueryParams.enumValue("alertKind", alertKind, AlertKind.class);
        Page<PanelMember> rows = progress.panel(
                        caller(), kind == null ? null : kind.name(), QueryParams.page(page), QueryParams.size(size))
                .map(PanelMember::of);
        audit.touched(rows.items().stream().map(PanelMember::memberId).toList());
        return rows;
    }

    @GET
    @Path("/alerts")
    @AuditedAccess(resource = "alerts")
    @Operation(summary = "Alerts of your members, most severe first, then the latest occurrence first")
    public Page<Alert> alerts(
            @QueryParam("status") String status,
            @QueryParam("kind") String kind,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        AlertStatus s = QueryParams.enumValue("status", status, AlertStatus.class);
        AlertKind k = QueryParams.enumValue("kind", kind, AlertKind.class);
        return touched(progress.alerts(
                caller(),
                s == null ? null : s.name(),
                k == null ? null : k.name(),
                QueryParams.page(page),
                QueryParams.size(size)));
    }

    @GET
    @Path("/triage")
    @RolesAllowed({"clinician", "admin"})
    @AuditedAccess(resource = "alerts")
    @Operation(
            summary = "Alerts of members with no clinician, most severe then oldest first",
            description =
                    "Unresolved URGENT and HIGH alerts of members no clinician is assigned to, until an admin assigns the member; any clinician may acknowledge or resolve them.")
    public Page<Alert> triage(@QueryParam("page") String page, @QueryParam("size") String size) {
        return touched(progress.triage(QueryParams.page(page), QueryParams.size(size)));
    }

    @POST
    @Path("/alerts/{alertId}/acknowledge")
    @AuditedAccess(resource = "alerts", operation = AuditedAccess.Operation.CHANGE)
    @Operation(
            summary = "Acknowledge an open alert, with a note",
            description =
                    "An alert of a member on your panel, or in triage (URGENT or HIGH, of a member with no clinician).")
    @APIResponse(
            responseCode = "200",
            description = "The alert, acknowledged",
            content = @Content(schema = @Schema(implementation = Alert.class)))
    @APIResponse(responseCode = "409", description = "Not open")
    public Alert acknowledge(@PathParam("alertId") String alertId, @NotNull @Valid Note request) {
        return touched(progress.acknowledge(caller(), id(alertId), request.note()));
    }

    @POST
    @Path("/alerts/{alertId}/resolve")
    @AuditedAccess(resource = "alerts", operation = AuditedAccess.Operation.CHANGE)
    @Operation(
            summary = "Resolve an alert, with a note",
            description =
                    "An alert of a member on your panel, or in triage (URGENT or HIGH, of a member with no clinician).")
    @APIResponse(
            responseCode = "200",
            description = "The alert, resolved",
            content = @Content(schema = @Schema(implementation = Alert.class)))
    @APIResponse(responseCode = "409", description = "Resolved already")
    public Alert resolve(@PathParam("alertId") String alertId, @NotNull @Valid Note request) {
        return touched(progress.resolve(caller(), id(alertId), request.note()));
    }

    private static UUID id(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no alert " + raw + ".");
        }
    }

    private Page<Alert> touched(Page<Alert> alerts) {
        audit.touched(alerts.items().stream().map(Alert::memberId).toList());
        return alerts;
    }

    private Alert touched(Alert alert) {
        audit.touched(alert.memberId());
        return alert;
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }
}
