package org.limber.routine.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.problem.Problem.FieldProblem;
import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.routine.config.RoutineConfig;
import org.limber.routine.domain.PlanSuspension;
import org.limber.routine.domain.SessionChecks;
import org.limber.routine.domain.SymptomReport;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.messaging.outbound.MemberEvents;
import org.limber.routine.repository.PlanRepository;
import org.limber.routine.repository.SymptomReportRepository;

/**
 * Red-flag symptoms a member reports on their own, at any time and whatever the state of their
 * plan: every report is stored and published (SymptomsReported, from which progress-service raises
 * an urgent alert), and it suspends the plan in force in the same transaction. The client's report
 * id makes it idempotent, like a session's.
 */
@ApplicationScoped
public class SymptomService {

    /** What the member reported; {@code reportedAt} null means now. */
    public record NewReport(UUID reportId, List<RedFlag> redFlagSymptoms, String note, Instant reportedAt) {}

    /** The stored report; {@code replay} when it was reported before by the same request. */
    public record Reported(SymptomReport report, boolean replay) {}

    private final SymptomReportRepository reports;
    private final PlanRepository plans;
    private final SuspensionService suspensions;
    private final MemberEvents events;
    private final RoutineConfig config;
    private final RequestHash hashes;
    private final Clock clock;

    public SymptomService(
            SymptomReportRepository reports,
            PlanRepository plans,
            SuspensionService suspensions,
            MemberEvents events,
            RoutineConfig config,
            RequestHash hashes,
            Clock clock) {
        this.reports = reports;
        this.plans = plans;
        this.suspensions = suspensions;
        this.events = events;
        this.config = config;
        this.hashes = hashes;
        this.clock = clock;
    }

    @Transactional
    public Reported report(String memberId, NewReport request) {
        String hash = hashes.of(request);
        plans.lockMember(memberId);
        var existing = reports.find(memberId, request.reportId());
        if (existing.isPresent()) {
            if (existing.get().requestHash.equals(hash)) {
                return new Reported(existing.get(), true);
            }
            throw ProblemException.conflict("The report " + request.reportId()
                    + " was sent already with other content; a new report needs a new id.");
        }
        List<FieldProblem> errors = new ArrayList<>();
        if (request.redFlagSymptoms().stream().distinct().count()
                != request.redFlagSymptoms().size()) {
            errors.add(new FieldProblem("redFlagSymptoms", "names a symptom more than once"));
        }
        request.redFlagSymptoms().stream()
                .filter(f -> !f.symptom())
                .forEach(f ->
                        errors.add(new FieldProblem("redFlagSymptoms", f + " is an intake answer, not a symptom")));
        Instant now = Timestamps.now(clock);
        if (request.reportedAt() != null) {
            SessionChecks.recent(
                    request.reportedAt(), "reportedAt", Timestamps.now(clock), SessionService.window(config), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(400, "The report has invalid fields.", errors);
        }
        SymptomReport report = new SymptomReport();
        report.memberId = memberId;
        report.reportId = request.reportId();
        report.reportedAt = request.reportedAt() == null ? now : Timestamps.stored(request.reportedAt());
        report.receivedAt = now;
        report.redFlags = request.redFlagSymptoms().stream().map(Enum::name).toList();
        report.note = request.note();
        report.requestHash = hash;
        // The report's event first, then the suspension it causes: consumers read them in that order.
        events.symptomsReported(report);
        report.planSuspended = suspensions
                .suspend(memberId, PlanSuspension.Cause.SYMPTOM_REPORT, request.redFlagSymptoms(), request.reportId())
                .filter(s -> !s.referral())
                .isPresent();
        reports.persist(report);
        return new Reported(report, false);
    }
}
