package org.limber.routine.domain.adapt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.limber.events.catalog.Category;
import org.limber.events.member.PrescribedDose;
import org.limber.events.member.ProgressAssessed;
import org.limber.routine.domain.AssessmentRecord.Decision;
import org.limber.routine.domain.plan.PlanBuilder;
import org.limber.routine.domain.plan.PlanChange;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.domain.plan.Rule;
import org.limber.routine.domain.plan.Rules;
import org.limber.routine.domain.plan.TimeEstimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.limber.routine.domain.adapt.AdaptationTest.AT;
import static org.limber.routine.domain.adapt.AdaptationTest.BRIDGE;
import static org.limber.routine.domain.adapt.AdaptationTest.CAT_COW;
import static org.limber.routine.domain.adapt.AdaptationTest.FOREARM_PLANK;
import static org.limber.routine.domain.adapt.AdaptationTest.GOOD_WEEK;
import static org.limber.routine.domain.adapt.AdaptationTest.INTAKE;
import static org.limber.routine.domain.adapt.AdaptationTest.KNEE_PLANK;
import static org.limber.routine.domain.adapt.AdaptationTest.PLANK_REACH;
import static org.limber.routine.domain.adapt.AdaptationTest.RULES;
import static org.limber.routine.domain.adapt.AdaptationTest.SETTLED_ON_TWO_DAYS;
import static org.limber.routine.domain.adapt.AdaptationTest.assessed;
import static org.limber.routine.domain.adapt.AdaptationTest.item;
import static org.limber.routine.domain.adapt.AdaptationTest.plan;
import static org.limber.routine.domain.adapt.FlarePlanTest.GENTLE_ROCK;

/**
 * A week decided end to end, as routine-service and the safety harness run it: the end of a flare and
 * the gradual return, the calendar limits of progression, the safety rules with adaptation off, and the
 * reviews adaptation asks for.
 */
class WeeklyAdaptationTest {

    static final List<Rule> CONDITION_RULES = Rules.load();
    static final WeeklyAdaptation.Library LIBRARY = WeeklyAdaptation.Library.of(
            new PlanBuilder(CONDITION_RULES),
            CONDITION_RULES,
            List.of(KNEE_PLANK, FOREARM_PLANK, PLANK_REACH, BRIDGE, CAT_COW, GENTLE_ROCK),
            AT.atZone(java.time.ZoneOffset.UTC).toLocalDate());

    /** The plan from before the flare: forearm plank (easier: knee plank) and bridge (2 x 10, range 8-12). */
    static final PlanProposal USUAL = plan(item(FOREARM_PLANK, false), item(BRIDGE, false));

    static final PlanProposal GENTLE = plan(item(GENTLE_ROCK, false));

    static final ProgressAssessed SETTLED_WEEK =
            assessed(67, "FALLING", 3, 3, 3.5, new ProgressAssessed.Effort(0, 2, 0), List.of(), List.of());

    /** A member on {@code plan} in force for {@code days}, adaptation on, no surgery, no reviews asked for yet. */
    static WeeklyAdaptation.State state(
            PlanProposal plan, boolean flare, boolean afterFlare, double days, List<WeekFacts.Session> sessions) {
        return new WeeklyAdaptation.State(
                plan,
                flare,
                afterFlare,
                AT.minusSeconds((long) (days * 86_400)),
                INTAKE,
                true,
                null,
                null,
                false,
                false,
                USUAL,
                sessions,
                List.of());
    }

    static WeeklyAdaptation.State with(WeeklyAdaptation.State s, boolean adaptationOn, String offReason) {
        return new WeeklyAdaptation.State(
                s.plan(),
                s.flare(),
                s.afterFlare(),
                s.inForceSince(),
                s.intake(),
                adaptationOn,
                offReason,
                s.clearanceWaitSince(),
                s.clearanceReviewed(),
                s.cannotRegressReviewed(),
                s.usualBeforeFlare(),
                s.sessions(),
                s.progressions());
    }

    static WeeklyAdaptation.Outcome decide(ProgressAssessed week, WeeklyAdaptation.State state) {
        return WeeklyAdaptation.decide(RULES, LIBRARY, week, null, 4.0, state, AT);
    }

    static WeekFacts.Session session(String at, int before, int during) {
        return new WeekFacts.Session(Instant.parse(at), before, during, before);
    }

    // A flare ends only on settled sessions on two different days, and the plan comes back gradually.

    @Test
    void oneSessionAtSixNoLongerEndsAFlare() {
        ProgressAssessed six =
                assessed(33, "FALLING", 6, 3, 6.0, new ProgressAssessed.Effort(0, 1, 0), List.of(), List.of());
        WeeklyAdaptation.Outcome outcome =
                decide(six, state(GENTLE, true, false, 5, List.of(session("2026-03-04T08:00:00Z", 6, 3))));
        assertThat(outcome.decision()).isEqualTo(Decision.HELD);
        assertThat(outcome.ruleId()).isEqualTo("flare-continues");
        assertThat(outcome.next()).isNull();
    }

