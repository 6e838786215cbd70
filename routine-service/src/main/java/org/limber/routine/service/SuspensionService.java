package org.limber.routine.service;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.problem.Problem.FieldProblem;
import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.PlanSuspension;
import org.limber.routine.domain.SuspensionReview;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.messaging.outbound.MemberEvents;
import org.limber.routine.repository.AdaptationRepository;
import org.limber.routine.repository.PlanRepository;
import org.limber.routine.repository.SuspensionRepository;
import org.limber.routine.repository.SuspensionReviewRepository;

/**
 * Suspends a member's self-guided plan at once when a red flag is reported (at a repeat intake, with
 * a session, or on its own), in the transaction of the report, and ends the suspension only through a
 * clinician's structured review: which red flags they assessed, the outcome, who and when. While
 * suspended, no session is handed out or accepted and nothing adapts.
 *
 * <ul>
 * <li>A red flag with no plan yet (the first intake, or a report before any plan) holds the member all
 * the same (a suspension without a plan version): otherwise answering the intake again with every
 * answer no would build a plan while the referral is still open. The same review clears it.</li>
 * <li>Tailoring or undoing a change of a suspended plan makes a new version and keeps it suspended: a
 * clinician changing a dose for a high-pain alert has not assessed a saddle numbness.</li>
 * <li>Only referral flags suspend. A review flag (inflammatory back pain) reported later is sent to
 * the care team as a review (MemberNeedsReview), as at intake: it is not an emergency, and telling the
 * member to stop exercising would withhold the treatment that helps.</li>
 * <li>A red flag reported while the plan is suspended already opens no second suspension: the report
 * itself is stored and published (progress-service raises its alert from it), and the plan stays
 * suspended until a review ends it.</li>
 * </ul>
 */
@ApplicationScoped
public class SuspensionService {

    public static final String PROBLEM = "plan-suspended";
    public static final String REFERRAL_PROBLEM = "referral-under-review";

    /** A clinician's review as asked for: the red flags assessed, the outcome (its text for OTHER) and a note. */
    public record Review(
            List<RedFlag> redFlagsAssessed, SuspensionReview.Outcome outcome, String outcomeText, String note) {}

    /** The recorded review, the suspension it was about (ended or not), and whether adaptation is on now. */
    public record Reviewed(SuspensionReview review, PlanSuspension suspension, boolean adaptationOn) {}

    private final SuspensionRepository suspensions;
    private final SuspensionReviewRepository reviews;
    private final PlanRepository plans;
    private final AdaptationRepository adaptations;
    private final CareTeamService careTeam;
    private final MemberEvents events;
    private final RuleBook ruleBook;
    private final Clock clock;

    public SuspensionService(
            SuspensionRepository suspensions,
            SuspensionReviewRepository reviews,
            PlanRepository plans,
            AdaptationRepository adaptations,
            CareTeamService careTeam,
            MemberEvents events,
            RuleBook ruleBook,
            Clock clock) {
        this.suspensions = suspensions;
        this.reviews = reviews;
        this.plans = plans;
        this.adaptations = adaptations;
        this.careTeam = careTeam;
        this.events = events;
        this.ruleBook = ruleBook;
        this.clock = clock;
    }

    /**
     * Suspends the member's plan for the referral flags among {@code redFlags}, reported by {@code
     * sourceId}, and writes PlanSuspended (plan version 0 when there is no plan yet); review flags are
     * sent to the care team as MemberNeedsReview. Nothing new when a suspension is open already. The
     * caller holds the member lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PlanSuspension> suspend(
            String memberId, PlanSuspension.Cause cause, List<RedFlag> redFlags, UUID sourceId) {
        List<RedFlag> referral = redFlags.stream()
                .filter(f -> f.consequence == RedFlag.Consequence.REFERRAL)
                .distinct()
                .toList();
        if (redFlags.isEmpty()) {
            return Optional.empty(); // every session without a red flag passes here: no query
        }
        Optional<Plan> current = plans.current(memberId);
        if (cause != PlanSuspension.Cause.INTAKE) {
            // At intake the intake itself sends its review flags; reported later they are sent here.
            List<RedFlag> review = redFlags.stream()
                    .filter(f -> f.consequence == RedFlag.Consequence.REVIEW)
                    .distinct()
                    .toList();
            String clinician =
                    review.isEmpty() ? null : careTeam.clinicianOf(memberId).orElse(null);
            review.forEach(f ->
                    events.needsReview(memberId, sourceId, current.isPresent(), f.name(), f.referralReason, clinician));
        }
        if (referral.isEmpty() || suspensions.open(memberId).isPresent()) {
            return Optional.empty();
        }
        PlanSuspension suspension = new PlanSuspension();
        suspension.id = UUID.randomUUID();
        suspension.memberId = memberId;
        suspension.planVersion = current.map(p -> p.version).orElse(null);
        suspension.sequence = suspensions.nextSequence(memberId);
        suspension.cause = cause;
        suspension.redFlags = referral.stream().map(Enum::name).toList();
        suspension.sourceId = sourceId;
        suspension.suspendedAt = Timestamps.now(clock);
        suspensions.persist(suspension);
        events.planSuspended(suspension);
        return Optional.of(suspension);
    }

    @Transactional
    public Optional<PlanSuspension> open(String memberId) {
        return suspensions.open(memberId);
    }

    /**
     * Throws 409 while the member is held: plan-suspended (why and what to do) while their plan is
     * suspended, referral-under-review while a referral made before any plan waits for its review.
     */
    @Transactional
    public void requireNotSuspended(String memberId) {
        suspensions.open(memberId).ifPresent(s -> {
            throw refusal(s);
        });
    }

