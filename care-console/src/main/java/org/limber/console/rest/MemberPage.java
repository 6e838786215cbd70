package org.limber.console.rest;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import org.limber.console.client.CatalogViews.ExerciseSummary;
import org.limber.console.client.EngagementViews.Escalation;
import org.limber.console.client.ProgressViews.Alert;
import org.limber.console.client.ProgressViews.Progress;
import org.limber.console.client.ProgressViews.Week;
import org.limber.console.client.RoutineViews.CarePlan;
import org.limber.console.client.RoutineViews.Item;
import org.limber.console.domain.BarChart;
import org.limber.console.domain.Labels;
import org.limber.console.domain.PainChart;
import org.limber.console.domain.Problem;
import org.limber.console.domain.ProgramWeeks;
import org.limber.console.domain.ReplyForm;
import org.limber.console.domain.ReviewForm;
import org.limber.console.domain.TailoringForm;
import org.limber.console.service.CareService;
import org.limber.console.service.EngagementService;
import org.limber.console.service.PeopleService;
import org.limber.console.service.ServiceException;

/**
 * The member page, drawn for the page itself and again, with the problem, when one of its forms comes back
 * refused. Each section loads on its own, so one service down leaves the rest.
 */
@ApplicationScoped
public class MemberPage {

    static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9._@:-]{1,200}");
    static final int WEEKS = 12;
    static final int RECENT_SESSIONS = 10;

    private final CareService care;
    private final PeopleService people;
    private final EngagementService engagement;

    @Inject
    @Location("member.html")
    Template member;

    public MemberPage(CareService care, PeopleService people, EngagementService engagement) {
        this.care = care;
        this.people = people;
        this.engagement = engagement;
    }

    /** A member id from the path, or a 404 page for one that cannot be an id. */
    static String id(String raw) {
        if (raw == null || !MEMBER_ID.matcher(raw).matches()) {
            throw new ServiceException(new Problem(404, "Not found", "There is no member with that id.", Map.of()));
        }
        return raw;
    }

    /**
     * The member page; {@code review} is what the clinician put in the review form when it comes back with
     * errors (the problem's field errors then show next to it), {@code openSlug} the exercise whose tailoring
     * form stays open.
     */
    Response render(String id, int status, String done, Problem problem, String openSlug, ReviewForm.Values review) {
        return render(id, status, done, problem, openSlug, review, 0, ReplyForm.empty());
    }

    /** The member page with the thread's page {@code messagesPage} and the reply form as it was written. */
    Response render(
            String id,
            int status,
            String done,
            Problem problem,
            String openSlug,
            ReviewForm.Values review,
            int messagesPage,
            ReplyForm reply) {
        var progress = Section.of(() -> care.progress(id, WEEKS));
        if (!progress.ok()
                && (progress.problem().status() == 401 || progress.problem().status() == 403)) {
            throw new ServiceException(progress.problem());
        }
        List<Week> weeks = progress.ok() ? weeks(progress.value()) : List.of();
        var plan = Section.of(() -> care.plan(id));
        var alerts = Section.of(() -> care.memberAlerts(id)).map(MemberPage::mostUrgentFirst);
        Map<String, String> names = people.names(List.of(id));
        var page = member.data("memberId", id)
                .data("memberName", names.get(id))
                .data("names", names)
                .data("back", "/members/" + id)
                .data("progress", progress)
                .data("plan", plan)
                .data("sessions", Section.of(() -> care.sessions(id, RECENT_SESSIONS)))
                .data("measures", Section.of(() -> care.measures(id)))
                .data("alerts", alerts)
                .data("done", done)
                .data("problem", problem)
                .data("openSlug", openSlug)
                .data("changeTypes", TailoringForm.CHANGE_TYPES)
                .data("outcomes", Labels.OUTCOMES)
                .data("reviewValues", review == null ? ReviewForm.Values.EMPTY : review)
                .data(
                        "reviewErrors",
                        review == null || problem == null ? Map.<String, String>of() : ReviewForm.fieldErrors(problem))
                .data("weeks", weeks)
                .data("painChart", progress.ok() ? painChart(progress.value().baselinePain(), weeks) : null)
                .data("adherenceChart", progress.ok() ? adherenceChart(weeks) : null)
                .data("referrals", referrals(alerts));
        hold(id, plan, page);
        swapChoices(plan, page);
        messages(id, messagesPage, reply, alerts, page);
        return PageResponses.html(status, page);
    }

    /**
     * A suspended plan, or no plan: is the member held for a review (a red flag at the first intake refers them
     * before any plan)? Sets {@code review} (what the review is about) or {@code holdProblem}.
     */
    private void hold(String id, Section<CarePlan> plan, TemplateInstance page) {
        ReviewBox box = null;
        Problem holdProblem = null;
        boolean noPlan = !plan.ok() && plan.problem().status() == 404;
        if (noPlan || plan.ok() && plan.value().suspended()) {
            var hold = Section.of(() -> care.hold(id));
            if (hold.ok()) {
                box = ReviewBox.of(hold.value());
            } else if (plan.ok()) {
                box = ReviewBox.of(plan.value(), hold.problem().status() == 404 ? null : hold.problem());
            } else if (hold.problem().status() != 404) {
                holdProblem = hold.problem();
            }
        }
        page.data("review", box).data("holdProblem", holdProblem);
    }

    /**
     * The thread with the member (a page of it, newest first; its unread messages are marked read, the clinician
     * has them on screen), the reply form, and the escalations of the member's alerts: each its own section, so
     * engagement-service down leaves the rest of the page.
     */
    private void messages(
            String id, int messagesPage, ReplyForm reply, Section<List<Alert>> alerts, TemplateInstance page) {
        var thread = Section.of(() -> engagement.thread(id, messagesPage));
        if (thread.ok()) {
            engagement.markRead(id, thread.value());
        }
        var escalations = alerts.ok() && alerts.value().stream().anyMatch(a -> Labels.urgency(a.severity()) >= 3)
                ? Section.of(() -> engagement.memberEscalations(id))
                : new Section<Map<UUID, List<Escalation>>>(Map.of(), null);
        page.data("thread", thread)
                .data("reply", reply)
                .data("replyMax", ReplyForm.MAX)
                .data("escalations", escalations.ok() ? escalations.value() : Map.of())
                .data("escalationsProblem", escalations.problem());
    }

    /** The exercises each of the plan's categories may be swapped to, and the problem if the catalog did not answer. */
    private void swapChoices(Section<CarePlan> plan, TemplateInstance page) {
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
        page.data("choices", choices).data("choicesProblem", choicesProblem);
    }

    private static List<Alert> referrals(Section<List<Alert>> alerts) {
        return alerts.ok()
                ? alerts.value().stream()
                        .filter(a -> "REFERRAL".equals(a.kind()) || "RED_FLAG_SYMPTOM".equals(a.kind()))
                        .toList()
                : List.of();
    }

    /** The weeks from the program's first week on (see {@link ProgramWeeks}). */
    static List<Week> weeks(Progress p) {
        return ProgramWeeks.fromProgramStart(p.programStart(), p.weeks(), Week::weekStart, w -> w.sessionsDone() > 0);
    }

    /** The member's alerts, most urgent first; in the order the service gave them within a severity. */
    static List<Alert> mostUrgentFirst(List<Alert> alerts) {
        return alerts.stream()
                .sorted(Comparator.comparingInt((Alert a) -> -Labels.urgency(a.severity())))
                .toList();
    }

    static String painChart(Integer baselinePain, List<Week> weeks) {
        return PainChart.svg(
                "pain",
                weeks.stream()
                        .map(w -> new PainChart.Point(
                                w.weekStart(), w.meanPainBefore(), w.meanWorstPainDuring(), w.meanPainAfter()))
                        .toList(),
                baselinePain);
    }

    static String adherenceChart(List<Week> weeks) {
        return BarChart.svg(
                "adherence",
                "Weekly adherence: sessions done of those prescribed (80% or more is adherent)",
                weeks.stream()
                        .map(w -> new BarChart.Bar(
                                "Week of " + w.weekStart(),
                                w.adherencePercent() == null
                                        ? null
                                        : w.adherencePercent().doubleValue(),
                                "no plan yet"))
                        .toList(),
                80.0);
    }
}
