package org.limber.console.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import org.limber.console.client.Page;
import org.limber.console.client.PrivacyViews.AccessEntry;
import org.limber.console.domain.FormValues;
import org.limber.console.domain.Problem;
import org.limber.console.service.PeopleService;
import org.limber.console.service.PrivacyService;
import org.limber.console.service.PrivacyService.AuditFilter;
import org.limber.console.service.ServiceException;
import org.limber.events.Ids;

/**
 * Admins: who read or changed which member's data, when and through which client (progress-service's access
 * audit, issue 25), filtered by member, staff user and a range of days (UTC), paged.
 */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(SignedInUser.ADMIN)
public class AuditResource {

    static final int PAGE_SIZE = 50;

    private final PrivacyService privacy;
    private final PeopleService people;

    @Inject
    @Location("audit.html")
    Template page;

    public AuditResource(PrivacyService privacy, PeopleService people) {
        this.privacy = privacy;
        this.people = people;
    }

    @GET
    public Response page(
            @QueryParam("memberId") String memberId,
            @QueryParam("actorId") String actorId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") Integer page) {
        Map<String, String> errors = new HashMap<>();
        String member = FormValues.text(memberId, Ids.MAX_LENGTH);
        String actor = FormValues.text(actorId, Ids.MAX_LENGTH);
        LocalDate fromDay = day(from, "from", errors);
        LocalDate toDay = day(to, "to", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.put("to", "must be on or after the first day");
        }
        var filters = new Filters(member, actor, text(fromDay, from), text(toDay, to));
        if (!errors.isEmpty()) {
            return PageResponses.html(
                    400,
                    view(
                            filters,
                            null,
                            new Problem(
                                    400,
                                    "Please check the filters",
                                    "Days are written as yyyy-mm-dd, the last on or after the first.",
                                    errors)));
        }
        var filter = new AuditFilter(
                member,
                actor,
                fromDay == null
                        ? null
                        : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant().toString(),
                toDay == null
                        ? null
                        : toDay.plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .toString());
        var entries = Section.of(() -> privacy.access(filter, CareTeamResource.pageNumber(page), PAGE_SIZE));
        if (!entries.ok()
                && (entries.problem().status() == 401 || entries.problem().status() == 403)) {
            throw new ServiceException(entries.problem());
        }
        return PageResponses.html(entries.ok() ? 200 : entries.problem().status(), view(filters, entries, null));
    }

    private TemplateInstance view(Filters filters, Section<Page<AccessEntry>> entries, Problem p) {
        List<String> memberIds = entries == null || !entries.ok()
                ? List.of()
                : entries.value().items().stream().map(AccessEntry::memberId).toList();
        return page.data("filters", filters)
                .data("entries", entries)
                .data("problem", p)
                .data("errors", p == null ? Map.of() : p.fieldErrors())
                .data("names", memberIds.isEmpty() ? Map.of() : people.names(memberIds));
    }

    /** The filters as the form shows them again, and as the pager's links carry them. */
    public record Filters(String memberId, String actorId, String from, String to) {

        public String query() {
            StringBuilder q = new StringBuilder();
            add(q, "memberId", memberId);
            add(q, "actorId", actorId);
            add(q, "from", from);
            add(q, "to", to);
            return q.toString();
        }

        private static void add(StringBuilder q, String name, String value) {
            if (value != null) {
                q.append('&').append(name).append('=').append(Formats.urlEncoded(value));
            }
        }
    }

    private static String text(LocalDate day, String raw) {
        return day != null ? day.toString() : FormValues.text(raw, 10);
    }

    static LocalDate day(String raw, String field, Map<String, String> errors) {
        String t = FormValues.text(raw, 20);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            errors.put(field, "is not a day written yyyy-mm-dd");
            return null;
        }
    }
}
