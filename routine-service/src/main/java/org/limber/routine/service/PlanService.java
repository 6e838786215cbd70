package org.limber.routine.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.paging.Page;
import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.routine.domain.AdaptationSetting;
import org.limber.routine.domain.CatalogExercise;
import org.limber.routine.domain.IntakeRecord;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.PlanChangeRecord;
import org.limber.routine.domain.PlanSuspension;
import org.limber.routine.domain.plan.Eligibility;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.PlanChange;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.domain.plan.PlanTailoring;
import org.limber.routine.domain.plan.TimeEstimate;
import org.limber.routine.messaging.outbound.MemberEvents;
import org.limber.routine.repository.AdaptationRepository;
import org.limber.routine.repository.IntakeRepository;
import org.limber.routine.repository.PlanRepository;
import org.limber.routine.repository.SessionLogRepository;

/** Plan versions: writing the next one (and its event), reading, today's session, and a clinician's tailoring. */
@ApplicationScoped
public class PlanService {

    /** Today's session of a member, with the catalog entries of its exercises. */
    public record Today(
            Plan plan,
            PlanProposal.Session session,
            LocalDate weekStart,
            long doneThisWeek,
            Map<String, CatalogExercise> exercises) {}

    private final PlanRepository plans;
    private final IntakeRepository intakes;
    private final SessionLogRepository sessions;
    private final CatalogReplica catalog;
    private final CareTeamService careTeam;
    private final RuleBook ruleBook;
    private final MemberEvents events;
    private final AdaptationRepository adaptations;
    private final SuspensionService suspensions;
    private final Clock clock;

    public PlanService(
            PlanRepository plans,
            IntakeRepository intakes,
            SessionLogRepository sessions,
            CatalogReplica catalog,
            CareTeamService careTeam,
            RuleBook ruleBook,
            MemberEvents events,
            AdaptationRepository adaptations,
            SuspensionService suspensions,
            Clock clock) {
        this.suspensions = suspensions;
        this.plans = plans;
        this.intakes = intakes;
        this.sessions = sessions;
        this.catalog = catalog;
        this.careTeam = careTeam;
        this.ruleBook = ruleBook;
        this.events = events;
        this.adaptations = adaptations;
        this.clock = clock;
    }

    /**
     * What a new plan version is: whose, the plan, the intake it answers, who made it and why; then
     * optionally the override reason a clinician recorded, the changes it makes, the assessment an
     * adaptation came from, whether it is a flare plan, and whether it is the plan from before a flare one
     * step easier for the week after it.
     */
    public record NewVersion(
            String memberId,
            PlanProposal proposal,
            IntakeRecord intake,
            Plan.Source source,
            String author,
            String note,
            String overrideReason,
            List<PlanChange> changes,
            UUID assessmentId,
            boolean flare,
            boolean afterFlare) {

        /** A version with no override, no recorded changes, no assessment, not a flare plan. */
        public static NewVersion of(
                String memberId,
                PlanProposal proposal,
                IntakeRecord intake,
                Plan.Source source,
                String author,
                String note) {
            return new NewVersion(
                    memberId, proposal, intake, source, author, note, null, List.of(), null, false, false);
        }

        public NewVersion withOverride(String reason) {
            return new NewVersion(
                    memberId, proposal, intake, source, author, note, reason, changes, assessmentId, flare, afterFlare);
        }

        public NewVersion withChanges(List<PlanChange> made) {
            return new NewVersion(
                    memberId,
                    proposal,
                    intake,
                    source,
                    author,
                    note,
                    overrideReason,
                    made,
                    assessmentId,
                    flare,
                    afterFlare);
        }

        public NewVersion fromAssessment(UUID assessment) {
            return new NewVersion(
                    memberId,
                    proposal,
                    intake,
                    source,
                    author,
                    note,
                    overrideReason,
                    changes,
                    assessment,
                    flare,
                    afterFlare);
        }

        public NewVersion withFlare(boolean isFlare) {
            return new NewVersion(
                    memberId,
                    proposal,
                    intake,
                    source,
                    author,
                    note,
                    overrideReason,
                    changes,
                    assessmentId,
                    isFlare,
                    afterFlare);
        }

        public NewVersion withAfterFlare(boolean isAfterFlare) {
            return new NewVersion(
                    memberId,
                    proposal,
                    intake,
                    source,
                    author,
                    note,
                    overrideReason,
                    changes,
                    assessmentId,
                    flare,
                    isAfterFlare);
        }
    }

