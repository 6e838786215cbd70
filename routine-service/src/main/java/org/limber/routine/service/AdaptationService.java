package org.limber.routine.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import org.limber.common.time.Timestamps;
import org.limber.events.member.ProgressAssessed;
import org.limber.routine.domain.AdaptationSetting;
import org.limber.routine.domain.AssessmentRecord;
import org.limber.routine.domain.AssessmentRecord.Decision;
import org.limber.routine.domain.IntakeAssessment;
import org.limber.routine.domain.IntakeRecord;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.adapt.Adaptation;
import org.limber.routine.domain.adapt.FlarePlan;
import org.limber.routine.domain.adapt.Progression;
import org.limber.routine.domain.adapt.ProgressionRules;
import org.limber.routine.domain.adapt.WeekFacts;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.plan.Eligibility;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.PlanChange;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.domain.plan.PlanTailoring;
import org.limber.routine.messaging.MemberEvents;
import org.limber.routine.repository.AdaptationRepository;
import org.limber.routine.repository.IntakeRepository;
import org.limber.routine.repository.PlanRepository;
import org.limber.routine.repository.SessionLogRepository;
import org.limber.routine.repository.SuspensionRepository;

/**
 * Adapts members' plans to progress-service's weekly assessments, by the progression rules: each
 * adaptation is the next plan version with its changes and reasons. An assessment is applied
 * once (a replay changes nothing), only to the plan version it assessed, never while adaptation
 * is off for the member or the plan is suspended, and a red flag turns adaptation off and leaves the
 * plan to the care team. An adaptation never makes a session without an exercise: when the gentle
 * plan of a flare cannot be built, the plan is held and a clinician is asked to review it.
 */
@ApplicationScoped
public class AdaptationService {

    private static final Logger LOG = Logger.getLogger(AdaptationService.class);
    static final String AUTHOR = "adaptation";
    /** How many earlier assessments are searched for the last week with sessions (the trend's reference): about a year. */
    static final int REFERENCE_WEEKS = 104;

    private final PlanRepository plans;
    private final IntakeRepository intakes;
    private final AdaptationRepository adaptations;
    private final PlanService planService;
    private final CatalogReplica catalog;
    private final RuleBook ruleBook;
    private final SessionLogRepository sessions;
    private final MeterRegistry registry;
    private final SuspensionRepository suspensions;
    private final CareTeamService careTeam;
    private final MemberEvents events;

    public AdaptationService(
            PlanRepository plans,
            IntakeRepository intakes,
            AdaptationRepository adaptations,
            PlanService planService,
            CatalogReplica catalog,
            RuleBook ruleBook,
            SessionLogRepository sessions,
            MeterRegistry registry,
            SuspensionRepository suspensions,
            CareTeamService careTeam,
            MemberEvents events) {
        this.sessions = sessions;
        this.suspensions = suspensions;
        this.careTeam = careTeam;
        this.events = events;
        this.plans = plans;
        this.intakes = intakes;
        this.adaptations = adaptations;
        this.planService = planService;
        this.catalog = catalog;
        this.ruleBook = ruleBook;
        this.registry = registry;
    }

    /** Applies one assessment; returns what it led to (the record of an earlier delivery for a replay). */
    @Transactional
    public AssessmentRecord apply(ProgressAssessed assessment) {
        String memberId = assessment.memberId();
        plans.lockMember(memberId);
        if (adaptations.assessment(assessment.assessmentId()).isPresent()) {
            LOG.debugf("Assessment %s was applied before", assessment.assessmentId());
            return adaptations.assessment(assessment.assessmentId()).orElseThrow();
        }
        ProgressAssessed previous =
                adaptations.latestAssessment(memberId).map(r -> r.payload).orElse(null);
        AssessmentRecord record = new AssessmentRecord();
        record.id = assessment.assessmentId();
        record.memberId = memberId;
        record.planVersion = assessment.planVersion();
        record.weekStart = assessment.weekStart();
        record.trigger = assessment.trigger();
        record.receivedAt = Timestamps.now();
        record.payload = assessment;
        decide(assessment, previous, record);
        adaptations.persist(record);
        registry.counter("limber.adaptations", "decision", record.decision.name())
                .increment();
        return record;
    }

