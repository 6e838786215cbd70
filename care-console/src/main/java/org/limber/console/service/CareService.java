package org.limber.console.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.limber.console.client.CatalogClient;
import org.limber.console.client.CatalogViews.ExerciseSummary;
import org.limber.console.client.DayClient;
import org.limber.console.client.Note;
import org.limber.console.client.Page;
import org.limber.console.client.ProgressClient;
import org.limber.console.client.ProgressViews.Alert;
import org.limber.console.client.ProgressViews.Measures;
import org.limber.console.client.ProgressViews.PanelRow;
import org.limber.console.client.ProgressViews.Progress;
import org.limber.console.client.RoutineClient;
import org.limber.console.client.RoutineViews.AdaptationChange;
import org.limber.console.client.RoutineViews.CarePlan;
import org.limber.console.client.RoutineViews.Change;
import org.limber.console.client.RoutineViews.Hold;
import org.limber.console.client.RoutineViews.Item;
import org.limber.console.client.RoutineViews.LoggedSession;
import org.limber.console.client.RoutineViews.ReviewRequest;
import org.limber.console.client.RoutineViews.Reviewed;
import org.limber.console.client.RoutineViews.Tailor;

import static org.limber.console.service.ServiceCalls.call;

/** A clinician's day: panel, alerts, triage and a member's progress and plan, through progress- and routine-service. */
@ApplicationScoped
public class CareService {

    static final String PROGRESS = "progress service";
    static final String ROUTINE = "routine service";
    static final String CATALOG = "catalog service";
    /** Alerts looked through for one member's referral reasons (the alert list has no member filter). */
    static final int MEMBER_ALERTS_SCAN = 100;

    private final ProgressClient progress;
    private final DayClient day;
    private final RoutineClient routine;
    private final CatalogClient catalog;
    private final ObjectMapper json;

    public CareService(
            @RestClient ProgressClient progress,
            @RestClient DayClient day,
            @RestClient RoutineClient routine,
            @RestClient CatalogClient catalog,
            ObjectMapper json) {
        this.progress = progress;
        this.day = day;
        this.routine = routine;
        this.catalog = catalog;
        this.json = json;
    }

    public Page<PanelRow> panel(String alertKind, int page, int size) {
        return call(PROGRESS, () -> progress.panel(alertKind, page, size));
    }

    /** The panel rows of these members, in the order of {@code memberIds} (one call). */
    public List<PanelRow> panelRows(List<String> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        Map<String, PanelRow> rows = new HashMap<>();
        call(PROGRESS, () -> day.panelRows(memberIds)).forEach(r -> rows.put(r.memberId(), r));
        return memberIds.stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    public Page<Alert> alerts(String status, String kind, int page, int size) {
        return call(PROGRESS, () -> progress.alerts(status, kind, page, size));
    }

    public Alert acknowledge(String alertId, String note) {
        return call(PROGRESS, () -> progress.acknowledge(alertId, new Note(note)));
    }

    public Alert resolve(String alertId, String note) {
        return call(PROGRESS, () -> progress.resolve(alertId, new Note(note)));
    }

    /** Urgent alerts of members without a clinician; the service answers a page or a list. */
    public List<Alert> triage() {
        JsonNode body = call(PROGRESS, () -> progress.triage(0, 100));
        JsonNode items = body.isArray() ? body : body.path("items");
        List<Alert> out = new ArrayList<>();
        for (JsonNode item : items) {
            out.add(json.convertValue(item, Alert.class));
        }
        return out;
    }

    public Progress progress(String memberId, int weeks) {
        return call(PROGRESS, () -> progress.progress(memberId, weeks));
    }

    /** The member's STarT Back risk group and PEG scores. */
    public Measures measures(String memberId) {
        return call(PROGRESS, () -> progress.measures(memberId));
    }

    /** The member's most recent sessions with their notes and skipped exercises (routine-service keeps the notes). */
    public Page<LoggedSession> sessions(String memberId, int size) {
        return call(ROUTINE, () -> routine.sessions(memberId, 0, size));
    }

    /** The member's unresolved and recent alerts, from the clinician's alert list. */
    public List<Alert> memberAlerts(String memberId) {
        return call(PROGRESS, () -> progress.alerts(null, null, 0, MEMBER_ALERTS_SCAN)).items().stream()
                .filter(a -> memberId.equals(a.memberId()))
                .toList();
    }

    public CarePlan plan(String memberId) {
        return call(ROUTINE, () -> routine.plan(memberId));
    }

    public Page<Change> changes(String memberId) {
        return call(ROUTINE, () -> routine.changes(memberId, 0, 20));
    }

    public void tailor(String memberId, Tailor request) {
        call(ROUTINE, () -> routine.tailor(memberId, request));
    }

    public void undo(String memberId, String changeId, String note) {
        call(ROUTINE, () -> routine.undo(memberId, changeId, new Note(note)));
    }

    public void adaptation(String memberId, boolean enabled, String note) {
        call(ROUTINE, () -> routine.adaptation(memberId, new AdaptationChange(enabled, note)));
    }

    /** Records a clinician's review of a suspended plan or a referral; the answer says where the member stands now. */
    public Reviewed review(String memberId, ReviewRequest review) {
        return call(ROUTINE, () -> routine.review(memberId, review));
    }

    /** The member's open suspension or first-intake referral and its reviews (a 404 problem when not held). */
    public Hold hold(String memberId) {
        return call(ROUTINE, () -> routine.hold(memberId));
    }

    /**
     * The exercises a plan item may be swapped to: published ones of the same category that are neither
     * in the plan already nor left out for this member (routine-service checks again and refuses the rest).
     */
    public List<ExerciseSummary> swapChoices(CarePlan plan, Item item) {
        Set<String> taken = new LinkedHashSet<>();
        plan.sessions().forEach(s -> s.items().forEach(i -> taken.add(i.slug())));
        plan.excluded().forEach(e -> taken.add(e.slug()));
        return call(CATALOG, () -> catalog.exercises(item.category(), "NAME", 0, 100)).items().stream()
                .filter(e -> !taken.contains(e.slug()))
                .sorted(Comparator.comparing(ExerciseSummary::name))
                .toList();
    }
}