    @Test
    void settledSessionsOnOneDayDoNotEndAFlare() {
        WeeklyAdaptation.Outcome outcome = decide(
                SETTLED_WEEK,
                state(
                        GENTLE,
                        true,
                        false,
                        5,
                        List.of(session("2026-03-04T08:00:00Z", 3, 3), session("2026-03-04T19:00:00Z", 4, 3))));
        assertThat(outcome.ruleId()).isEqualTo("flare-continues");
    }

    @Test
    void aBadSessionAfterTheSettledOnesKeepsTheFlare() {
        WeeklyAdaptation.Outcome outcome = decide(
                SETTLED_WEEK,
                state(
                        GENTLE,
                        true,
                        false,
                        5,
                        List.of(
                                session("2026-03-03T08:00:00Z", 3, 3),
                                session("2026-03-04T08:00:00Z", 3, 3),
                                session("2026-03-05T08:00:00Z", 5, 3))));
        assertThat(outcome.ruleId()).isEqualTo("flare-continues");
    }

    @Test
    void aFlareEndsOnSettledSessionsOnTwoDaysWithThePlanFromBeforeItOneStepEasier() {
        WeeklyAdaptation.Outcome outcome = decide(SETTLED_WEEK, state(GENTLE, true, false, 5, SETTLED_ON_TWO_DAYS));

        assertThat(outcome.decision()).isEqualTo(Decision.ADAPTED);
        assertThat(outcome.ruleId()).isEqualTo("flare-settled");
        WeeklyAdaptation.NextVersion next = outcome.next();
        assertThat(next.flare()).isFalse();
        assertThat(next.afterFlare()).as("the week after the flare").isTrue();
        // Every exercise one step easier: the forearm plank by its easier variation, the bridge by dose.
        assertThat(next.changes())
                .extracting(PlanChange::kind, PlanChange::slug)
                .containsExactly(
                        tuple(PlanChange.ChangeType.USUAL_PLAN, null),
                        tuple(PlanChange.ChangeType.EASIER_VARIATION, "forearm-plank"),
                        tuple(PlanChange.ChangeType.LESS_DOSE, "bridge"));
        assertThat(next.plan().sessions().get(0).items())
                .extracting(PlanProposal.Item::slug, i -> i.dose().reps())
                .containsExactly(tuple("knee-plank", null), tuple("bridge", 8));
        assertThat(next.note())
                .isEqualTo("Pain has settled on 2 different days, so your usual exercises are back, one step easier"
                        + " for the first week");
    }

    @Test
    void thePlanFromBeforeTheFlareComesBackInFullAfterAWeekThatWentWell() {
        PlanProposal easier = decide(SETTLED_WEEK, state(GENTLE, true, false, 5, SETTLED_ON_TWO_DAYS))
                .next()
                .plan();

        WeeklyAdaptation.Outcome early = decide(GOOD_WEEK, state(easier, false, true, 4, SETTLED_ON_TWO_DAYS));
        assertThat(early.decision()).as("four days in").isEqualTo(Decision.HELD);
        assertThat(early.ruleId()).isEqualTo("hold");

        WeeklyAdaptation.Outcome back = decide(GOOD_WEEK, state(easier, false, true, 7, SETTLED_ON_TWO_DAYS));
        assertThat(back.decision()).isEqualTo(Decision.ADAPTED);
        assertThat(back.ruleId()).isEqualTo("back-to-usual-plan");
        assertThat(back.next().afterFlare()).isFalse();
        assertThat(back.next().plan().sessions().get(0).items())
                .extracting(PlanProposal.Item::slug, i -> i.dose().reps())
                .containsExactly(tuple("forearm-plank", null), tuple("bridge", 10));
        assertThat(back.next().changes())
                .extracting(PlanChange::kind)
                .containsExactly(PlanChange.ChangeType.USUAL_PLAN);
    }

    // Progression has a calendar.

    @Test
    void aWeekDoneWellOnAVersionInForceUnderSevenDaysHolds() {
        PlanProposal plan = plan(item(KNEE_PLANK, false), item(CAT_COW, false));
        WeeklyAdaptation.Outcome twoDays = decide(GOOD_WEEK, state(plan, false, false, 2, SETTLED_ON_TWO_DAYS));
        assertThat(twoDays.decision()).isEqualTo(Decision.HELD);
        assertThat(twoDays.ruleId()).isEqualTo("hold");

        WeeklyAdaptation.Outcome aWeek = decide(GOOD_WEEK, state(plan, false, false, 7, SETTLED_ON_TWO_DAYS));
        assertThat(aWeek.decision()).isEqualTo(Decision.ADAPTED);
        assertThat(aWeek.ruleId()).isEqualTo("week-done-well");
    }

