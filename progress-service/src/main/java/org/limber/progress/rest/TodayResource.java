package org.limber.progress.rest;

import java.time.LocalDate;
import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.audit.AccessAudit;
import org.limber.common.audit.AuditedAccess;
import org.limber.progress.repository.PanelQueries.Waiting;
import org.limber.progress.repository.PanelQueries.WorstPain;
import org.limber.progress.service.TodayService;

/** A clinician's day: the "Today" page of the console. */
@Path("/care-team/today")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("clinician")
@SecurityRequirement(name = "oidc")
@Tag(name = "Care team", description = "A clinician's panel and alerts")
public class TodayResource {

    /** The day of a clinician's panel; {@code unreadMessages} is null until members can send messages. */
    public record Today(
            LocalDate date,
            LocalDate weekStart,
            long panelSize,
            long membersWithSessionToday,
            long membersWithSessionThisWeek,
            WorstPain worstPainToday,
            long awaitingReview,
            List<Waiting> awaitingReviewFirst,
            Long unreadMessages) {}

    private final TodayService today;
    private final SecurityIdentity identity;
    private final AccessAudit audit;

    public TodayResource(TodayService today, SecurityIdentity identity, AccessAudit audit) {
        this.today = today;
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    @AuditedAccess(resource = "today")
    @Operation(
            summary = "Your day: sessions today and this week, the worst pain today, who waits for a review",
            description =
                    "Counts of your members with a session today and this week (UTC days, weeks from Monday), the worst pain reported in a session today (the highest of before, during and after) and whose, and the members whose plan waits for your review (SUSPENDED or REFERRED), longest waiting first (up to 20; awaitingReview counts them all). Open alerts, most severe and latest first: GET /care-team/alerts?status=OPEN.")
    public Today day() {
        TodayService.Day day = today.today(caller());
        if (day.worstPain() != null) {
            audit.touched(day.worstPain().memberId());
        }
        audit.touched(day.waiting().stream().map(Waiting::memberId).toList());
        return new Today(
                day.date(),
                day.weekStart(),
                day.counts().panelSize(),
                day.counts().activeToday(),
                day.counts().activeThisWeek(),
                day.worstPain(),
                day.counts().awaitingReview(),
                day.waiting(),
                null);
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }
}
