package org.limber.routine.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import org.limber.common.time.Timestamps;
import org.limber.events.member.ProgressAssessed;
import org.limber.routine.domain.AdaptationSetting;
import org.limber.routine.domain.AssessmentRecord;
import org.limber.routine.domain.IntakeRecord;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.adapt.ClearanceWait;
import org.limber.routine.domain.adapt.ProgressionRules;
import org.limber.routine.domain.adapt.WeekFacts;
import org.limber.routine.domain.adapt.WeeklyAdaptation;
import org.limber.routine.domain.questionnaire.QuestionnairePlan;
import org.limber.routine.messaging.outbound.MemberEvents;
import org.limber.routine.repository.AdaptationRepository;
import org.limber.routine.repository.IntakeRepository;
import org.limber.routine.repository.PlanRepository;
import org.limber.routine.repository.SessionLogRepository;
import org.limber.routine.repository.SuspensionRepository;

/**
 * Adapts members' plans to progress-service's weekly assessments: loads what the week's decision needs,
 * lets {@link WeeklyAdaptation} decide by the progression rules, and saves what it decided (the next plan
 * version with its changes and reasons, adaptation turned off by a red flag, the reviews it asks for as
 * MemberNeedsReview events). An assessment is applied once (a replay changes nothing), only to the plan
 * version it assessed, never while the plan is suspended; with adaptation off only the safety rules apply.
 *
 * <p>The assessments are also what notices a wait for a surgical clearance running past its limit
 * (CLEARANCE_OVERDUE): progress-service assesses every active member's plan week at least weekly (when it
 * is complete, or by its scheduled job when it ends), so the check needs no scheduler of its own here, runs
 * under the member's lock in the assessment's transaction, and is idempotent with it. It fires at the first
 * assessment after the limit, so up to a week late; a member inactive for five weeks is not assessed (and
 * progress-service alerts on the inactivity instead).
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
    private final PlanWriter writer;
    private final CatalogReplica catalog;
    private final RuleBook ruleBook;
    private final SessionLogRepository sessions;
    private final MeterRegistry registry;
    private final SuspensionRepository suspensions;
    private final CareTeamService careTeam;
    private final MemberEvents events;
    private final QuestionnaireService questionnaires;
    private final Clock clock;

    public AdaptationService(
            PlanRepository plans,
            IntakeRepository intakes,
            AdaptationRepository adaptations,
            PlanWriter writer,
            CatalogReplica catalog,
            RuleBook ruleBook,
            SessionLogRepository sessions,
            MeterRegistry registry,
            SuspensionRepository suspensions,
            CareTeamService careTeam,
            MemberEvents events,
            QuestionnaireService questionnaires,
            Clock clock) {
        this.questionnaires = questionnaires;
        this.sessions = sessions;
        this.suspensions = suspensions;
        this.careTeam = careTeam;
        this.events = events;
        this.plans = plans;
        this.intakes = intakes;
        this.adaptations = adaptations;
        this.writer = writer;
        this.catalog = catalog;
        this.ruleBook = ruleBook;
        this.registry = registry;
        this.clock = clock;
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
        record.receivedAt = Timestamps.now(clock);
        record.payload = assessment;
        decide(assessment, previous, record);
        adaptations.persist(record);
        registry.counter("limber.adaptations", "decision", record.decision.name())
                .increment();
        return record;
    }

    /** Loads what the decision needs, lets {@link WeeklyAdaptation} decide, and saves what it decided. */
    private void decide(ProgressAssessed assessment, ProgressAssessed previous, AssessmentRecord record) {
        String memberId = assessment.memberId();
        Plan current = plans.current(memberId).orElse(null);
        Optional<WeeklyAdaptation.Outcome> leftAlone = WeeklyAdaptation.beforeTheWeek(
                assessment.planVersion(),
                current == null ? null : current.version,
                current != null && suspensions.open(memberId).isPresent());
        if (leftAlone.isPresent()) {
            save(record, leftAlone.get(), null);
            return;
        }
        ProgressionRules rules = ruleBook.progression();
        IntakeRecord intake = intakes.findById(current.intakeId);
        Instant at = Timestamps.stored(WeeklyAdaptation.judgedAt(assessment.occurredAt(), record.receivedAt));
        WeeklyAdaptation.Outcome outcome = WeeklyAdaptation.decide(
                rules,
                WeeklyAdaptation.Library.of(ruleBook.builder(), ruleBook.rules(), catalog.options(), today()),
                assessment,
                previous,
                adaptations
                        .referenceMeanPain(memberId, assessment.weekStart(), REFERENCE_WEEKS)
                        .orElse(null),
                state(memberId, current, intake, assessment, rules, at),
                at);
        if (outcome.stopAdaptation()) {
            writer.adaptation(memberId, false, outcome.summary(), AUTHOR);
        }
        Plan next = null;
        if (outcome.next() != null) {
            WeeklyAdaptation.NextVersion version = outcome.next();
            next = writer.nextVersion(
                    NewPlanVersion.of(memberId, version.plan(), intake, Plan.Source.ADAPTATION, AUTHOR, version.note())
                            .withChanges(version.changes())
                            .fromAssessment(assessment.assessmentId())
                            .withFlare(version.flare())
                            .withAfterFlare(version.afterFlare()));
        }
        List<WeeklyAdaptation.Review> reviews = new ArrayList<>(outcome.reviews());
        followUp(memberId, assessment).ifPresent(reviews::add);
        String clinician =
                reviews.isEmpty() ? null : careTeam.clinicianOf(memberId).orElse(null);
        for (WeeklyAdaptation.Review review : reviews) {
            events.needsReview(memberId, current.intakeId, true, review.code(), review.reason(), clinician);
        }
        save(record, outcome, next);
        record.reviews = reviews.stream().map(WeeklyAdaptation.Review::code).toList();
    }

    /**
     * Stratified care (STarT Back, rules/questionnaires.yaml): a medium-risk member's first follow-up review, asked
     * at the first assessment of the pathway's review week (week 2), once per member.
     */
    private Optional<WeeklyAdaptation.Review> followUp(String memberId, ProgressAssessed assessment) {
        boolean asked = adaptations.reviewedSince(memberId, QuestionnairePlan.FOLLOW_UP_REVIEW, Instant.EPOCH);
        return questionnaires
                .followUp(memberId, assessment.weekStart(), asked)
                .map(p -> new WeeklyAdaptation.Review(
                        QuestionnairePlan.FOLLOW_UP_REVIEW,
                        "Stratified care: first follow-up review of the member's first two weeks (" + p.reason()
                                + ")."));
    }

    private static void save(AssessmentRecord record, WeeklyAdaptation.Outcome outcome, Plan next) {
        record.reviews =
                outcome.reviews().stream().map(WeeklyAdaptation.Review::code).toList();
        record.decision = outcome.decision();
        record.ruleId = outcome.ruleId();
        record.summary = outcome.summary();
        record.resultVersion = next == null ? null : next.version;
    }

    /** The member's plan, adaptation setting and recent history, as the week's decision needs them. */
    private WeeklyAdaptation.State state(
            String memberId,
            Plan current,
            IntakeRecord intake,
            ProgressAssessed assessment,
            ProgressionRules rules,
            Instant at) {
        AdaptationSetting setting = adaptations.setting(memberId).orElse(null);
        boolean cleared = setting != null && setting.progressionCleared;
        Instant waitSince = intake.answers.surgeryDate() == null
                ? null
                : ClearanceWait.since(
                        intakes.planIntakes(memberId).stream()
                                .map(i -> new ClearanceWait.PlanIntake(i.submittedAt, i.answers.surgeryDate() != null))
                                .toList(),
                        cleared,
                        setting == null ? null : setting.clearanceWithdrawnAt);
        // A plan made at intake has been in force since the intake (which may have been backdated); any other since it
        // was written.
        Instant inForceSince = current.source == Plan.Source.INTAKE ? intake.submittedAt : current.createdAt;
        Instant weekEnd =
                assessment.weekStart().plusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<WeekFacts.Session> sessionsOfVersion = sessions
                .of(
                        memberId,
                        current.version,
                        current.startDate.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        weekEnd)
                .stream()
                .map(s -> new WeekFacts.Session(
                        s.performedAt, s.report.painBefore(), s.report.painDuring(), s.report.painAfter()))
                .toList();
        return new WeeklyAdaptation.State(
                current.proposal,
                current.flare,
                current.afterFlare,
                inForceSince,
                // Answers age: the pain's duration as it stands at this assessment, not as it was at intake.
                intake.answersOn(LocalDate.ofInstant(at, ZoneOffset.UTC)),
                setting == null || setting.enabled,
                setting == null ? null : setting.reason,
                waitSince,
                waitSince != null && adaptations.reviewedSince(memberId, WeeklyAdaptation.CLEARANCE_OVERDUE, waitSince),
                adaptations.reviewedOnVersion(memberId, current.version, WeeklyAdaptation.CANNOT_REGRESS),
                adaptations
                        .usualPlanBefore(memberId, current.version)
                        .map(p -> p.proposal)
                        .orElse(null),
                sessionsOfVersion,
                adaptations.progressionsSince(memberId, at.minus(rules.progressionIntervalDays(), ChronoUnit.DAYS)));
    }

    /**
     * Whether automatic adaptation of the member's plan is on: a clinician resuming a suspended plan is told, since a red
     * flag may have turned it off (it comes back on only when a clinician turns it on).
     */
    @Transactional
    public boolean adaptationOn(String memberId) {
        return adaptations.adaptationOn(memberId);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Timestamps.now(clock), ZoneOffset.UTC);
    }
}
