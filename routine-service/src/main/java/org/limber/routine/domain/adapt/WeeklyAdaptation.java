package org.limber.routine.domain.adapt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.limber.events.member.ProgressAssessed;
import org.limber.routine.domain.AssessmentRecord.Decision;
import org.limber.routine.domain.IntakeAssessment;
import org.limber.routine.domain.adapt.ProgressionRules.Action;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.plan.Eligibility;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.PlanBuilder;
import org.limber.routine.domain.plan.PlanChange;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.domain.plan.PlanTailoring;
import org.limber.routine.domain.plan.Rule;

/**
 * What one assessed plan week does to a member's plan, by the progression rules: the decision, the
 * next version if there is one, whether automatic adaptation stops, and the reviews a clinician is
 * asked for. Plain logic: routine-service loads a {@link State} and saves the {@link Outcome}; the
 * safety harness drives the same code.
 *
 * <ul>
 *   <li>With automatic adaptation off, only the safety rules apply (a red flag, a flare and its
 *       end); the rest waits for a clinician.
 *   <li>A flare ends on the plan from before it one step easier (every exercise it can, by variation
 *       or dose), marked as the week after a flare; the plan comes back in full only when that
 *       version has been in force for the rules' week and it went well.
 *   <li>An exercise is stepped up at most once in {@code progressionIntervalDays}.
 *   <li>A regression that finds nothing to step back asks for a review ({@link #CANNOT_REGRESS})
 *       once per plan version; progression awaiting a surgical clearance for more than
 *       {@code clearanceOverdueDays} asks for one ({@link #CLEARANCE_OVERDUE}) once per wait.
 * </ul>
 */
public final class WeeklyAdaptation {

    /** Review code: pain calls for a regression but nothing in the plan can be stepped back further. */
    public static final String CANNOT_REGRESS = "CANNOT_REGRESS";

    /** Review code: progression after spine surgery has awaited a clinician's clearance too long. */
    public static final String CLEARANCE_OVERDUE = "CLEARANCE_OVERDUE";

    private WeeklyAdaptation() {}

    /** What plans are made of: the builder and the condition rules, the published catalog, and the day it is. */
    public record Library(
            PlanBuilder builder,
            List<Rule> conditionRules,
            Collection<ExerciseOption> catalog,
            Map<String, ExerciseOption> published,
            LocalDate today) {

        public static Library of(
                PlanBuilder builder, List<Rule> conditionRules, Collection<ExerciseOption> catalog, LocalDate today) {
            return new Library(
                    builder,
                    conditionRules,
                    catalog,
                    catalog.stream().collect(Collectors.toMap(ExerciseOption::slug, Function.identity())),
                    today);
        }

        Eligibility eligibility(Intake intake, boolean inFlare) {
            return new Eligibility(intake, conditionRules, today, inFlare);
        }
    }

    /**
     * The member as the week finds them.
     *
     * @param plan                  the plan version in force (the one assessed)
     * @param flare                 it is the gentle flare plan
     * @param afterFlare            it is the plan from before a flare, one step easier, for the week after it
     * @param inForceSince          when it came into force
     * @param intake                the intake it answers
     * @param adaptationOn          automatic adaptation is on (no clinician or red flag turned it off)
     * @param adaptationOffReason   why it is off (null when on)
     * @param clearanceWaitSince    after spine surgery, since when progression has awaited a clinician's clearance (null:
     *                              it does not)
     * @param clearanceReviewed     a {@link #CLEARANCE_OVERDUE} review was asked for in this wait already
     * @param cannotRegressReviewed a {@link #CANNOT_REGRESS} review was asked for on this plan version already
     * @param usualBeforeFlare      the newest version before this one that was neither a flare plan nor the week after one
     *                              (null: none, the plan began in a flare)
     * @param sessions              the sessions reported under this version up to the end of the assessed week
     * @param progressions          the automatic progressions of the member's exercises in the last
     *                              {@code progressionIntervalDays} (older ones are ignored)
     */
    public record State(
            PlanProposal plan,
            boolean flare,
            boolean afterFlare,
            Instant inForceSince,
            Intake intake,
            boolean adaptationOn,
            String adaptationOffReason,
            Instant clearanceWaitSince,
            boolean clearanceReviewed,
            boolean cannotRegressReviewed,
            PlanProposal usualBeforeFlare,
            List<WeekFacts.Session> sessions,
            List<Progressed> progressions) {}

    /** An automatic progression: the exercise stepped up, what it became, and when. */
    public record Progressed(String from, String to, Instant at) {}

