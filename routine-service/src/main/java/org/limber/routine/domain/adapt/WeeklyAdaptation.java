package org.limber.routine.domain.adapt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.limber.events.member.ProgressAssessed;
import org.limber.routine.domain.AssessmentRecord.Decision;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.plan.Eligibility;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.PlanBuilder;
import org.limber.routine.domain.plan.PlanChange;
import org.limber.routine.domain.plan.PlanProposal;
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

    /**
     * What an assessment leads to before its week is looked at: nothing to adapt when the member has no plan
     * ({@code versionInForce} null), when another version is in force now than the one assessed, or while the plan
     * is suspended; empty when the week is to be {@linkplain #decide decided}.
     */
    public static Optional<Outcome> beforeTheWeek(int assessedVersion, Integer versionInForce, boolean suspended) {
        if (versionInForce == null) {
            return Optional.of(leftAlone(Decision.NO_PLAN, "The member has no plan."));
        }
        if (versionInForce != assessedVersion) {
            return Optional.of(leftAlone(
                    Decision.SUPERSEDED,
                    "Version " + assessedVersion + " was assessed; version " + versionInForce + " is in force now."));
        }
        if (suspended) {
            return Optional.of(
                    leftAlone(Decision.SUSPENDED, "The plan is suspended by a red flag until a clinician has looked."));
        }
        return Optional.empty();
    }

    /**
     * When an assessment judges its week: at its own time, unless it claims to be later than it was received (the
     * week is judged as progress-service saw it, and a clock ahead of ours never makes a version look older).
     */
    public static Instant judgedAt(Instant occurredAt, Instant receivedAt) {
        return occurredAt.isBefore(receivedAt) ? occurredAt : receivedAt;
    }

    private static Outcome leftAlone(Decision decision, String summary) {
        return new Outcome(decision, null, summary, null, false, List.of());
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
        return WeekActions.act(rules, library, state, decided.get(), at).withReviews(reviews);
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
