package org.limber.routine.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.routine.domain.IntakeAssessment;
import org.limber.routine.domain.IntakeRecord;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.messaging.MemberEvents;
import org.limber.routine.repository.IntakeRepository;
import org.limber.routine.repository.PlanRepository;

/** Takes an intake: screens for red flags, then refers the member or builds their next plan version. */
@ApplicationScoped
public class IntakeService {

    /** The stored intake, its red flags when referred, and the plan when one was made. */
    public record Taken(IntakeRecord intake, List<RedFlag> redFlags, Plan plan) {
    }

    private final IntakeRepository intakes;
    private final PlanRepository plans;
    private final PlanService planService;
    private final CatalogReplica catalog;
    private final CareTeamService careTeam;
    private final RuleBook ruleBook;
    private final MemberEvents events;

    public IntakeService(IntakeRepository intakes, PlanRepository plans, PlanService planService, CatalogReplica catalog,
            CareTeamService careTeam, RuleBook ruleBook, MemberEvents events) {
        this.intakes = intakes;
        this.plans = plans;
        this.planService = planService;
        this.catalog = catalog;
        this.careTeam = careTeam;
        this.ruleBook = ruleBook;
        this.events = events;
    }

    public Taken take(String memberId, Intake answers) {
        return take(memberId, answers, null);
    }

    /** {@code takenAt}: when the intake was taken, if not now (imports, the demo); its plan starts that day. */
    @Transactional
    public Taken take(String memberId, Intake answers, Instant takenAt) {
        plans.lockMember(memberId);
        IntakeRecord intake = new IntakeRecord();
        intake.id = UUID.randomUUID();
        intake.memberId = memberId;
        intake.submittedAt = takenAt == null ? Timestamps.now() : Timestamps.stored(takenAt);
        intake.answers = answers;
        List<ExerciseOption> options = catalog.options();
        IntakeAssessment.Result result = ruleBook.assessment().assess(answers, options, LocalDate.now(ZoneOffset.UTC));
        intake.outcome = result.outcome();
        intake.redFlags = result.redFlags().stream().map(Enum::name).toList();
        if (result.outcome() == IntakeAssessment.Outcome.REFERRED) {
            intakes.persist(intake);
            events.referred(intake, result.redFlags(), careTeam.clinicianOf(memberId).orElse(null));
            return new Taken(intake, result.redFlags(), null);
        }
        if (options.isEmpty()) {
            throw new ProblemException(503, "catalog-unavailable", "Service unavailable",
                    "The exercise library has not reached this service yet; please try again in a moment.", List.of());
        }
        intakes.persist(intake);
        // A plan built with pain at flare level is a flare plan, stored as one, and ends like any flare (on reported sessions).
        Plan plan = planService.nextVersion(memberId, result.plan(), intake, Plan.Source.INTAKE, memberId,
                "Built from your intake", null, List.of(), null, ruleBook.builder().flare(answers, LocalDate.now(ZoneOffset.UTC)));
        return new Taken(intake, List.of(), plan);
    }
}
