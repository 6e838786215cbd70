package org.limber.console.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.limber.console.client.Views.CarePlan;
import org.limber.console.client.Views.ExerciseSummary;
import org.limber.console.client.Views.Hold;
import org.limber.console.client.Views.Item;
import org.limber.console.client.Views.Override;
import org.limber.console.client.Views.Progress;
import org.limber.console.client.Views.Review;
import org.limber.console.client.Views.ReviewRequest;
import org.limber.console.client.Views.Reviewed;
import org.limber.console.client.Views.Tailor;
import org.limber.console.client.Views.TailorChange;
import org.limber.console.domain.BarChart;
import org.limber.console.domain.Labels;
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
    static final Pattern RED_FLAG = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");
    static final int MAX_FLAGS = 32;

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

    /** The fields of the review form: one checkbox per red flag of the suspension, the outcome, its text, a note. */
    public static class ReviewForm {
        @FormParam("redFlagsAssessed")
        public List<String> redFlagsAssessed;

        @FormParam("outcome")
        public String outcome;

        @FormParam("outcomeText")
        public String outcomeText;

        @FormParam("note")
        public String note;
    }

    /** What the clinician put in the review form, shown again with the errors (nothing ticked at first). */
    public record ReviewValues(List<String> redFlags, String outcome, String outcomeText, String note) {

        static final ReviewValues EMPTY = new ReviewValues(List.of(), null, null, null);

        public boolean ticked(String flag) {
            return redFlags.contains(flag);
        }
    }

    /**
     * What a review is about, for the form: a suspended plan or a first-intake referral ({@code referral}),
     * its red flags, cause, since when, the member's message, the reviews so far; {@code problem} when
     * routine-service could not list the reviews (the form still shows, from the plan's suspension).
     */
    public record ReviewBox(
            boolean referral,
            Integer planVersion,
            String cause,
            String since,
            String reason,
            List<String> redFlags,
            List<Review> reviews,
            Problem problem) {

        static ReviewBox of(Hold h) {
            return new ReviewBox(
                    h.referral(),
                    h.planVersion(),
                    h.cause(),
                    h.since() == null ? null : Formats.text(h.since()),
                    h.reason(),
                    h.redFlags(),
                    h.reviews(),
                    null);
        }

        static ReviewBox of(CarePlan p, Problem problem) {
            return new ReviewBox(
                    false,
                    p.version(),
                    p.suspensionCause(),
                    p.suspensionSince(),
                    p.suspensionReason(),
                    p.suspensionRedFlags(),
                    List.of(),
                    problem);
        }
    }

    @GET
    public Response page(@PathParam("memberId") String memberId, @QueryParam("done") String done) {
        return render(id(memberId), 200, Pages.text(done, 200), null, null, null);
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
                    slug,
                    null);
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

    /**
     * A clinician's review of a suspended plan or a first-intake referral (issue 20): the red flags assessed,
     * the outcome (its text for Other) and a note, checked here first, then by routine-service (which
     * also checks that every red flag of the suspension was assessed); its field errors show next to the form.
     */
    @POST
    @Path("review")
    public Response review(@PathParam("memberId") String memberId, @BeanParam ReviewForm form) {
        String id = id(memberId);
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (String raw : form.redFlagsAssessed == null ? List.<String>of() : form.redFlagsAssessed) {
            String flag = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
            if (!RED_FLAG.matcher(flag).matches()) {
                errors.put("redFlagsAssessed", "'" + Pages.text(raw, 60) + "' is not a red flag");
            } else if (!flags.contains(flag)) {
                flags.add(flag);
            }
        }
        if (flags.isEmpty() && !errors.containsKey("redFlagsAssessed")) {
            errors.put("redFlagsAssessed", "tick each red flag you assessed");
        } else if (flags.size() > MAX_FLAGS) {
            errors.put("redFlagsAssessed", "at most " + MAX_FLAGS);
        }
        String outcome = form.outcome == null ? null : form.outcome.trim().toUpperCase(Locale.ROOT);
        if (outcome == null || !Labels.OUTCOMES.contains(outcome)) {
            errors.put("outcome", "choose the outcome of your review");
            outcome = null;
        }
        String outcomeText = Pages.text(form.outcomeText, 2000);
        if ("OTHER".equals(outcome) && outcomeText == null) {
            errors.put("outcomeText", "say what the outcome is when it is Other");
        }
        String note = required(form.note, "note", errors);
        ReviewValues values = new ReviewValues(flags, outcome, outcomeText, note);
        if (!errors.isEmpty()) {
            return render(
                    id,
                    400,
                    null,
                    new Problem(
                            400, "Please check the review", "The review was not recorded: " + describe(errors), errors),
                    null,
                    values);
        }
        Reviewed reviewed;
        try {
            reviewed = care.review(
                    id, new ReviewRequest(flags, outcome, "OTHER".equals(outcome) ? outcomeText : null, note));
        } catch (ServiceException e) {
            int s = e.problem().status();
            if (s == 401 || s == 403) {
                throw e;
            }
            return render(id, s, null, e.problem(), null, values);
        }
        return Pages.seeOther("/members/" + id, reviewed(reviewed));
    }

    /** What a recorded review did, for the page it goes back to. */
    static String reviewed(Reviewed r) {
        String status = r == null || r.status() == null ? "" : r.status();
        return switch (status) {
            case "ACTIVE" ->
                "Review recorded: the plan runs again"
                        + (r.planVersion() == null ? "" : " (version " + r.planVersion() + ")")
                        + (r.adaptationOn() ? "." : "; automatic adaptation is off.");
            case "SUSPENDED" -> "Review recorded: referred on, the plan stays paused.";
            case "NO_PLAN" ->
                "Review recorded: the referral is cleared. The member may take the intake again to get a plan.";
            default -> "Review recorded.";
        };
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
                    null,
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
        return render(id, s, null, e.problem(), slug, null);
    }

    /**
     * The member page; {@code review} is what the clinician put in the review form when it comes back with
     * errors (the problem's field errors then show next to it).
     */
    private Response render(String id, int status, String done, Problem problem, String openSlug, ReviewValues review) {
        var progress = section(() -> care.progress(id, WEEKS));
        if (!progress.ok()
                && (progress.problem().status() == 401 || progress.problem().status() == 403)) {
            throw new ServiceException(progress.problem());
        }
        var plan = section(() -> care.plan(id));
        // A suspended plan, or no plan: is the member held for a review (a red flag at the first intake refers
        // them before any plan)?
        ReviewBox reviewBox = null;
        Problem holdProblem = null;
        boolean noPlan = !plan.ok() && plan.problem().status() == 404;
        if (noPlan || plan.ok() && plan.value().suspended()) {
            var hold = section(() -> care.hold(id));
            if (hold.ok()) {
                reviewBox = ReviewBox.of(hold.value());
            } else if (plan.ok()) {
                reviewBox = ReviewBox.of(plan.value(), hold.problem().status() == 404 ? null : hold.problem());
            } else if (hold.problem().status() != 404) {
                holdProblem = hold.problem();
            }
        }
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
                .data("review", reviewBox)
                .data("holdProblem", holdProblem)
                .data("outcomes", Labels.OUTCOMES)
                .data("reviewValues", review == null ? ReviewValues.EMPTY : review)
                .data(
                        "reviewErrors",
                        review == null || problem == null ? Map.<String, String>of() : reviewErrors(problem))
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

    /**
     * The review's field errors by the form's field names: routine-service names an element of a list
     * ({@code redFlagsAssessed[0]}) where the form has one group.
     */
    static Map<String, String> reviewErrors(Problem problem) {
        Map<String, String> out = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) -> {
            String name = field == null ? "" : field.replaceFirst("\\[.*$", "");
            out.merge(name, message, (a, b) -> a + "; " + b);
        });
        return out;
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