    /**
     * Writes the member's next plan version with the changes it makes, and its PlanAssigned event.
     * The caller holds the member lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Plan nextVersion(NewVersion v) {
        String memberId = v.memberId();
        PlanProposal proposal = v.proposal();
        IntakeRecord intake = v.intake();
        Plan.Source source = v.source();
        List<PlanChange> changes = v.changes();
        Plan plan = new Plan();
        plan.memberId = memberId;
        plan.version = plans.current(memberId).map(p -> p.version + 1).orElse(1);
        plan.createdAt = Timestamps.now(clock);
        // A plan from an intake starts the day the intake was taken (the same day, unless it was backdated).
        plan.startDate =
                LocalDate.ofInstant(source == Plan.Source.INTAKE ? intake.submittedAt : plan.createdAt, ZoneOffset.UTC);
        plan.source = source;
        plan.author = v.author();
        plan.note = v.note();
        plan.overrideReason = v.overrideReason();
        plan.intakeId = intake.id;
        plan.sessionsPerWeek = intake.answers.sessionsPerWeek();
        plan.minutesPerSession = intake.answers.minutesPerSession();
        plan.baselinePain = intake.answers.painTypical();
        plan.conditions =
                intake.answers.conditions().stream().map(Enum::name).sorted().toList();
        plan.proposal = proposal;
        plan.assessmentId = v.assessmentId();
        plan.flare = v.flare();
        plan.afterFlare = v.afterFlare();
        plans.persist(plan);
        for (PlanChange change : changes) {
            PlanChangeRecord row = new PlanChangeRecord();
            row.id = UUID.randomUUID();
            row.memberId = memberId;
            row.planVersion = plan.version;
            row.source = source == Plan.Source.ADAPTATION ? Plan.Source.ADAPTATION : Plan.Source.CLINICIAN;
            row.kind = change.kind();
            row.slug = change.slug();
            row.from = change.from();
            row.to = change.to();
            row.reason = change.reason();
            row.createdAt = plan.createdAt;
            adaptations.persist(row);
        }
        events.planAssigned(plan, careTeam.clinicianOf(memberId).orElse(null));
        return plan;
    }

    @Transactional
    public Plan current(String memberId) {
        return plans.current(memberId)
                .orElseThrow(() -> ProblemException.notFound(
                        "There is no plan yet: a plan is made from an intake without red flags."));
    }

    /** The plan in force and, while it is suspended, the open suspension. */
    public record PlanAndSuspension(Plan plan, PlanSuspension suspension) {}

    @Transactional
    public PlanAndSuspension planAndSuspension(String memberId) {
        return new PlanAndSuspension(
                current(memberId), suspensions.open(memberId).orElse(null));
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
        suspensions.requireNotSuspended(memberId);
        LocalDate weekStart = plan.weekStart(day);
        long done = sessions.countSince(
                memberId, weekStart.atStartOfDay(ZoneOffset.UTC).toInstant());
        PlanProposal.Session session = plan.proposal.sessions().get((int)
                (done % plan.proposal.sessions().size()));
        Map<String, CatalogExercise> exercises =
                catalog
                        .findAll(session.items().stream()
                                .map(PlanProposal.Item::slug)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(e -> e.slug, Function.identity()));
        return new Today(plan, session, weekStart, done, exercises);
    }

    /** A clinician's changes to the plan of a member on their panel, as the next version. */
    @Transactional
    public Plan tailor(
            String clinicianId,
            String memberId,
            List<PlanTailoring.Change> changes,
            String note,
            String overrideReason) {
        careTeam.requireOnPanel(clinicianId, memberId);
        plans.lockMember(memberId);
        Plan current = current(memberId);
        IntakeRecord intake = intakes.findById(current.intakeId);
        Map<String, ExerciseOption> published =
                catalog.options().stream().collect(Collectors.toMap(ExerciseOption::slug, Function.identity()));
        Eligibility eligibility = new Eligibility(
                intake.answersOn(Timestamps.today(clock)), ruleBook.rules(), Timestamps.today(clock), current.flare);
        PlanTailoring.Result result =
                PlanTailoring.apply(current.proposal, changes, published, eligibility, note, overrideReason);
        if (!result.errors().isEmpty()) {
            throw ProblemException.invalid(422, "The changes cannot be applied to this plan.", result.errors());
        }
        String recordedOverride = result.overridden().isEmpty()
                ? null
                : overrideReason + " (overrode: " + String.join("; ", result.overridden()) + ")";
        Plan next = nextVersion(NewVersion.of(memberId, result.plan(), intake, Plan.Source.CLINICIAN, clinicianId, note)
                .withOverride(recordedOverride)
                .withChanges(result.changes())
                .withFlare(current.flare));
        return next;
    }

