package org.limber.console.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.limber.console.client.DayClient;
import org.limber.console.client.DayViews.Today;
import org.limber.console.client.EngagementViews.Unread;
import org.limber.console.client.Page;
import org.limber.console.client.ProgressViews.Alert;
import org.limber.console.service.CareService;
import org.limber.console.service.EngagementService;
import org.limber.console.service.PeopleService;
import org.limber.console.service.ServiceCalls;

/**
 * A clinician's "Today": sessions today and this week, the worst pain today, open alerts (most
 * severe and latest first), members waiting for a review, and unread messages (flagged first). Four
 * calls whatever the panel's size: the day and the open alerts (progress-service), the unread messages
 * (engagement-service), the names (routine-service).
 */
@Path("/today")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(SignedInUser.CLINICIAN)
public class TodayResource {

    static final int ALERTS_SHOWN = 10;
    /** Members with unread messages listed on the day, flagged first (the total counts them all). */
    static final int UNREAD_SHOWN = 10;

    private final DayClient day;
    private final CareService care;
    private final PeopleService people;
    private final EngagementService engagement;

    @Inject
    @Location("today.html")
    Template page;

    public TodayResource(
            @RestClient DayClient day, CareService care, PeopleService people, EngagementService engagement) {
        this.day = day;
        this.care = care;
        this.people = people;
        this.engagement = engagement;
    }

    @GET
    public TemplateInstance today() {
        Section<Today> today = Section.of(() -> ServiceCalls.call("progress service", day::today));
        Section<Page<Alert>> alerts = Section.of(() -> care.alerts("OPEN", null, 0, ALERTS_SHOWN));
        List<String> ids = new ArrayList<>();
        if (today.ok()) {
            if (today.value().worstPainToday() != null) {
                ids.add(today.value().worstPainToday().memberId());
            }
            today.value().awaitingReviewFirst().forEach(w -> ids.add(w.memberId()));
        }
        if (alerts.ok()) {
            alerts.value().items().forEach(a -> ids.add(a.memberId()));
        }
        Section<Unread> unread = Section.of(engagement::unread);
        if (unread.ok()) {
            unread.value().members().stream().limit(UNREAD_SHOWN).forEach(u -> ids.add(u.memberId()));
        }
        Map<String, String> names = ids.isEmpty() ? Map.of() : people.names(ids);
        return page.data("today", today)
                .data("alerts", alerts)
                .data("unread", unread)
                .data("unreadShown", UNREAD_SHOWN)
                .data("names", names);
    }
}
