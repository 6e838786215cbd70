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
import org.limber.routine.repository.AdaptationRepository;
import org.limber.routine.repository.IntakeRepository;
import org.limber.routine.repository.PlanRepository;
import org.limber.routine.repository.SessionLogRepository;

/**
 * A member's plan: reading it, today's session, and a clinician's tailoring, undoing and adaptation setting (each
 * under the member lock, taken before the care-team check so that an assignment changing meanwhile is seen).
 * {@link PlanWriter} writes the versions.
 */
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
    private final PlanWriter writer;
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
            PlanWriter writer,
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
        this.writer = writer;
        this.adaptations = adaptations;
        this.clock = clock;
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
        plans.lockMember(memberId);
        careTeam.requireOnPanel(clinicianId, memberId);
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
        Plan next = writer.nextVersion(
                NewPlanVersion.of(memberId, result.plan(), intake, Plan.Source.CLINICIAN, clinicianId, note)
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
        plans.lockMember(memberId);
        careTeam.requireOnPanel(clinicianId, memberId);
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
            next = writer.nextVersion(
                    NewPlanVersion.of(memberId, before.proposal, intake, Plan.Source.CLINICIAN, clinicianId, note)
                            .withChanges(List.of(new PlanChange(PlanChange.ChangeType.UNDO, null, null, null, reason)))
                            .withFlare(before.flare));
        } else {
            if (!current.proposal.contains(change.to.slug())) {
                throw ProblemException.conflict(
                        change.to.name() + " is no longer in the plan: the plan has changed since.");
            }
            PlanProposal restored = PlanChange.undone(current.proposal, change.from, change.to, reason);
            next = writer.nextVersion(
                    NewPlanVersion.of(memberId, restored, intake, Plan.Source.CLINICIAN, clinicianId, note)
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
        plans.lockMember(memberId);
        careTeam.requireOnPanel(clinicianId, memberId);
        AdaptationSetting setting = writer.adaptation(memberId, enabled, note, clinicianId);
        if (progressionCleared != null) {
            if (setting.progressionCleared && !progressionCleared) {
                // A withdrawn clearance starts a new wait for one (adaptation asks for a review when it runs long).
                setting.clearanceWithdrawnAt = setting.changedAt;
            }
            setting.progressionCleared = progressionCleared;
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