    private void decide(ProgressAssessed assessment, ProgressAssessed previous, AssessmentRecord record) {
        String memberId = assessment.memberId();
        Plan current = plans.current(memberId).orElse(null);
        if (current == null) {
            outcome(record, Decision.NO_PLAN, null, "The member has no plan.", null);
            return;
        }
        if (current.version != assessment.planVersion()) {
            outcome(
                    record,
                    Decision.SUPERSEDED,
                    null,
                    "Version " + assessment.planVersion() + " was assessed; version " + current.version
                            + " is in force now.",
                    null);
            return;
        }
        if (suspensions.open(memberId).isPresent()) {
            outcome(
                    record,
                    Decision.SUSPENDED,
                    null,
                    "The plan is suspended by a red flag until a clinician has looked.",
                    null);
            return;
        }
        AdaptationSetting setting = adaptations.setting(memberId).orElse(null);
        if (setting != null && !setting.enabled) {
            outcome(record, Decision.ADAPTATION_OFF, null, "Automatic adaptation is off: " + setting.reason, null);
            return;
        }
        ProgressionRules rules = ruleBook.progression();
        IntakeRecord intake = intakes.findById(current.intakeId);
        Double reference = adaptations
                .referenceMeanPain(memberId, assessment.weekStart(), REFERENCE_WEEKS)
                .orElse(null);
        Instant from = assessment.weekStart().atStartOfDay(ZoneOffset.UTC).toInstant();
        int unsettled =
                (int) sessions.of(memberId, assessment.planVersion(), from, from.plus(7, ChronoUnit.DAYS)).stream()
                        .filter(s -> rules.unsettled(s.report.painBefore(), s.report.painAfter()))
                        .count();
        // After spine surgery, automatic progression waits for a clinician's clearance (it never lapses on its own).
        boolean awaitingClearance =
                intake.answers.surgeryDate() != null && (setting == null || !setting.progressionCleared);
        Progression.Verdict verdict = Progression.decide(
                rules, WeekFacts.of(assessment, previous, reference, current.flare, unsettled, awaitingClearance));
        String reason = capitalize(verdict.reason());
        switch (verdict.action()) {
            case STOP -> {
                planService.adaptation(memberId, false, reason, AUTHOR);
                outcome(record, Decision.STOPPED, verdict, reason, null);
            }
            case HOLD -> outcome(record, Decision.HELD, verdict, reason, null);
            case FLARE -> {
                PlanProposal gentle = FlarePlan.build(
                        ruleBook.builder(),
                        ruleBook.rules(),
                        intake.answers,
                        catalog.options(),
                        current.proposal,
                        today());
                if (!gentle.emptySessions().isEmpty()) {
                    String why =
                            "No gentle session could be built for this member's flare; the plan is held for a clinician to review.";
                    events.needsReview(
                            memberId,
                            current.intakeId,
                            true,
                            IntakeAssessment.NO_SAFE_SESSION,
                            why,
                            careTeam.clinicianOf(memberId).orElse(null));
                    outcome(record, Decision.HELD, verdict, why, null);
                    return;
                }
                Plan next = planService.nextVersion(PlanService.NewVersion.of(
                                memberId, gentle, intake, Plan.Source.ADAPTATION, AUTHOR, reason)
                        .withChanges(List.of(new PlanChange(PlanChange.Kind.FLARE_PLAN, null, null, null, reason)))
                        .fromAssessment(assessment.assessmentId())
                        .withFlare(true));
                outcome(record, Decision.ADAPTED, verdict, reason, next);
            }
            case END_FLARE -> {
                // Back to the plan from before the flare; a plan that began in a flare (built at intake) gets the usual
                // plan built from the same intake, now without the flare rule.
                PlanProposal usual = adaptations
                        .usualPlanBefore(memberId, current.version)
                        .map(p -> p.proposal)
                        .orElseGet(() -> ruleBook.builder().build(intake.answers, catalog.options(), today(), false));
                PlanTailoring.Result back = PlanTailoring.apply(
                        usual, List.of(), published(), eligibility(intake.answers, false), reason, null);
                if (!back.errors().isEmpty()) {
                    outcome(
                            record,
                            Decision.HELD,
                            verdict,
                            "The plan from before the flare cannot come back as it was: "
                                    + back.errors().get(0).message() + ".",
                            null);
                    return;
                }
                PlanProposal restored = back.plan();
                Plan next = planService.nextVersion(PlanService.NewVersion.of(
                                memberId, restored, intake, Plan.Source.ADAPTATION, AUTHOR, reason)
                        .withChanges(List.of(new PlanChange(PlanChange.Kind.USUAL_PLAN, null, null, null, reason)))
                        .fromAssessment(assessment.assessmentId()));
                outcome(record, Decision.ADAPTED, verdict, reason, next);
            }
            case REGRESS, REGRESS_SKIPPED, PROGRESS -> {
                Adaptation.Result result = Adaptation.step(
                        current.proposal,
                        verdict,
                        published(),
                        eligibility(intake.answers, current.flare),
                        rules.maxChangesPerWeek(),
                        intake.answers.minutesPerSession() * 60);
                if (result.changes().isEmpty()) {
                    outcome(
                            record,
                            Decision.HELD,
                            verdict,
                            reason + "; but no exercise could be stepped "
                                    + (verdict.action() == ProgressionRules.Action.PROGRESS ? "up" : "back")
                                    + " further.",
                            null);
                    return;
                }
                String summary =
                        result.changes().stream().map(PlanChange::reason).collect(Collectors.joining("; "));
                Plan next = planService.nextVersion(PlanService.NewVersion.of(
                                memberId, result.plan(), intake, Plan.Source.ADAPTATION, AUTHOR, summary)
                        .withChanges(result.changes())
                        .fromAssessment(assessment.assessmentId())
                        .withFlare(current.flare));
                outcome(record, Decision.ADAPTED, verdict, summary, next);
            }
            default -> throw new IllegalStateException(verdict.action().name());
        }
    }

    private Map<String, ExerciseOption> published() {
        return catalog.options().stream().collect(Collectors.toMap(ExerciseOption::slug, Function.identity()));
    }

    private Eligibility eligibility(Intake intake, boolean inFlare) {
        return new Eligibility(intake, ruleBook.rules(), today(), inFlare);
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(Timestamps.now(), ZoneOffset.UTC);
    }

    private static void outcome(
            AssessmentRecord record, Decision decision, Progression.Verdict verdict, String summary, Plan next) {
        record.decision = decision;
        record.ruleId = verdict == null ? null : verdict.rule().id();
        record.summary = summary;
        record.resultVersion = next == null ? null : next.version;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