    /** The next plan version: the plan, its changes, whether it is a flare plan or the week after one, and its note. */
    public record NextVersion(
            PlanProposal plan, List<PlanChange> changes, boolean flare, boolean afterFlare, String note) {}

    /** A clinician's review asked for: a stable code and a sentence for the care team. */
    public record Review(String code, String reason) {}

    /**
     * What the week led to: the decision, the rule that decided (null when none did), a summary, the next version
     * (ADAPTED only), whether automatic adaptation stops (a red flag), and the reviews to ask for.
     */
    public record Outcome(
            Decision decision,
            Progression.Verdict verdict,
            String summary,
            NextVersion next,
            boolean stopAdaptation,
            List<Review> reviews) {

        public String ruleId() {
            return verdict == null ? null : verdict.rule().id();
        }

        Outcome withReviews(List<Review> more) {
            List<Review> all = new ArrayList<>(reviews);
            all.addAll(more);
            return new Outcome(decision, verdict, summary, next, stopAdaptation, List.copyOf(all));
        }
    }

    /** Whether progression has awaited a clearance for more than the rules allow at {@code at}. */
    public static boolean clearanceOverdue(ProgressionRules rules, Instant waitSince, Instant at) {
        return waitSince != null
                && Duration.between(waitSince, at).compareTo(Duration.ofDays(rules.clearanceOverdueDays())) > 0;
    }

    /** Decides the week {@code assessment} of the plan in {@code state}, at {@code at}. */
    public static Outcome decide(
            ProgressionRules rules,
            Library library,
            ProgressAssessed assessment,
            ProgressAssessed previous,
            Double reference,
            State state,
            Instant at) {
        List<Review> reviews = new ArrayList<>();
        if (!state.clearanceReviewed() && clearanceOverdue(rules, state.clearanceWaitSince(), at)) {
            LocalDate since = LocalDate.ofInstant(state.clearanceWaitSince(), ZoneOffset.UTC);
            reviews.add(new Review(
                    CLEARANCE_OVERDUE,
                    "After spine surgery, progression has waited for a clinician's clearance for "
                            + Duration.between(state.clearanceWaitSince(), at).toDays() + " days (since " + since
                            + "): the plan is not made harder until a clinician clears it."));
        }
        WeekFacts week = WeekFacts.of(
                assessment,
                previous,
                reference,
                rules,
                new WeekFacts.PlanInForce(
                        state.flare(), state.afterFlare(), state.inForceSince(), state.clearanceWaitSince() != null),
                state.sessions(),
                at);
        Optional<Progression.Verdict> decided = state.adaptationOn()
                ? Optional.of(Progression.decide(rules, week))
                : Progression.decideSafety(rules, week);
        if (decided.isEmpty()) {
            return new Outcome(
                            Decision.ADAPTATION_OFF,
                            null,
                            "Automatic adaptation is off: " + state.adaptationOffReason(),
                            null,
                            false,
                            List.of())
                    .withReviews(reviews);
        }
        return act(rules, library, state, decided.get(), at).withReviews(reviews);
    }

