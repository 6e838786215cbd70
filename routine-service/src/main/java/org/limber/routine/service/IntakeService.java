package org.limber.routine.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.routine.domain.IntakeAssessment;
import org.limber.routine.domain.IntakeRecord;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.PlanSuspension;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.intake.Screening;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.messaging.outbound.MemberEvents;
import org.limber.routine.repository.IntakeRepository;
import org.limber.routine.repository.PlanRepository;

/**
 * Takes an intake: screens for red flags, then refers the member, builds their next plan version,
 * or (when no safe session fits) asks a clinician to review it.
 *
 * <ul>
 * <li>A referral never waits: it is taken even while the catalog copy is still catching up, and a
 * red flag suspends the plan in force in the same transaction; with no plan yet it holds the member
 * (a suspension without a plan), so that answering again with every answer no is refused (409
 * referral-under-review) until a clinician on their panel has recorded a review.</li>
 * <li>A plan is built only from a caught-up catalog copy (503 catalog-not-ready before), never
 * while the plan is suspended (409 plan-suspended: a new intake does not end a suspension, only a
 * clinician does), and never with a session without an exercise (NEEDS_REVIEW instead, with a
 * MemberNeedsReview event so a clinician is alerted).</li>
 * </ul>
 */
@ApplicationScoped
public class IntakeService {

    /** Seconds a client waits before retrying an intake the catalog copy was not ready for. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** The stored intake, its red flags when referred, the plan when one was made, and whether the plan was suspended. */
    public record IntakeAndPlan(
            IntakeRecord intake, List<RedFlag> redFlags, Plan plan, boolean planSuspended, boolean replay) {

        IntakeAndPlan(IntakeRecord intake, List<RedFlag> redFlags, Plan plan, boolean planSuspended) {
            this(intake, redFlags, plan, planSuspended, false);
        }
    }

    private final IntakeRepository intakes;
    private final PlanRepository plans;
    private final PlanWriter writer;
    private final CatalogReplica catalog;
    private final CatalogCatchUp catchUp;
    private final CareTeamService careTeam;
    private final SuspensionService suspensions;
    private final RuleBook ruleBook;
    private final MemberEvents events;
    private final Clock clock;

    public IntakeService(
            IntakeRepository intakes,
            PlanRepository plans,
            PlanWriter writer,
            CatalogReplica catalog,
            CatalogCatchUp catchUp,
            CareTeamService careTeam,
            SuspensionService suspensions,
            RuleBook ruleBook,
            MemberEvents events,
            Clock clock) {
        this.intakes = intakes;
        this.plans = plans;
        this.writer = writer;
        this.catalog = catalog;
        this.catchUp = catchUp;
        this.careTeam = careTeam;
        this.suspensions = suspensions;
        this.ruleBook = ruleBook;
        this.events = events;
        this.clock = clock;
    }

    public IntakeAndPlan take(String memberId, Intake answers) {
        return take(memberId, answers, null);
    }

    public IntakeAndPlan take(String memberId, Intake answers, Instant takenAt) {
        return take(memberId, null, answers, takenAt);
    }