    /** The 409 a member held by {@code s} is answered: plan-suspended, or referral-under-review. */
    public ProblemException refusal(PlanSuspension s) {
        return s.referral()
                ? new ProblemException(409, REFERRAL_PROBLEM, "Referral under review", explain(s), List.of())
                : new ProblemException(409, PROBLEM, "Plan suspended", explain(s), List.of());
    }

    /** Why the member is held and what they should do, in the member's words. */
    public String explain(PlanSuspension s) {
        List<RedFlag> flags = s.redFlags.stream().map(RedFlag::valueOf).toList();
        String what = switch (s.cause) {
            case INTAKE -> "at your intake";
            case SESSION -> "with a session";
            case SYMPTOM_REPORT -> "in a symptom report";
        };
        String headline = ruleBook.advice().messageFor(flags).headline();
        String when = " on " + s.suspendedAt.atZone(ZoneOffset.UTC).toLocalDate() + " (" + String.join(", ", s.redFlags)
                + "). ";
        if (s.referral()) {
            return "You were referred to a clinician because you reported a warning symptom " + what + when + headline
                    + " A clinician on your care team is reviewing your referral; until they have recorded their review"
                    + " no exercise plan is made, and answering the intake again does not change that."
                    + " If your symptoms get worse, do not wait for us: get urgent care now.";
        }
        return "Your exercise plan is paused because you reported a warning symptom " + what + when + headline
                + " Your care team has been alerted; your clinician will resume your plan once they have reviewed it."
                + " Until then, please do not do the exercises.";
    }

    /**
     * A clinician on the member's panel records their review of the open suspension or referral: every
     * red flag it names must be among those assessed (a review of some flags is no review of the
     * others). EXCLUDED_SAFE_TO_CONTINUE and OTHER end it (PlanResumed, how RESUMED); REFERRED_ON is
     * recorded and keeps the plan suspended.
     */
    @Transactional
    public Reviewed review(String clinicianId, String memberId, Review request) {
        plans.lockMember(memberId);
        careTeam.requireOnPanel(clinicianId, memberId);
        PlanSuspension open = suspensions
                .open(memberId)
                .orElseThrow(() -> ProblemException.conflict(
                        "This member's plan is not suspended and no referral of theirs waits for a review."));
        List<String> missing = open.redFlags.stream()
                .filter(f -> request.redFlagsAssessed().stream()
                        .noneMatch(a -> a.name().equals(f)))
                .toList();
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(
                    422,
                    "The review must assess every red flag that suspended the plan.",
                    List.of(new FieldProblem("redFlagsAssessed", "must include " + String.join(", ", missing))));
        }
        SuspensionReview review = new SuspensionReview();
        review.id = UUID.randomUUID();
        review.suspensionId = open.id;
        review.memberId = memberId;
        review.redFlagsAssessed =
                request.redFlagsAssessed().stream().distinct().map(Enum::name).toList();
        review.outcome = request.outcome();
        review.outcomeText = request.outcomeText();
        review.note = request.note();
        review.reviewedBy = clinicianId;
        review.reviewedAt = Timestamps.now(clock);
        review.endedSuspension = request.outcome().endsSuspension();
        reviews.persist(review);
        if (review.endedSuspension) {
            open.reviewId = review.id;
            open.resumedSequence = suspensions.nextSequence(open.memberId);
            open.resumedAt = review.reviewedAt;
            open.resumedBy = clinicianId;
            open.resumedHow = PlanSuspension.How.RESUMED;
            open.resumedVersion = plans.current(memberId).map(p -> p.version).orElse(null);
            open.resumeNote = describe(review);
            events.planResumed(open);
        }
        boolean adaptationOn = adaptations.setting(memberId).map(s -> s.enabled).orElse(true);
        return new Reviewed(review, open, adaptationOn);
    }

    /** The review in one line, for PlanResumed's note. */
    private static String describe(SuspensionReview review) {
        return review.outcome + " (assessed " + String.join(", ", review.redFlagsAssessed) + ")"
                + (review.outcomeText == null ? "" : ": " + review.outcomeText) + ". " + review.note;
    }

    /** An open suspension or referral and the reviews recorded of it so far, oldest first (REFERRED_ON keeps it open). */
    public record Hold(PlanSuspension suspension, List<SuspensionReview> reviews) {}

    /** The member's open suspension or referral for a clinician with the member on their panel; 404 when none. */
    @Transactional
    public Hold holdForClinician(String clinicianId, String memberId) {
        careTeam.requireOnPanel(clinicianId, memberId);
        PlanSuspension open = suspensions
                .open(memberId)
                .orElseThrow(() -> ProblemException.notFound(
                        "This member's plan is not suspended and no referral of theirs waits for a review."));
        return new Hold(open, reviews.of(open.id));
    }
}