    private static Outcome act(
            ProgressionRules rules, Library library, State state, Progression.Verdict verdict, Instant at) {
        String reason = capitalize(verdict.reason());
        Intake intake = state.intake();
        int budget = intake.minutesPerSession() * 60;
        switch (verdict.action()) {
            case STOP:
                return new Outcome(Decision.STOPPED, verdict, reason, null, true, List.of());
            case HOLD:
                return held(verdict, reason);
            case FLARE: {
                PlanProposal gentle = FlarePlan.build(
                        library.builder(),
                        library.conditionRules(),
                        intake,
                        library.catalog(),
                        state.plan(),
                        library.today());
                if (!gentle.emptySessions().isEmpty()) {
                    String why =
                            "No gentle session could be built for this member's flare; the plan is held for a clinician to review.";
                    return new Outcome(
                            Decision.HELD,
                            verdict,
                            why,
                            null,
                            false,
                            List.of(new Review(IntakeAssessment.NO_SAFE_SESSION, why)));
                }
                return adapted(
                        verdict,
                        reason,
                        new NextVersion(
                                gentle,
                                List.of(new PlanChange(PlanChange.ChangeType.FLARE_PLAN, null, null, null, reason)),
                                true,
                                false,
                                reason));
            }
            case END_FLARE: {
                PlanTailoring.Result back = usualPlan(library, state, reason);
                if (!back.errors().isEmpty()) {
                    return cannotComeBack(verdict, back);
                }
                // The plan from before the flare, every exercise one step easier (by variation, else by dose) for a
                // week.
                Adaptation.Result easier = Adaptation.step(
                        back.plan(),
                        verdict,
                        library.published(),
                        library.eligibility(intake, false),
                        Integer.MAX_VALUE,
                        budget);
                List<PlanChange> changes = new ArrayList<>();
                changes.add(new PlanChange(PlanChange.ChangeType.USUAL_PLAN, null, null, null, reason));
                changes.addAll(easier.changes());
                return adapted(
                        verdict,
                        reason,
                        new NextVersion(
                                easier.plan(), changes, false, !easier.changes().isEmpty(), reason));
            }
            case RESTORE: {
                PlanTailoring.Result back = usualPlan(library, state, reason);
                if (!back.errors().isEmpty()) {
                    return cannotComeBack(verdict, back);
                }
                return adapted(
                        verdict,
                        reason,
                        new NextVersion(
                                back.plan(),
                                List.of(new PlanChange(PlanChange.ChangeType.USUAL_PLAN, null, null, null, reason)),
                                false,
                                false,
                                reason));
            }
            case REGRESS:
            case REGRESS_SKIPPED:
            case PROGRESS: {
                boolean up = verdict.action() == Action.PROGRESS;
                Adaptation.Result result = Adaptation.step(
                        state.plan(),
                        verdict,
                        library.published(),
                        library.eligibility(intake, state.flare()),
                        rules.maxChangesPerWeek(),
                        budget,
                        up ? resting(rules, state.progressions(), at) : Set.of());
                if (result.changes().isEmpty()) {
                    String summary =
                            reason + "; but no exercise could be stepped " + (up ? "up" : "back") + " further.";
                    // A skipped exercise no longer in the plan is nothing to review.
                    boolean stuck = !up
                            && (verdict.action() == Action.REGRESS
                                    || verdict.items().keySet().stream().anyMatch(state.plan()::contains));
                    List<Review> reviews = !stuck || state.cannotRegressReviewed()
                            ? List.of()
                            : List.of(new Review(
                                    CANNOT_REGRESS,
                                    reason + ", but no exercise can be stepped back further (each is at its easiest"
                                            + " variation and lowest dose, or locked): the plan is held for a clinician"
                                            + " to review."));
                    return new Outcome(Decision.HELD, verdict, summary, null, false, reviews);
                }
                String summary =
                        result.changes().stream().map(PlanChange::reason).collect(Collectors.joining("; "));
                return adapted(
                        verdict,
                        summary,
                        new NextVersion(result.plan(), result.changes(), state.flare(), false, summary));
            }
            default:
                throw new IllegalStateException(verdict.action().name());
        }
    }

    /**
     * The exercises stepped up within the rules' interval before {@code at}, by their slug before and after: none of
     * them is stepped up again yet.
     */
    static Set<String> resting(ProgressionRules rules, List<Progressed> progressions, Instant at) {
        Instant since = at.minus(Duration.ofDays(rules.progressionIntervalDays()));
        Set<String> resting = new HashSet<>();
        for (Progressed p : progressions) {
            if (p.at().isAfter(since)) {
                resting.add(p.from());
                resting.add(p.to());
            }
        }
        return resting;
    }

    /**
     * The plan from before the flare, with retired exercises replaced; a plan that began as a flare at intake gets the
     * usual plan built from the same intake, without the flare rule.
     */
    private static PlanTailoring.Result usualPlan(Library library, State state, String reason) {
        PlanProposal usual = state.usualBeforeFlare() != null
                ? state.usualBeforeFlare()
                : library.builder().build(state.intake(), library.catalog(), library.today(), false);
        return PlanTailoring.apply(
                usual, List.of(), library.published(), library.eligibility(state.intake(), false), reason, null);
    }

    private static Outcome cannotComeBack(Progression.Verdict verdict, PlanTailoring.Result back) {
        return new Outcome(
                Decision.HELD,
                verdict,
                "The plan from before the flare cannot come back as it was: "
                        + back.errors().get(0).message() + ".",
                null,
                false,
                List.of());
    }

    private static Outcome held(Progression.Verdict verdict, String reason) {
        return new Outcome(Decision.HELD, verdict, reason, null, false, List.of());
    }

    private static Outcome adapted(Progression.Verdict verdict, String summary, NextVersion next) {
        return new Outcome(Decision.ADAPTED, verdict, summary, next, false, List.of());
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