    @Test
    void anExerciseProgressedInTheLastSevenDaysIsNotProgressedAgain() {
        PlanProposal plan = plan(item(FOREARM_PLANK, false), item(BRIDGE, false));
        WeeklyAdaptation.State base = state(plan, false, false, 10, SETTLED_ON_TWO_DAYS);
        WeeklyAdaptation.State recent = new WeeklyAdaptation.State(
                base.plan(),
                false,
                false,
                base.inForceSince(),
                INTAKE,
                true,
                null,
                null,
                false,
                false,
                USUAL,
                base.sessions(),
                List.of(new WeeklyAdaptation.Progressed(
                        "knee-plank",
                        "forearm-plank",
                        AT.minus(Duration.ofDays(6).plusHours(23)))));
        assertThat(decide(GOOD_WEEK, recent).next().changes())
                .extracting(PlanChange::slug)
                .containsExactly("bridge");

        WeeklyAdaptation.State weekAgo = new WeeklyAdaptation.State(
                base.plan(),
                false,
                false,
                base.inForceSince(),
                INTAKE,
                true,
                null,
                null,
                false,
                false,
                USUAL,
                base.sessions(),
                List.of(new WeeklyAdaptation.Progressed("knee-plank", "forearm-plank", AT.minus(Duration.ofDays(7)))));
        assertThat(decide(GOOD_WEEK, weekAgo).next().changes())
                .extracting(PlanChange::slug)
                .containsExactly("forearm-plank", "bridge");
    }

    // Safety rules apply with adaptation off.

    @Test
    void withAdaptationOffAWeekAtPainNineStillGetsTheGentlePlan() {
        ProgressAssessed nine =
                assessed(67, "RISING", 9, 8, 8.5, new ProgressAssessed.Effort(0, 1, 1), List.of(), List.of());
        WeeklyAdaptation.Outcome outcome = decide(
                nine,
                with(
                        state(USUAL, false, false, 10, List.of(session("2026-03-04T08:00:00Z", 9, 8))),
                        false,
                        "Turned off by the clinician"));
        assertThat(outcome.decision()).isEqualTo(Decision.ADAPTED);
        assertThat(outcome.ruleId()).isEqualTo("flare");
        assertThat(outcome.next().flare()).isTrue();
        assertThat(outcome.next().plan().sessions().get(0).items())
                .extracting(PlanProposal.Item::slug)
                .containsExactly("pelvic-rock");
    }

    @Test
    void withAdaptationOffARedFlagStillStopsAndAFlareStillEnds() {
        ProgressAssessed redFlag = assessed(
                100, "FALLING", 3, 2, 3.0, new ProgressAssessed.Effort(0, 3, 0), List.of(), List.of("SADDLE_NUMBNESS"));
        WeeklyAdaptation.Outcome stopped =
                decide(redFlag, with(state(USUAL, false, false, 10, SETTLED_ON_TWO_DAYS), false, "off"));
        assertThat(stopped.decision()).isEqualTo(Decision.STOPPED);
        assertThat(stopped.stopAdaptation()).isTrue();

        WeeklyAdaptation.Outcome ended =
                decide(SETTLED_WEEK, with(state(GENTLE, true, false, 5, SETTLED_ON_TWO_DAYS), false, "off"));
        assertThat(ended.ruleId()).isEqualTo("flare-settled");
        assertThat(ended.next().afterFlare()).isTrue();
    }

    @Test
    void withAdaptationOffNothingElseChanges() {
        ProgressAssessed painful =
                assessed(100, "STABLE", 4, 6, 4.0, new ProgressAssessed.Effort(0, 2, 1), List.of(), List.of());
        WeeklyAdaptation.State off =
                with(state(USUAL, false, false, 10, SETTLED_ON_TWO_DAYS), false, "Seen in clinic: hold the plan");
        for (ProgressAssessed week : List.of(GOOD_WEEK, painful)) {
            WeeklyAdaptation.Outcome outcome = decide(week, off);
            assertThat(outcome.decision()).isEqualTo(Decision.ADAPTATION_OFF);
            assertThat(outcome.next()).isNull();
            assertThat(outcome.summary()).isEqualTo("Automatic adaptation is off: Seen in clinic: hold the plan");
        }
    }

    // Reviews: pain the plan can no longer ease, and a clearance long awaited.

