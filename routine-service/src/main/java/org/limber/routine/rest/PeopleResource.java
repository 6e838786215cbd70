package org.limber.routine.rest;

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
import org.limber.common.paging.Page;
import org.limber.common.problem.ProblemException;
import org.limber.common.rest.QueryParams;
import org.limber.events.Ids;
import org.limber.routine.repository.PersonRepository.Sort;
import org.limber.routine.rest.PeopleViews.ClinicianView;
import org.limber.routine.rest.PeopleViews.MemberView;
import org.limber.routine.rest.PeopleViews.PersonView;
import org.limber.routine.service.PersonDirectory;
import org.limber.routine.service.PersonDirectory.Viewer;

/** The directory of people: names instead of ids, for the care team. */
@Path("/people")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "People", description = "Names of members (a clinician: their own panel; an admin: all) and clinicians")
public class PeopleResource {

    static final int MAX_QUERY = 100;
    static final int MAX_IDS = 100;

    private final PersonDirectory directory;
    private final SecurityIdentity identity;

    private final AccessAudit audit;

    public PeopleResource(PersonDirectory directory, SecurityIdentity identity, AccessAudit audit) {
        this.audit = audit;
        this.directory = directory;
        this.identity = identity;
    }

    @GET
    @Path("/members")
    @RolesAllowed({"clinician", "admin"})
    @AuditedAccess(resource = "people")
    @Operation(
            summary = "Search members by name, e-mail or id",
            description =
                    "A clinician searches their own panel, an admin every member. q: part of a name, an e-mail or an id (case-insensitive; at most 100 characters; none: all). sort: name (family, then given name; the default), -name, id, -id. Paged.")
    public Page<MemberView> members(
            @QueryParam("q") String q,
            @QueryParam("sort") String sort,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Page<MemberView> found = directory
                .members(viewer(), query(q), sort(sort), QueryParams.page(page), QueryParams.size(size))
                .map(MemberView::of);
        audit.touched(found.items().stream().map(MemberView::id).toList());
        return found;
    }

    @GET
    @Path("/clinicians")
    @RolesAllowed("admin")
    @Operation(
            summary = "Every clinician, with the size of their panel",
            description =
                    "The members of Keycloak's group of clinicians at the directory's last refresh; enabled false for an account that is disabled (no panel may be given to it).")
    public List<ClinicianView> clinicians() {
        return directory.clinicians().stream().map(ClinicianView::of).toList();
    }

    @GET
    @RolesAllowed({"clinician", "admin"})
    @AuditedAccess(resource = "people")
    @Operation(
            summary = "The names of people by id",
            description =
                    "id: repeated, at most 100. Answers the people the caller may see by name (an admin: all; a clinician: the clinicians and the members on their own panel); the others are left out.")
    public List<PersonView> byIds(@QueryParam("id") List<String> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > MAX_IDS) {
            throw ProblemException.badParameter("id", "give 1 to " + MAX_IDS + " ids");
        }
        for (String id : ids) {
            if (id == null || id.isBlank() || id.length() > Ids.MAX_LENGTH) {
                throw ProblemException.badParameter("id", "each id is 1 to " + Ids.MAX_LENGTH + " characters");
            }
        }
        List<PersonView> named = directory.named(viewer(), new LinkedHashSet<>(ids)).stream()
                .map(PersonView::of)
                .toList();
        // A member's name and e-mail are their data; a clinician's are not.
        audit.touched(
                named.stream().filter(p -> !p.clinician()).map(PersonView::id).toList());
        return named;
    }

    private Viewer viewer() {
        return new Viewer(identity.getPrincipal().getName(), identity.hasRole("admin"));
    }

    private static String query(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > MAX_QUERY) {
            throw ProblemException.badParameter("q", "at most " + MAX_QUERY + " characters");
        }
        return q.strip();
    }

    private static Sort sort(String raw) {
        if (raw == null || raw.isBlank()) {
            return Sort.NAME;
        }
        return switch (raw.strip()) {
            case "name" -> Sort.NAME;
            case "-name" -> Sort.NAME_DESC;
            case "id" -> Sort.ID;
            case "-id" -> Sort.ID_DESC;
            default -> throw ProblemException.badParameter("sort", "one of name, -name, id, -id");
        };
    }
}
