package org.limber.routine.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.paging.Page;
import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.routine.domain.CatalogExercise;
import org.limber.routine.domain.IntakeRecord;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.plan.Eligibility;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.domain.plan.PlanTailoring;
import org.limber.routine.messaging.MemberEvents;
import org.limber.routine.repository.IntakeRepository;
import org.limber.routine.repository.PlanRepository;
import org.limber.routine.repository.SessionLogRepository;

/** Plan versions: writing the next one (and its event), reading, today's session, and a clinician's tailoring. */
@ApplicationScoped
public class PlanService {

    /** Today's session of a member, with the catalog entries of its exercises. */
    public record Today(Plan plan, PlanProposal.Session session, LocalDate weekStart, long doneThisWeek,
            Map<String, CatalogExercise> exercises) {
    }

    private final PlanRepository plans;
    private final IntakeRepository intakes;
    private final SessionLogRepository sessions;
    private final CatalogReplica catalog;
    private final CareTeamService careTeam;
    private final RuleBook ruleBook;
    private final MemberEvents events;

    public PlanService(PlanRepository plans, IntakeRepository intakes, SessionLogRepository sessions, CatalogReplica catalog,
            CareTeamService careTeam, RuleBook ruleBook, MemberEvents events) {
        this.plans = plans;
        this.intakes = intakes;
        this.sessions = sessions;
        this.catalog = catalog;
        this.careTeam = careTeam;
        this.ruleBook = ruleBook;
        this.events = events;
    }

    /** Writes the member's next plan version and its PlanAssigned event. The caller holds the member lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Plan nextVersion(String memberId, PlanProposal proposal, IntakeRecord intake, Plan.Source source, String author,
            String note, String overrideReason) {
        Plan plan = new Plan();
        plan.memberId = memberId;
        plan.version = plans.current(memberId).map(p -> p.version + 1).orElse(1);
        plan.createdAt = Timestamps.now();
        // A plan from an intake starts the day the intake was taken (the same day, unless it was backdated).
        plan.startDate = LocalDate.ofInstant(source == Plan.Source.INTAKE ? intake.submittedAt : plan.createdAt, ZoneOffset.UTC);
        plan.source = source;
        plan.author = author;
        plan.note = note;
        plan.overrideReason = overrideReason;
        plan.intakeId = intake.id;
        plan.sessionsPerWeek = intake.answers.sessionsPerWeek();
        plan.minutesPerSession = intake.answers.minutesPerSession();
        plan.baselinePain = intake.answers.painTypical();
        plan.conditions = intake.answers.conditions().stream().map(Enum::name).sorted().toList();
        plan.proposal = proposal;
        plans.persist(plan);
        events.planAssigned(plan, careTeam.clinicianOf(memberId).orElse(null));
        return plan;
    }

    @Transactional
    public Plan current(String memberId) {
        return plans.current(memberId).orElseThrow(() -> ProblemException.notFound(
                "There is no plan yet: a plan is made from an intake without red flags."));
    }

    @Transactional
    public Page<Plan> history(String memberId, int page, int size) {
        return plans.history(memberId, page, size);
    }

    /**
     * The next session of the current plan week: the week runs from the plan's start date in
     * steps of seven days (UTC), and sessions rotate in plan order as they are logged.
     */
    @Transactional
    public Today today(String memberId, LocalDate day) {
        Plan plan = current(memberId);
        LocalDate weekStart = plan.weekStart(day);
        long done = sessions.countSince(memberId, weekStart.atStartOfDay(ZoneOffset.UTC).toInstant());
        PlanProposal.Session session = plan.proposal.sessions().get((int) (done % plan.proposal.sessions().size()));
        Map<String, CatalogExercise> exercises = catalog.findAll(session.items().stream().map(PlanProposal.Item::slug).toList())
                .stream().collect(Collectors.toMap(e -> e.slug, Function.identity()));
        return new Today(plan, session, weekStart, done, exercises);
    }

    /** A clinician's changes to the plan of a member on their panel, as the next version. */
    @Transactional
    public Plan tailor(String clinicianId, String memberId, List<PlanTailoring.Change> changes, String note, String overrideReason) {
        careTeam.requireOnPanel(clinicianId, memberId);
        plans.lockMember(memberId);
        Plan current = current(memberId);
        IntakeRecord intake = intakes.findById(current.intakeId);
        Map<String, ExerciseOption> published = catalog.options().stream()
                .collect(Collectors.toMap(ExerciseOption::slug, Function.identity()));
        Eligibility eligibility = new Eligibility(intake.answers, ruleBook.rules(), LocalDate.now(ZoneOffset.UTC));
        PlanTailoring.Result result = PlanTailoring.apply(current.proposal, changes, published, eligibility, note, overrideReason);
        if (!result.errors().isEmpty()) {
            throw ProblemException.invalid(422, "The changes cannot be applied to this plan.", result.errors());
        }
        String recordedOverride = result.overridden().isEmpty() ? null
                : overrideReason + " (overrode: " + String.join("; ", result.overridden()) + ")";
        return nextVersion(memberId, result.plan(), intake, Plan.Source.CLINICIAN, clinicianId, note, recordedOverride);
    }

    /** A clinician's view of a member on their panel. */
    @Transactional
    public Plan forClinician(String clinicianId, String memberId) {
        careTeam.requireOnPanel(clinicianId, memberId);
        return current(memberId);
    }
}
