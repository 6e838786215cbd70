package org.limber.progress.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

import org.limber.common.time.Timestamps;
import org.limber.events.member.ProgressAssessed;
import org.limber.events.member.SessionCompleted;
import org.limber.progress.domain.AlertPolicy;
import org.limber.progress.domain.Assessments;
import org.limber.progress.domain.PlanWeekFacts;
import org.limber.progress.messaging.outbound.AssessmentEvents;
import org.limber.progress.repository.AssessmentStore;

/**
 * Assesses members' plan weeks: as sessions arrive (a week whose sessions are all done, a safety
 * signal) and on a schedule (a week that has ended). Runs in the caller's transaction; each
 * assessment is stored once and published through the outbox.
 */
@ApplicationScoped
public class Assessor {

    private final AssessmentStore store;
    private final AlertPolicy policy;
    private final AssessmentEvents events;
    private final MeterRegistry registry;
    private final Clock clock;

    public Assessor(
            AssessmentStore store, AlertPolicy policy, AssessmentEvents events, MeterRegistry registry, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.events = events;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * After a batch of sessions: keeps their skips and assesses the weeks in progress that are due.
     * Only members with a session done in their plan week in progress can have one (a late session
     * from an earlier week changes nothing that week's assessment reads): that week started six days
     * ago at the earliest, so older sessions are left out here, the rest by the week's start.
     */
    public List<ProgressAssessed> afterSessions(List<SessionCompleted> sessions) {
        store.recordSkips(sessions);
        Instant now = Timestamps.now(clock);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant earliestWeekStart =
                today.minusDays(6).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Instant> newest = new TreeMap<>();
        for (SessionCompleted s : sessions) {
            if (!s.performedAt().isBefore(earliestWeekStart)) {
                newest.merge(s.memberId(), s.performedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (newest.isEmpty()) {
            return List.of();
        }
        List<ProgressAssessed> due = new ArrayList<>();
        for (PlanWeekFacts week : store.currentWeeks(newest, today)) {
            // A completed week's regular assessment covers its safety signals; before that, a signal makes an early
            // one.
            if (Assessments.completed(week)) {
                due.add(Assessments.assess(week, Assessments.Trigger.WEEK_COMPLETED, policy, UUID.randomUUID(), now));
            } else if (!Assessments.signals(week, policy).isEmpty()) {
                due.add(Assessments.assess(week, Assessments.Trigger.SAFETY_SIGNAL, policy, UUID.randomUUID(), now));
            }
        }
        List<ProgressAssessed> made = store.record(due);
        return publish(made);
    }

    /** The plan weeks that ended before {@code now} and were not assessed yet. */
    public List<ProgressAssessed> endedWeeks(Instant now) {
        List<ProgressAssessed> due = new ArrayList<>();
        for (PlanWeekFacts week : store.endedWeeks(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            due.add(Assessments.assess(week, Assessments.Trigger.WEEK_ENDED, policy, UUID.randomUUID(), now));
        }
        return publish(store.record(due));
    }

    private List<ProgressAssessed> publish(List<ProgressAssessed> made) {
        events.assessed(made);
        made.forEach(a ->
                registry.counter("limber.assessments", "trigger", a.trigger()).increment());
        return made;
    }
}