    /**
     * {@code intakeId}: the client's idempotency key, or null. A retry under the same id with the same answers
     * changes nothing and answers as the first time ({@code replay}); the id used before for other answers, or by
     * another member, is a 409. {@code takenAt}: when the intake was taken, if not now (imports, the demo); its
     * plan starts that day.
     */
    @Transactional
    public IntakeAndPlan take(String memberId, UUID intakeId, Intake answers, Instant takenAt) {
        plans.lockMember(memberId);
        if (intakeId != null) {
            IntakeRecord earlier = intakes.findById(intakeId);
            if (earlier != null) {
                return replay(memberId, earlier, answers);
            }
        }
        IntakeRecord intake = new IntakeRecord();
        intake.id = intakeId == null ? UUID.randomUUID() : intakeId;
        intake.memberId = memberId;
        intake.submittedAt = takenAt == null ? Timestamps.now(clock) : Timestamps.stored(takenAt);
        intake.answers = answers;
        List<RedFlag> redFlags = Screening.redFlags(answers);
        String clinician = careTeam.clinicianOf(memberId).orElse(null);
        if (!redFlags.isEmpty()) {
            return referred(memberId, intake, redFlags, clinician);
        }
        suspensions.requireNotSuspended(memberId);
        List<ExerciseOption> options = publishedExercises();
        IntakeAssessment.Result result = ruleBook.assessment().assess(answers, options, Timestamps.today(clock));
        intake.outcome = result.outcome();
        intake.redFlags = List.of();
        if (result.outcome() == IntakeAssessment.Outcome.NEEDS_REVIEW) {
            intake.reviewReason = result.reviewReason();
            intakes.persist(intake);
            events.needsReview(
                    memberId, intake.id, false, IntakeAssessment.NO_SAFE_SESSION, result.reviewReason(), clinician);
            return new IntakeAndPlan(intake, List.of(), null, false);
        }
        intakes.persist(intake);
        // A plan built with pain at flare level is a flare plan, stored as one, and ends like any flare (on reported
        // sessions).
        Plan plan = writer.nextVersion(NewPlanVersion.of(
                        memberId, result.plan(), intake, Plan.Source.INTAKE, memberId, "Built from your intake")
                .withFlare(ruleBook.builder().flare(answers, Timestamps.today(clock))));
        // Not a red flag: the plan stands, and a clinician is asked to review it (inflammatory back pain).
        for (RedFlag review : result.reviewFlags()) {
            events.needsReview(memberId, intake.id, true, review.name(), review.referralReason, clinician);
        }
        return new IntakeAndPlan(intake, List.of(), plan, false);
    }

    /** An intake with red flags: stored as a referral, published, and the member held. */
    private IntakeAndPlan referred(String memberId, IntakeRecord intake, List<RedFlag> redFlags, String clinician) {
        intake.outcome = IntakeAssessment.Outcome.REFERRED;
        intake.redFlags = redFlags.stream().map(Enum::name).toList();
        intakes.persist(intake);
        events.referred(intake, redFlags, clinician);
        // With no plan yet the member is held all the same (a suspension without a plan), so that a later
        // intake cannot build a plan before a clinician has reviewed the referral.
        boolean suspended = suspensions
                .suspend(memberId, PlanSuspension.Cause.INTAKE, redFlags, intake.id)
                .filter(s -> !s.referral())
                .isPresent();
        return new IntakeAndPlan(intake, redFlags, null, suspended);
    }

    /** The exercises a plan may be built from; a 503 to try again while the library is loading or empty. */
    private List<ExerciseOption> publishedExercises() {
        if (!catchUp.caughtUp()) {
            throw ProblemException.unavailable(
                    "catalog-not-ready",
                    "The exercise library is still being loaded into this service (" + catchUp.waitingFor()
                            + "); please try again in a few seconds.",
                    RETRY_AFTER_SECONDS);
        }
        List<ExerciseOption> options = catalog.options();
        if (options.isEmpty()) {
            throw ProblemException.unavailable(
                    "catalog-unavailable",
                    "The exercise library has no published exercise yet; please try again later.",
                    RETRY_AFTER_SECONDS);
        }
        return options;
    }

    /** The answer of an intake taken before under the same id: its outcome, red flags and the plan it made. */
    private IntakeAndPlan replay(String memberId, IntakeRecord earlier, Intake answers) {
        if (!earlier.memberId.equals(memberId) || !earlier.answers.equals(answers)) {
            throw ProblemException.conflict("This intakeId was used before for other answers.");
        }
        List<RedFlag> redFlags = earlier.redFlags.stream().map(RedFlag::valueOf).toList();
        Plan plan = plans.find("intakeId = ?1 order by version", earlier.id).firstResult();
        // A referral at a repeat intake suspended the plan in force; at a first intake there was none.
        boolean suspended = !redFlags.isEmpty()
                && plans.count("memberId = ?1 and createdAt < ?2", memberId, earlier.submittedAt) > 0;
        return new IntakeAndPlan(earlier, redFlags, plan, suspended, true);
    }
}
