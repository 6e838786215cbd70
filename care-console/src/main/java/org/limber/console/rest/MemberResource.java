package org.limber.console.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

import org.limber.console.client.Views.Alert;
import org.limber.console.client.Views.ExerciseSummary;
import org.limber.console.client.Views.Item;
import org.limber.console.client.Views.Override;
import org.limber.console.client.Views.Progress;
import org.limber.console.client.Views.Tailor;
import org.limber.console.client.Views.TailorChange;
import org.limber.console.domain.BarChart;
import org.limber.console.domain.PainChart;
import org.limber.console.domain.Problem;
import org.limber.console.service.CareService;
import org.limber.console.service.ServiceException;
import org.limber.events.member.PrescribedDose;

import static org.limber.console.rest.Pages.section;

/** A member as their clinician sees them: progress, sessions, alerts, the plan and its tailoring. */
@Path("/members/{memberId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.CLINICIAN)
public class MemberResource {

    static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9._@:-]{1,200}");
    static final List<String> CHANGE_TYPES = List.of("SWAP", "DOSE", "PAUSE", "RESUME", "LOCK", "UNLOCK");
    static final int WEEKS = 12;
    static final int RECENT_SESSIONS = 10;

    private final CareService care;

    @Inject
    @Location("member.html")
    Template member;

    public MemberResource(CareService care) {
        this.care = care;
    }

    /** The fields of the tailoring form. */
    public static class TailorForm {
        @FormParam("type")
        public String type;

        @FormParam("slug")
        public String slug;

        @FormParam("session")
        public String session;

        @FormParam("to")
        public String to;

        @FormParam("sets")
        public String sets;

        @FormParam("reps")
        public String reps;

        @FormParam("holdSeconds")
        public String holdSeconds;

        @FormParam("durationSeconds")
        public String durationSeconds;

        @FormParam("restSeconds")
        public String restSeconds;

        @FormParam("perSide")
        public String perSide;

        @FormParam("note")
        public String note;

        @FormParam("overrideReason")
        public String overrideReason;
    }

    @GET
    public Response page(@PathParam("memberId") String memberId, @QueryParam("done") String done) {
        return render(id(memberId), 200, Pages.text(done, 200), null, null);
    }

    @POST
    @Path("tailor")
    public Response tailor(@PathParam("memberId") String memberId, @BeanParam TailorForm form) {
        String id = id(memberId);
        Map<String, String> errors = new HashMap<>();
        String note = required(form.note, "note", errors);
        String type = form.type == null ? null : form.type.trim().toUpperCase(Locale.ROOT);
        if (type == null || !CHANGE_TYPES.contains(type)) {
            errors.put("type", "choose what to change");
        }
        String slug = required(form.slug, "slug", errors);
        Integer session = number(form.session, "session", 1, 7, errors);
        String to = null;
        PrescribedDose dose = null;
        if ("SWAP".equals(type)) {
            to = required(form.to, "to", errors);
        } else if ("DOSE".equals(type)) {
            Integer sets = number(form.sets, "sets", 1, 10, errors);
            Integer reps = number(form.reps, "reps", 1, 50, errors);
            Integer hold = number(form.holdSeconds, "holdSeconds", 1, 120, errors);
            Integer duration = number(form.durationSeconds, "durationSeconds", 10, 3600, errors);
            Integer rest = number(form.restSeconds, "restSeconds", 0, 300, errors);
            if (sets == null && !errors.containsKey("sets")) {
                errors.put("sets", "is needed");
            }
            if (reps == null && duration == null && !errors.containsKey("reps")) {
                errors.put("reps", "give repetitions or a duration");
            }
            if (errors.isEmpty()) {
                dose = new PrescribedDose(sets, reps, hold, duration, rest == null ? 0 : rest, form.perSide != null);
            }
        }
        String overrideReason = Pages.text(form.overrideReason, 2000);
        if (!errors.isEmpty()) {
            return render(
                    id,
                    400,
                    null,
                    new Problem(400, "Please check the form", "The change was not made: " + describe(errors), errors),
                    slug);
        }
        try {
            care.tailor(
                    id,
                    new Tailor(
                            note,
                            List.of(new TailorChange(type, slug, session, to, dose)),
                            overrideReason == null ? null : new Override(overrideReason)));
        } catch (ServiceException e) {
            return failed(id, e, slug);
        }
        return Pages.seeOther("/members/" + id, "Plan changed: " + type.toLowerCase(Locale.ROOT) + " of " + slug + ".");
    }

    @POST
    @Path("changes/{changeId}/undo")
    public Response undo(
            @PathParam("memberId") String memberId,
            @PathParam("changeId") String changeId,
            @FormParam("note") String note) {
        String id = id(memberId);
        return act(id, note, () -> care.undo(id, changeId, Pages.text(note, 2000)), "Automatic change undone.");
    }

    @POST
    @Path("adaptation")
    public Response adaptation(
            @PathParam("memberId") String memberId,
            @FormParam("enabled") String enabled,
            @FormParam("note") String note) {
        String id = id(memberId);
        boolean on = "true".equals(enabled);
        return act(
                id,
                note,
                () -> care.adaptation(id, on, Pages.text(note, 2000)),
                on ? "Automatic adaptation turned on." : "Automatic adaptation turned off.");
    }

    @POST
    @Path("resume")
    public Response resume(@PathParam("memberId") String memberId, @FormParam("note") String note) {
        String id = id(memberId);
        return act(id, note, () -> care.resume(id, Pages.text(note, 2000)), "Plan resumed.");
    }

    private Response act(String id, String note, Runnable action, String done) {
        if (Pages.text(note, 2000) == null) {
            return render(
                    id,
                    400,
                    null,
                    new Problem(
                            400,
                            "Please add a note",
                            "A note is needed: why you make this change.",
                            Map.of("note", "is needed")),
                    null);
        }
        try {
            action.run();
        } catch (ServiceException e) {
            return failed(id, e, null);
        }
        return Pages.seeOther("/members/" + id, done);
    }

    private Response failed(String id, ServiceException e, String slug) {
        int s = e.problem().status();
        if (s == 401 || s == 403) {
            throw e;
        }
        return render(id, s, null, e.problem(), slug);
    }

    private Response render(String id, int status, String done, Problem problem, String openSlug) {
        var progress = section(() -> care.progress(id, WEEKS));
        if (!progress.ok()
                && (progress.problem().status() == 401 || progress.problem().status() == 403)) {
            throw new ServiceException(progress.problem());
        }
        var plan = section(() -> care.plan(id));
        var sessions = section(() -> care.sessions(id, RECENT_SESSIONS));
        var alerts = section(() -> care.memberAlerts(id));
        Map<String, List<ExerciseSummary>> choices = new HashMap<>();
        Problem choicesProblem = null;
        if (plan.ok()) {
            for (var s : plan.value().sessions()) {
                for (Item item : s.items()) {
                    if (item.category() != null && !choices.containsKey(item.category())) {
                        try {
                            choices.put(item.category(), care.swapChoices(plan.value(), item));
                        } catch (ServiceException e) {
                            choicesProblem = e.problem();
                            choices.put(item.category(), List.of());
                        }
                    }
                }
            }
        }
        var page = member.data("memberId", id)
                .data("back", "/members/" + id)
                .data("progress", progress)
                .data("plan", plan)
                .data("sessions", sessions)
                .data("alerts", alerts)
                .data("choices", choices)
                .data("choicesProblem", choicesProblem)
                .data("done", done)
                .data("problem", problem)
                .data("openSlug", openSlug)
                .data("changeTypes", CHANGE_TYPES)
                .data("painChart", progress.ok() ? painChart(progress.value()) : null)
                .data("adherenceChart", progress.ok() ? adherenceChart(progress.value()) : null)
                .data(
                        "referrals",
                        alerts.ok()
                                ? alerts.value().stream()
                                        .filter(a -> "REFERRAL".equals(a.kind()) || "RED_FLAG_SYMPTOM".equals(a.kind()))
                                        .toList()
                                : List.<Alert>of());
        return Pages.html(status, page);
    }

    static String painChart(Progress p) {
        return PainChart.svg(
                "pain",
                p.weeks().stream()
                        .map(w -> new PainChart.Point(
                                w.weekStart(), w.meanPainBefore(), w.meanWorstPainDuring(), w.meanPainAfter()))
                        .toList(),
                p.baselinePain());
    }

    static String adherenceChart(Progress p) {
        return BarChart.svg(
                "adherence",
                "Weekly adherence: sessions done of those prescribed (80% or more is adherent)",
                p.weeks().stream()
                        .map(w -> new BarChart.Bar(
                                "Week of " + w.weekStart(),
                                w.adherencePercent() == null
                                        ? null
                                        : w.adherencePercent().doubleValue(),
                                "no plan yet"))
                        .toList(),
                80.0);
    }

    static String id(String raw) {
        if (raw == null || !MEMBER_ID.matcher(raw).matches()) {
            throw new ServiceException(new Problem(404, "Not found", "There is no member with that id.", Map.of()));
        }
        return raw;
    }

    private static String required(String raw, String field, Map<String, String> errors) {
        String t = Pages.text(raw, 2000);
        if (t == null) {
            errors.put(field, "is needed");
        }
        return t;
    }

    private static Integer number(String raw, String field, int min, int max, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max) {
                errors.put(field, "must be " + min + "-" + max);
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number");
            return null;
        }
    }

    private static String describe(Map<String, String> errors) {
        return errors.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .sorted()
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    }
}
