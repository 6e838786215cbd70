package org.limber.routine.service;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.PlanSuspension;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.messaging.MemberEvents;
import org.limber.routine.repository.PlanRepository;
import org.limber.routine.repository.SuspensionRepository;

/**
 * Suspends a member's self-guided plan at once when a red flag is reported (at a repeat intake, with
 * a session, or on its own), in the transaction of the report, and resumes it only when a
 * clinician with the member on their panel has looked: as it was (with a note) or as a new version
 * the clinician built. While suspended, no session is handed out or accepted and nothing adapts.
 *
 * <p>A red flag reported while the plan is suspended already opens no second suspension: the
 * report itself is stored and published (progress-service raises its alert from it), and the plan
 * stays suspended until one clinician's review ends it.
 */
@ApplicationScoped
public class SuspensionService {

    public static final String PROBLEM = "plan-suspended";

    private final SuspensionRepository suspensions;
    private final PlanRepository plans;
    private final CareTeamService careTeam;
    private final MemberEvents events;
    private final RuleBook ruleBook;

    public SuspensionService(
            SuspensionRepository suspensions,
            PlanRepository plans,
            CareTeamService careTeam,
            MemberEvents events,
            RuleBook ruleBook) {
        this.suspensions = suspensions;
        this.plans = plans;
        this.careTeam = careTeam;
        this.events = events;
        this.ruleBook = ruleBook;
    }

    /**
     * Suspends the member's plan for the red flags reported by {@code sourceId}, and writes
     * PlanSuspended; nothing when the member has no plan or it is suspended already. The caller holds
     * the member lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PlanSuspension> suspend(
            String memberId, PlanSuspension.Cause cause, List<RedFlag> redFlags, UUID sourceId) {
        if (redFlags.isEmpty() || suspensions.open(memberId).isPresent()) {
            return Optional.empty();
        }
        Optional<Plan> plan = plans.current(memberId);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        PlanSuspension suspension = new PlanSuspension();
        suspension.id = UUID.randomUUID();
        suspension.memberId = memberId;
        suspension.planVersion = plan.get().version;
        suspension.sequence = suspensions.nextSequence(memberId);
        suspension.cause = cause;
        suspension.redFlags = redFlags.stream().distinct().map(Enum::name).toList();
        suspension.sourceId = sourceId;
        suspension.suspendedAt = Timestamps.now();
        suspensions.persist(suspension);
        events.planSuspended(suspension);
        return Optional.of(suspension);
    }

    @Transactional
    public Optional<PlanSuspension> open(String memberId) {
        return suspensions.open(memberId);
    }

    /** Throws 409 plan-suspended, saying why and what to do, while the member's plan is suspended. */
    @Transactional
    public void requireNotSuspended(String memberId) {
        suspensions.open(memberId).ifPresent(s -> {
            throw new ProblemException(409, PROBLEM, "Plan suspended", explain(s), List.of());
        });
    }

    /** Why the plan is suspended and what the member should do, in the member's words. */
    public String explain(PlanSuspension s) {
        List<RedFlag> flags = s.redFlags.stream().map(RedFlag::valueOf).toList();
        String what = switch (s.cause) {
            case INTAKE -> "at your intake";
            case SESSION -> "with a session";
            case SYMPTOM_REPORT -> "in a symptom report";
        };
        return "Your exercise plan is paused because you reported a warning symptom " + what + " on "
                + s.suspendedAt.atZone(ZoneOffset.UTC).toLocalDate() + " (" + String.join(", ", s.redFlags) + "). "
                + ruleBook.advice().messageFor(flags).headline()
                + " Your care team has been alerted; your clinician will resume your plan or give you a new one once they have looked."
                + " Until then, please do not do the exercises.";
    }

    /** A clinician on the member's panel resumes the suspended plan as it is, with a note; writes PlanResumed (RESUMED). */
    @Transactional
    public PlanSuspension resume(String clinicianId, String memberId, String note) {
        careTeam.requireOnPanel(clinicianId, memberId);
        plans.lockMember(memberId);
        PlanSuspension open = suspensions
                .open(memberId)
                .orElseThrow(() -> ProblemException.conflict("This member's plan is not suspended."));
        int version = plans.current(memberId).map(p -> p.version).orElse(open.planVersion);
        return end(open, clinicianId, PlanSuspension.How.RESUMED, note, version);
    }

    /**
     * A clinician built a new version of a suspended plan (tailoring, undo): that ends the
     * suspension, with PlanResumed (TAILORED). The caller holds the member lock and checked the panel.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PlanSuspension> resumedByNewVersion(String clinicianId, String memberId, String note, int version) {
        return suspensions
                .open(memberId)
                .map(open -> end(open, clinicianId, PlanSuspension.How.TAILORED, note, version));
    }

    private PlanSuspension end(
            PlanSuspension open, String clinicianId, PlanSuspension.How how, String note, int version) {
        open.resumedSequence = suspensions.nextSequence(open.memberId);
        open.resumedAt = Timestamps.now();
        open.resumedBy = clinicianId;
        open.resumedHow = how;
        open.resumedVersion = version;
        open.resumeNote = note;
        events.planResumed(open);
        return open;
    }
}