    /**
     * A clinician undoes an automatic change: the exercise goes back to what it was (or, for a
     * change of the whole plan, the plan before it comes back), locked against adaptation; the
     * result is the next version.
     */
    @Transactional
    public Plan undo(String clinicianId, String memberId, UUID changeId, String note) {
        careTeam.requireOnPanel(clinicianId, memberId);
        plans.lockMember(memberId);
        PlanChangeRecord change = adaptations
                .change(changeId)
                .filter(c -> c.memberId.equals(memberId))
                .orElseThrow(
                        () -> ProblemException.notFound("There is no change " + changeId + " in this member's plan."));
        if (change.source != Plan.Source.ADAPTATION) {
            throw ProblemException.conflict(
                    "Only automatic changes can be undone; change a clinician's tailoring with another one.");
        }
        if (change.undoneIn != null) {
            throw ProblemException.conflict("This change was undone already, in version " + change.undoneIn + ".");
        }
        Plan current = current(memberId);
        IntakeRecord intake = intakes.findById(current.intakeId);
        String reason = "Undone by your clinician: " + note;
        Plan next;
        if (change.from == null || change.to == null) {
            Plan before = plans.version(memberId, change.planVersion - 1).orElseThrow();
            next = nextVersion(
                    NewVersion.of(memberId, before.proposal, intake, Plan.Source.CLINICIAN, clinicianId, note)
                            .withChanges(List.of(new PlanChange(PlanChange.ChangeType.UNDO, null, null, null, reason)))
                            .withFlare(before.flare));
        } else {
            if (!current.proposal.contains(change.to.slug())) {
                throw ProblemException.conflict(
                        change.to.name() + " is no longer in the plan: the plan has changed since.");
            }
            PlanProposal restored = current.proposal.replace(
                    change.to.slug(),
                    item -> new PlanProposal.Item(
                            change.from.slug(),
                            change.from.exerciseVersion(),
                            change.from.name(),
                            item.category(),
                            change.from.dose(),
                            TimeEstimate.seconds(change.from.dose()),
                            reason,
                            item.paused(),
                            true));
            next = nextVersion(NewVersion.of(memberId, restored, intake, Plan.Source.CLINICIAN, clinicianId, note)
                    .withChanges(List.of(new PlanChange(
                            PlanChange.ChangeType.UNDO, change.to.slug(), change.to, change.from, reason)))
                    .withFlare(current.flare));
        }
        change.undoneIn = next.version;
        return next;
    }

    /** A clinician turns automatic adaptation of a member's plan on or off, and after spine surgery clears progression (null: unchanged). */
    @Transactional
    public AdaptationSetting setAdaptation(
            String clinicianId, String memberId, boolean enabled, Boolean progressionCleared, String note) {
        careTeam.requireOnPanel(clinicianId, memberId);
        plans.lockMember(memberId);
        AdaptationSetting setting = adaptation(memberId, enabled, note, clinicianId);
        if (progressionCleared != null) {
            if (setting.progressionCleared && !progressionCleared) {
                // A withdrawn clearance starts a new wait for one (adaptation asks for a review when it runs long).
                setting.clearanceWithdrawnAt = setting.changedAt;
            }
            setting.progressionCleared = progressionCleared;
        }
        return setting;
    }

    /** Records whether the member's plan adapts automatically. The caller holds the member lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AdaptationSetting adaptation(String memberId, boolean enabled, String reason, String by) {
        AdaptationSetting setting = adaptations.setting(memberId).orElse(null);
        boolean isNew = setting == null;
        if (isNew) {
            setting = new AdaptationSetting();
            setting.memberId = memberId;
        }
        setting.enabled = enabled;
        setting.reason = reason;
        setting.changedBy = by;
        setting.changedAt = Timestamps.now(clock);
        if (isNew) {
            adaptations.persist(setting);
        }
        return setting;
    }

    /** What changed in the member's plan and why, newest first. */
    @Transactional
    public Page<PlanChangeRecord> changes(String memberId, int page, int size) {
        return adaptations.changes(memberId, page, size);
    }

    /** The same, for a clinician with the member on their panel. */
    @Transactional
    public Page<PlanChangeRecord> changesForClinician(String clinicianId, String memberId, int page, int size) {
        careTeam.requireOnPanel(clinicianId, memberId);
        return adaptations.changes(memberId, page, size);
    }

    /** A clinician's view of a member on their panel: the plan, recent automatic and clinicians' changes apart, adaptation on or off. */
    public record CareView(
            Plan plan,
            List<PlanChangeRecord> automaticChanges,
            List<PlanChangeRecord> clinicianChanges,
            AdaptationSetting adaptation,
            PlanSuspension suspension) {}

    @Transactional
    public CareView forClinician(String clinicianId, String memberId) {
        careTeam.requireOnPanel(clinicianId, memberId);
        return new CareView(
                current(memberId),
                adaptations.recentChanges(memberId, Plan.Source.ADAPTATION, 20),
                adaptations.recentChanges(memberId, Plan.Source.CLINICIAN, 20),
                adaptations.setting(memberId).orElse(null),
                suspensions.open(memberId).orElse(null));
    }
}
