package org.limber.console.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import org.limber.console.client.Page;
import org.limber.console.client.ProgressViews.Alert;
import org.limber.console.client.ProgressViews.PanelRow;
import org.limber.console.domain.Done;
import org.limber.console.domain.FormValues;
import org.limber.console.domain.Problem;
import org.limber.console.service.CareService;
import org.limber.console.service.EngagementService;
import org.limber.console.service.PeopleService;
import org.limber.console.service.ServiceException;

/** A clinician's panel, alert inbox and the triage queue. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CareTeamResource {

    /** progress-service's alert kinds, most severe first (its rules file, {@code alert-rules.yaml}). */
    static final List<String> ALERT_KINDS = List.of(
            "RED_FLAG_SYMPTOM",
            "REFERRAL",
            "NEEDS_REVIEW",
            "HIGH_PAIN",
            "PAIN_ABOVE_BASELINE",
            "CANNOT_REGRESS",
            "CLEARANCE_OVERDUE",
            "NO_RESPONSE",
            "INACTIVE",
            "LOW_ADHERENCE",
            "PSYCHOSOCIAL_RISK");

    static final List<String> STATUSES = List.of("OPEN", "ACKNOWLEDGED", "RESOLVED");
    static final int PAGE_SIZE = 25;
    /** The orders of a search of the panel by name (routine-service's directory). */
    static final List<String> SORTS = List.of("name", "-name", "id", "-id");

    static final int NOTE_MAX = 2000;

    private final CareService care;
    private final PeopleService people;
    private final EngagementService engagement;

    @Inject
    @Location("panel.html")
    Template panel;

    @Inject
    @Location("alerts.html")
    Template alerts;

    @Inject
    @Location("alert-row.html")
    Template alertRow;

    @Inject
    @Location("triage.html")
    Template triage;

    public CareTeamResource(CareService care, PeopleService people, EngagementService engagement) {
        this.care = care;
        this.people = people;
        this.engagement = engagement;
    }

    @GET
    @Path("panel")
    @RolesAllowed(SignedInUser.CLINICIAN)
    public TemplateInstance panel(
            @QueryParam("alertKind") String alertKind,
            @QueryParam("q") String q,
            @QueryParam("sort") String sort,
            @QueryParam("page") Integer page) {
        String kind = choice(alertKind, ALERT_KINDS);
        String search = FormValues.text(q, 100);
        String order = choice(sort, SORTS);
        if (search == null && order == null) {
            Page<PanelRow> rows = care.panel(kind, pageNumber(page), PAGE_SIZE);
            return withUnread(panel.data("rows", rows.items()))
                    .data("page", rows)
                    .data("kinds", ALERT_KINDS)
                    .data("kind", kind)
                    .data("q", null)
                    .data("sort", null)
                    .data("sorts", SORTS)
                    .data(
                            "names",
                            people.names(rows.items().stream()
                                    .map(PanelRow::memberId)
                                    .toList()));
        }
        // By name or id over the whole panel: routine-service's directory finds the page of members,
        // progress-service gives their rows.
        PeopleService.Found found = people.search(search, order == null ? "name" : order, pageNumber(page), PAGE_SIZE);
        return withUnread(panel.data("rows", care.panelRows(found.ids())))
                .data("page", found.page())
                .data("kinds", ALERT_KINDS)
                .data("kind", null)
                .data("q", search)
                .data("sort", order == null ? "name" : order)
                .data("sorts", SORTS)
                .data("names", found.names());
    }

    /** The unread messages of each member on the panel (one call); a notice in their column if engagement-service fails. */
    private TemplateInstance withUnread(TemplateInstance page) {
        var unread = Section.of(engagement::unread);
        return page.data("unread", unread.ok() ? EngagementService.byMember(unread.value()) : Map.of())
                .data("unreadProblem", unread.problem());
    }

    @GET
    @Path("alerts")
    @RolesAllowed(SignedInUser.CLINICIAN)
    public TemplateInstance alerts(
            @QueryParam("status") String status,
            @QueryParam("kind") String kind,
            @QueryParam("page") Integer page,
            @QueryParam("done") String done) {
        String s = status == null ? "OPEN" : choice(status, STATUSES);
        String k = choice(kind, ALERT_KINDS);
        Page<Alert> list = care.alerts(s, k, pageNumber(page), PAGE_SIZE);
        var escalations = Section.of(() -> engagement.escalations(list.items()));
        return alerts.data("alerts", list)
                .data("escalations", escalations.ok() ? escalations.value() : Map.of())
                .data("escalationsProblem", escalations.problem())
                .data(
                        "names",
                        people.names(list.items().stream().map(Alert::memberId).toList()))
                .data("status", s)
                .data("kind", k)
                .data("kinds", ALERT_KINDS)
                .data("statuses", STATUSES)
                .data("done", Done.message(done));
    }

    @POST
    @Path("alerts/{alertId}/{action}")
    @RolesAllowed(SignedInUser.CLINICIAN)
    public Response act(
            @PathParam("alertId") String alertId,
            @PathParam("action") String action,
            @FormParam("note") String note,
            @FormParam("back") String back,
            @HeaderParam("HX-Request") String htmx) {
        if (!Set.of("acknowledge", "resolve").contains(action)) {
            throw new NotFoundException();
        }
        String text = FormValues.text(note, NOTE_MAX);
        Alert updated = null;
        Problem problem = null;
        if (text == null) {
            problem = new Problem(
                    400, "Please add a note", "A note is needed: what you found or did.", Map.of("note", "is needed"));
        } else {
            try {
                updated = "acknowledge".equals(action) ? care.acknowledge(alertId, text) : care.resolve(alertId, text);
            } catch (ServiceException e) {
                problem = e.problem();
            }
        }
        if (htmx != null) {
            // In place: the row is replaced by its new state, or keeps its form with the message.
            return Response.ok(alertRow.data("alert", updated)
                            .data("names", updated == null ? Map.of() : people.names(List.of(updated.memberId())))
                            .data("alertId", alertId)
                            .data("problem", problem))
                    .type(MediaType.TEXT_HTML)
                    .build();
        }
        if (problem != null) {
            throw new ServiceException(problem);
        }
        String to = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/alerts";
        return PageResponses.seeOther(to, "acknowledge".equals(action) ? Done.ALERT_ACKNOWLEDGED : Done.ALERT_RESOLVED);
    }

    @GET
    @Path("triage")
    @RolesAllowed({SignedInUser.CLINICIAN, SignedInUser.ADMIN})
    public TemplateInstance triage() {
        Section<List<Alert>> queue = Section.of(care::triage).map(MemberPage::mostUrgentFirst);
        boolean notOffered = !queue.ok()
                && (queue.problem().status() == 404 || queue.problem().status() == 405);
        if (!queue.ok()
                && !notOffered
                && (queue.problem().status() == 401 || queue.problem().status() == 403)) {
            throw new ServiceException(queue.problem());
        }
        return triage.data("queue", queue)
                .data("notOffered", notOffered)
                .data(
                        "names",
                        queue.ok()
                                ? people.names(queue.value().stream()
                                        .map(Alert::memberId)
                                        .toList())
                                : Map.of());
    }

    static String choice(String raw, List<String> allowed) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        // Case does not matter; the answer is the allowed value as written (alert kinds are upper case, sorts lower).
        String v = allowed.stream()
                .filter(a -> a.equalsIgnoreCase(raw.trim()))
                .findFirst()
                .orElse(null);
        if (v == null) {
            throw new ServiceException(new Problem(
                    400,
                    "Unknown filter",
                    "'" + raw.trim() + "' is not one of " + String.join(", ", allowed) + ".",
                    Map.of()));
        }
        return v;
    }

    static int pageNumber(Integer page) {
        return page == null ? 0 : Math.max(0, Math.min(page, 10_000));
    }
}