    /** A knee plank at its easiest: no easier variation, 1 set of 15 s, the bottom of both ranges. */
    static final PlanProposal.Item KNEE_PLANK_AT_ITS_EASIEST = new PlanProposal.Item(
            "knee-plank",
            1,
            "Knee plank",
            Category.CORE_STABILITY,
            new PrescribedDose(1, null, null, 15, 30, false),
            TimeEstimate.seconds(new PrescribedDose(1, null, null, 15, 30, false)),
            "why",
            false,
            false);

    static final ProgressAssessed PAIN_DURING_SIX =
            assessed(100, "STABLE", 4, 6, 4.0, new ProgressAssessed.Effort(0, 2, 1), List.of(), List.of());

    @Test
    void aRegressionThatFindsNothingEasierAsksForAReviewOncePerVersion() {
        PlanProposal bottom = plan(KNEE_PLANK_AT_ITS_EASIEST);
        WeeklyAdaptation.Outcome outcome = decide(PAIN_DURING_SIX, state(bottom, false, false, 10, List.of()));
        assertThat(outcome.decision()).isEqualTo(Decision.HELD);
        assertThat(outcome.ruleId()).isEqualTo("pain-during-too-high");
        assertThat(outcome.reviews()).singleElement().satisfies(review -> {
            assertThat(review.code()).isEqualTo(WeeklyAdaptation.CANNOT_REGRESS);
            assertThat(review.reason())
                    .isEqualTo("Pain during a session reached 6, more than the 5 exercise should stay within, but no"
                            + " exercise can be stepped back further (each is at its easiest variation and lowest"
                            + " dose, or locked): the plan is held for a clinician to review.");
        });

        WeeklyAdaptation.State asked = new WeeklyAdaptation.State(
                bottom,
                false,
                false,
                AT.minus(Duration.ofDays(10)),
                INTAKE,
                true,
                null,
                null,
                false,
                true,
                USUAL,
                List.of(),
                List.of());
        assertThat(decide(PAIN_DURING_SIX, asked).reviews())
                .as("asked for on this version already")
                .isEmpty();

        // A regression that steps something back asks for nothing.
        assertThat(decide(PAIN_DURING_SIX, state(USUAL, false, false, 10, List.of()))
                        .reviews())
                .isEmpty();
    }

    @Test
    void anExerciseSkippedForPainThatIsLockedAsksForAReviewToo() {
        ProgressAssessed skipped = assessed(
                100,
                "STABLE",
                3,
                3,
                3.0,
                new ProgressAssessed.Effort(0, 3, 0),
                List.of(new ProgressAssessed.Skip("forearm-plank", "PAIN", 2)),
                List.of());
        WeeklyAdaptation.Outcome outcome = decide(
                skipped, state(plan(item(FOREARM_PLANK, true), item(BRIDGE, false)), false, false, 10, List.of()));
        assertThat(outcome.ruleId()).isEqualTo("skipped-for-pain");
        assertThat(outcome.reviews()).extracting(WeeklyAdaptation.Review::code).containsExactly("CANNOT_REGRESS");
    }

    static WeeklyAdaptation.State awaitingClearance(Duration waited, boolean reviewed) {
        return new WeeklyAdaptation.State(
                USUAL,
                false,
                false,
                AT.minus(Duration.ofDays(30)),
                INTAKE,
                true,
                null,
                AT.minus(waited),
                reviewed,
                false,
                null,
                SETTLED_ON_TWO_DAYS,
                List.of());
    }

    @Test
    void progressionAwaitingClearanceForMoreThanTwoWeeksAsksForAReviewOncePerWait() {
        WeeklyAdaptation.Outcome overdue = decide(GOOD_WEEK, awaitingClearance(Duration.ofDays(15), false));
        assertThat(overdue.ruleId()).isEqualTo("surgery-awaits-clearance");
        assertThat(overdue.reviews()).singleElement().satisfies(review -> {
            assertThat(review.code()).isEqualTo(WeeklyAdaptation.CLEARANCE_OVERDUE);
            assertThat(review.reason())
                    .isEqualTo("After spine surgery, progression has waited for a clinician's clearance for 15 days"
                            + " (since 2026-02-21): the plan is not made harder until a clinician clears it.");
        });
        assertThat(decide(GOOD_WEEK, awaitingClearance(Duration.ofDays(14), false))
                        .reviews())
                .as("two weeks exactly is not more than two weeks")
                .isEmpty();
        assertThat(decide(GOOD_WEEK, awaitingClearance(Duration.ofDays(40), true))
                        .reviews())
                .as("asked for in this wait already")
                .isEmpty();
        // Whatever the week decides: with adaptation off too.
        assertThat(decide(GOOD_WEEK, with(awaitingClearance(Duration.ofDays(15), false), false, "off"))
                        .reviews())
                .extracting(WeeklyAdaptation.Review::code)
                .containsExactly(WeeklyAdaptation.CLEARANCE_OVERDUE);
    }
}
