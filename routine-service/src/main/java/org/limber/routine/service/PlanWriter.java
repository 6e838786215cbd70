package org.limber.routine.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.time.Timestamps;
import org.limber.routine.domain.AdaptationSetting;
import org.limber.routine.domain.IntakeRecord;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.PlanChangeRecord;
import org.limber.routine.domain.plan.PlanChange;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.messaging.outbound.MemberEvents;
import org.limber.routine.repository.AdaptationRepository;
import org.limber.routine.repository.PlanRepository;

/**
 * Writes what makes a member's plan: its next version with the changes it makes and its PlanAssigned event,
 * and whether it adapts automatically. Every write joins the caller's transaction, in which the caller
 * holds the member lock.
 */
@ApplicationScoped
public class PlanWriter {

    private final PlanRepository plans;
    private final AdaptationRepository adaptations;
    private final CareTeamService careTeam;
    private final MemberEvents events;
    private final Clock clock;

    public PlanWriter(
            PlanRepository plans,
            AdaptationRepository adaptations,
            CareTeamService careTeam,
            MemberEvents events,
            Clock clock) {
        this.plans = plans;
        this.adaptations = adaptations;
        this.careTeam = careTeam;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Writes the member's next plan version with the changes it makes, and its PlanAssigned event.
     * The caller holds the member lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Plan nextVersion(NewPlanVersion v) {
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
}
