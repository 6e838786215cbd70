package org.limber.progress.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.limber.events.member.ProgressAssessed;
import org.limber.progress.domain.AlertKind;
import org.limber.progress.domain.AlertPolicy;
import org.limber.progress.domain.Inactivity;
import org.limber.progress.domain.NewAlert;
import org.limber.progress.domain.ProgressMath;
import org.limber.progress.domain.RaisedAlert;
import org.limber.progress.messaging.outbound.AlertEvents;
import org.limber.progress.repository.SchedulerLock;
import org.limber.progress.repository.SessionReader;

/**
 * The rules that depend on time passing: alerts (no session for a while, low adherence over weeks,
 * no response by the review point)
 * and the assessment of plan weeks that have ended. Runs on a schedule in every instance, but
 * under a database lock, so only one evaluates at a time; an alert's cause (the day of the last
 * activity, the week) and an assessment's week make a repeat impossible anyway.
 */
@ApplicationScoped
public class AlertScheduler {

    private final SessionReader reader;
    private final AlertPolicy policy;
    private final AlertRaiser alerts;
    private final AlertEvents events;
    private final Assessor assessor;
    private final SchedulerLock lock;
    private final Clock clock;
    /** Scheduled runs completed: {@code limber_alerts_checks_total}, which the launcher's demo waits on before its report. */
    private final Counter checks;

    public AlertScheduler(
            SessionReader reader,
            AlertPolicy policy,
            AlertRaiser alerts,
            AlertEvents events,
            Assessor assessor,
            SchedulerLock lock,
            Clock clock,
            MeterRegistry registry) {
        this.reader = reader;
        this.policy = policy;
        this.alerts = alerts;
        this.events = events;
        this.assessor = assessor;
        this.lock = lock;
        this.clock = clock;
        this.checks = Counter.builder("limber.alerts.checks")
                .description("Scheduled runs of the time-based alert rules and week assessments completed")
                .register(registry);
    }

    @Scheduled(
            every = "${limber.progress.alerts.interval}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Instant now = clock.instant();
        evaluate(now);
        assessEndedWeeks(now);
        checks.increment();
    }

    /** Evaluates the time-based alert rules as of {@code now}; returns the alerts raised. */
    public List<RaisedAlert> evaluate(Instant now) {
        return underLock(() -> raiseDue(now));
    }

    /** Assesses the plan weeks that ended before {@code now} and were not assessed yet; returns the assessments. */
    public List<ProgressAssessed> assessEndedWeeks(Instant now) {
        return underLock(() -> assessor.endedWeeks(now));
    }

    private <T> List<T> underLock(Callable<List<T>> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            return lock.tryLock() ? work.call() : List.<T>of();
        });
    }

    private List<RaisedAlert> raiseDue(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate lastWeek = ProgressMath.weekOf(today).minusWeeks(1);
        List<NewAlert> due = new ArrayList<>();
        for (SessionReader.ActivePlan plan : reader.activePlans(lastWeek)) {
            Instant since = plan.lastActivity() != null
                    ? plan.lastActivity()
                    : plan.planStart().atStartOfDay(ZoneOffset.UTC).toInstant();
            if (policy.inactive(since, now)) {
                due.add(Inactivity.alert(plan.memberId(), since));
            }
            // Both weeks must lie wholly within the plan.
            if (!plan.firstPlanStart().isAfter(lastWeek.minusWeeks(1))) {
                List<Integer> adherence = List.of(
                        ProgressMath.adherence(plan.sessionsLastWeek(), plan.sessionsPerWeek()),
                        ProgressMath.adherence(plan.sessionsWeekBefore(), plan.sessionsPerWeek()));
                if (policy.lowAdherence(adherence)) {
                    due.add(new NewAlert(plan.memberId(), AlertKind.LOW_ADHERENCE, "week:" + lastWeek));
                }
            }
        }
        // The guideline's review point (plan weeks 6 to 8): no meaningful fall in pain is a reason to reconsider the
        // approach. Once per member: the cause is the program, the same in every run.
        AlertPolicy.Starts starts = policy.noResponseStarts(today);
        Instant since = now.minus(policy.rules().rule(AlertKind.NO_RESPONSE).days(), ChronoUnit.DAYS);
        for (SessionReader.ReviewPoint member : reader.reviewPoint(starts.from(), starts.to(), since)) {
            if (policy.noResponse(
                    member.firstPlanStart(), today, member.baselinePain(), member.sessions(), member.sumPainBefore())) {
                due.add(new NewAlert(
                        member.memberId(),
                        AlertKind.NO_RESPONSE,
                        "program",
                        policy.noResponseDetails(member.baselinePain(), member.sessions(), member.sumPainBefore())));
            }
        }
        List<RaisedAlert> raised = alerts.raise(due);
        events.raised(raised);
        return raised;
    }
}
