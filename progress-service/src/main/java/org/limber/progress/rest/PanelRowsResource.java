package org.limber.progress.rest;

import java.util.LinkedHashSet;
import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.audit.AccessAudit;
import org.limber.common.audit.AuditedAccess;
import org.limber.common.problem.ProblemException;
import org.limber.events.Ids;
import org.limber.progress.rest.ProgressViews.PanelMember;
import org.limber.progress.service.TodayService;

/** Panel rows of members chosen by id: a page of a search by name in routine-service's directory. */
@Path("/care-team/panel-rows")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("clinician")
@SecurityRequirement(name = "oidc")
@Tag(name = "Care team", description = "A clinician's panel and alerts")
public class PanelRowsResource {

    static final int MAX_IDS = 100;

    private final TodayService today;
    private final SecurityIdentity identity;
    private final AccessAudit audit;

    public PanelRowsResource(TodayService today, SecurityIdentity identity, AccessAudit audit) {
        this.today = today;
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    @AuditedAccess(resource = "panel")
    @Operation(
            summary = "Panel rows of the members named, as GET /care-team/panel shows them",
            description =
                    "memberId: repeated, 1 to 100 (a page of a search by name in routine-service's GET /people/members). Members not on your panel are left out; the rows come in no particular order.")
    public List<PanelMember> panelRows(@QueryParam("memberId") List<String> memberIds) {
        if (memberIds == null || memberIds.isEmpty() || memberIds.size() > MAX_IDS) {
            throw ProblemException.badParameter("memberId", "give 1 to " + MAX_IDS + " ids");
        }
        for (String id : memberIds) {
            if (id == null || id.isBlank() || id.length() > Ids.MAX_LENGTH) {
                throw ProblemException.badParameter("memberId", "each id is 1 to " + Ids.MAX_LENGTH + " characters");
            }
        }
        List<PanelMember> rows = today.rows(caller(), new LinkedHashSet<>(memberIds)).stream()
                .map(PanelMember::of)
                .toList();
        audit.touched(rows.stream().map(PanelMember::memberId).toList());
        return rows;
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }
}
