package org.limber.routine.domain.adapt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.SafetyTag;
import org.limber.events.catalog.SpinalLoad;
import org.limber.events.member.ProgressAssessed;
import org.limber.routine.domain.adapt.ProgressionRules.Action;
import org.limber.routine.domain.intake.Condition;
import org.limber.routine.domain.intake.Goal;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.PainDuration;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.plan.Dose;
import org.limber.routine.domain.plan.Eligibility;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.PlanChange;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.domain.plan.Rule;
import org.limber.routine.domain.plan.TimeEstimate;

import static org.assertj.core.api.Assertions.assertThat;

/** The progression rules and the stepping of exercises, case by case, on a small catalog made for it. */
class AdaptationTest {

    static final ProgressionRules RULES = ProgressionRules.load();

    // A plank family: knee plank -> forearm plank (arches the back under load) -> plank with reach.
    static final ExerciseOption KNEE_PLANK = option(
            "knee-plank",
            "Knee plank",
            Category.CORE_STABILITY,
            Level.BEGINNER,
            Set.of(),
            timed(20, 15, 45),
            List.of(),
            List.of("forearm-plank"));
    static final ExerciseOption FOREARM_PLANK = option(
            "forearm-plank",
            "Forearm plank",
            Category.CORE_STABILITY,
            Level.INTERMEDIATE,
            Set.of(SafetyTag.LOADED_EXTENSION),
            timed(30, 20, 60),
            List.of("knee-plank"),
            List.of("plank-reach"));
    static final ExerciseOption PLANK_REACH = option(
            "plank-reach",
            "Plank with reach",
            Category.CORE_STABILITY,
            Level.ADVANCED,
            Set.of(),
            timed(30, 20, 60),
            List.of("forearm-plank"),
            List.of());
    static final ExerciseOption BRIDGE = option(
            "bridge",
            "Bridge",
            Category.STRENGTHENING,
            Level.BEGINNER,
            Set.of(),
            new Dose(2, 10, null, null, 30, new Dose.Range(1, 3), new Dose.Range(8, 12), null, null),
            List.of(),
            List.of());
    static final ExerciseOption CAT_COW = option(
            "cat-cow",
            "Cat-cow",
            Category.MOBILITY,
            Level.BEGINNER,
            Set.of(),
            new Dose(1, 8, null, null, 15, null, new Dose.Range(6, 10), null, null),
            List.of(),
            List.of());
    static final Map<String, ExerciseOption> CATALOG =
            List.of(KNEE_PLANK, FOREARM_PLANK, PLANK_REACH, BRIDGE, CAT_COW).stream()
                    .collect(Collectors.toMap(ExerciseOption::slug, Function.identity()));

    static final Rule NO_LOADED_EXTENSION = new Rule(
            "no-loaded-extension",
            null,
            new Rule.Exclude(Set.of(SafetyTag.LOADED_EXTENSION), null, null, null),
            null,
            "arching under load is left out");
    static final Intake INTAKE = new Intake(
            Set.of(Condition.NON_SPECIFIC_LOW_BACK_PAIN),
            4,
            5,
            PainDuration.OVER_12_WEEKS,
            null,
            Arrays.stream(RedFlag.values()).collect(Collectors.toMap(f -> f, f -> false)),
            Set.of(Goal.REDUCE_PAIN),
            Set.of(Equipment.MAT),
            Set.of(),
            15,
            3,
            Level.BEGINNER);
    static final Eligibility EVERYTHING = new Eligibility(INTAKE, List.of(), LocalDate.of(2026, 3, 2));
    static final Eligibility NO_EXTENSION =
            new Eligibility(INTAKE, List.of(NO_LOADED_EXTENSION), LocalDate.of(2026, 3, 2));

    static Dose timed(int seconds, int min, int max) {
        return new Dose(2, null, null, seconds, 30, new Dose.Range(1, 3), null, null, new Dose.Range(min, max));
    }

    static ExerciseOption option(
            String slug,
            String name,
            Category category,
            Level level,
            Set<SafetyTag> tags,
            Dose dose,
            List<String> easier,
            List<String> harder) {
        return new ExerciseOption(
                slug,
                1,
                name,
                category,
                Position.PRONE,
                Set.of(Equipment.MAT),
                level,
                false,
                Direction.NEUTRAL,
                level == Level.ADVANCED ? SpinalLoad.MODERATE : SpinalLoad.LOW,
                tags,
                dose,
                easier,
                harder);
    }

    static PlanProposal.Item item(ExerciseOption e, boolean locked) {
        var dose = e.dose().prescribed(false);
        return new PlanProposal.Item(
                e.slug(), 1, e.name(), e.category(), dose, TimeEstimate.seconds(dose), "why", false, locked);
    }

    static PlanProposal plan(PlanProposal.Item... items) {
        List<PlanProposal.Item> list = List.of(items);
        return new PlanProposal(
                List.of(new PlanProposal.Session(1, list, 0), new PlanProposal.Session(2, list, 0)),
                List.of(),
                List.of());
    }

    static ProgressAssessed assessed(
            int adherence,
            String trend,
            Integer latestPain,
            Integer worstDuring,
            double meanPain,
            ProgressAssessed.Effort effort,
            List<ProgressAssessed.Skip> skipped,
            List<String> redFlags) {
        UUID id = UUID.randomUUID();
        return new ProgressAssessed(
                id,
                Instant.EPOCH,
                1,
                "m",
                id,
                3,
                LocalDate.of(2026, 3, 2),
                "WEEK_COMPLETED",
                List.of(),
                5,
                3,
                3,
                adherence,
                trend,
                meanPain,
                latestPain,
                worstDuring,
                effort,
                skipped,
                redFlags);
    }

    static final ProgressAssessed GOOD_WEEK =
            assessed(100, "FALLING", 3, 2, 3.3, new ProgressAssessed.Effort(1, 2, 0), List.of(), List.of());

    /** When the weeks of these tests are assessed: the end of the week of 2 March 2026. */
    static final Instant AT = Instant.parse("2026-03-08T18:00:00Z");

    /** Two sessions of the week, on two days, pain 3 before and 2 during (settled), after 3 (not rising). */
    static final List<WeekFacts.Session> SETTLED_ON_TWO_DAYS = List.of(
            new WeekFacts.Session(Instant.parse("2026-03-03T08:00:00Z"), 3, 2, 3),
            new WeekFacts.Session(Instant.parse("2026-03-05T08:00:00Z"), 3, 2, 3));

    /** The facts of {@code week} on a plan version in force for two weeks, its sessions settled on two days. */
    static WeekFacts facts(ProgressAssessed week, ProgressAssessed previous, boolean inFlare) {
        return WeekFacts.of(
                week,
                previous,
                previous == null ? null : previous.meanPain(),
                RULES,
                new WeekFacts.PlanInForce(inFlare, false, AT.minus(Duration.ofDays(14)), false),
                SETTLED_ON_TWO_DAYS,
                AT);
    }

    static Progression.Verdict verdict(ProgressAssessed week, ProgressAssessed previous, boolean inFlare) {
        return Progression.decide(RULES, facts(week, previous, inFlare));
    }

    static Map<String, PlanChange> bySlug(Adaptation.Result result) {
        return result.changes().stream().collect(Collectors.toMap(PlanChange::slug, Function.identity()));
    }

    @Test
    void aWeekDoneAsPlannedFeelingFineWithPainFallingProgressesOneStepAlongTheHarderLink() {
        Progression.Verdict verdict = verdict(GOOD_WEEK, null, false);
        assertThat(verdict.action()).isEqualTo(Action.PROGRESS);
        assertThat(verdict.rule().id()).isEqualTo("week-done-well");
        assertThat(verdict.reason())
                .isEqualTo("the week was done as planned, sessions felt just right and pain is falling");

        Adaptation.Result result = Adaptation.step(
                plan(item(KNEE_PLANK, false), item(CAT_COW, false)), verdict, CATALOG, EVERYTHING, 1, 3600);
        PlanChange change = result.changes().get(0);
        assertThat(change.kind()).isEqualTo(PlanChange.ChangeType.HARDER_VARIATION);
        assertThat(change.to().slug()).isEqualTo("forearm-plank");
        assertThat(change.reason())
                .isEqualTo(
                        "Knee plank moved to Forearm plank: the week was done as planned, sessions felt just right and pain is falling");
        // The family moves in every session, and the item says why.
        assertThat(result.plan().sessions())
                .allSatisfy(s -> assertThat(s.items().get(0).slug()).isEqualTo("forearm-plank"));
        assertThat(result.plan().sessions().get(1).items().get(0).reason()).isEqualTo(change.reason());
    }

    @Test
    void anExcludedHarderVariationIsPassedOverForTheNextAllowedOne() {
        Adaptation.Result result = Adaptation.step(
                plan(item(KNEE_PLANK, false)), verdict(GOOD_WEEK, null, false), CATALOG, NO_EXTENSION, 2, 3600);
        assertThat(result.changes())
                .singleElement()
                .satisfies(c -> assertThat(c.to().slug()).isEqualTo("plank-reach"));
    }

    @Test
    void withoutAHarderVariationTheDoseRisesWithinItsRangeAndStopsAtItsTop() {
        PlanProposal plan = plan(item(BRIDGE, false));
        Adaptation.Result up = Adaptation.step(plan, verdict(GOOD_WEEK, null, false), CATALOG, EVERYTHING, 2, 3600);
        PlanChange change = up.changes().get(0);
        assertThat(change.kind()).isEqualTo(PlanChange.ChangeType.MORE_DOSE);
        assertThat(change.to().dose().reps()).isEqualTo(12);
        assertThat(change.reason()).startsWith("Bridge: 2 x 12 instead of 2 x 10: ");
        Adaptation.Result again =
                Adaptation.step(up.plan(), verdict(GOOD_WEEK, null, false), CATALOG, EVERYTHING, 2, 3600);
        assertThat(again.changes().get(0).to().dose().sets())
                .as("reps at the top of 8-12: a set more")
                .isEqualTo(3);
        Adaptation.Result top =
                Adaptation.step(again.plan(), verdict(GOOD_WEEK, null, false), CATALOG, EVERYTHING, 2, 3600);
        assertThat(top.changes()).as("nothing is left to raise").isEmpty();
    }

    @Test
    void neverMoreThanTheWeeklyNumberOfChanges() {
        Adaptation.Result result = Adaptation.step(
                plan(item(KNEE_PLANK, false), item(BRIDGE, false), item(CAT_COW, false)),
                verdict(GOOD_WEEK, null, false),
                CATALOG,
                EVERYTHING,
                RULES.maxChangesPerWeek(),
                3600);
        assertThat(result.changes()).hasSize(2);
        assertThat(bySlug(result)).containsOnlyKeys("knee-plank", "bridge");
    }

    @Test
    void anExerciseSteppedUpWithinTheIntervalIsNotSteppedUpAgainButMayStepBack() {
        PlanProposal plan = plan(item(FOREARM_PLANK, false), item(BRIDGE, false));
        Adaptation.Result up = Adaptation.step(
                plan, verdict(GOOD_WEEK, null, false), CATALOG, EVERYTHING, 2, 3600, Set.of("forearm-plank"));
        assertThat(bySlug(up)).containsOnlyKeys("bridge");
        ProgressAssessed painful =
                assessed(67, "STABLE", 4, 6, 4.0, new ProgressAssessed.Effort(0, 1, 1), List.of(), List.of());
        Adaptation.Result down = Adaptation.step(
                plan, verdict(painful, null, false), CATALOG, EVERYTHING, 2, 3600, Set.of("forearm-plank"));
        assertThat(bySlug(down)).containsKey("forearm-plank");
    }

    @Test
    void aLockedItemIsNeverTouched() {
        Adaptation.Result result = Adaptation.step(
                plan(item(KNEE_PLANK, true), item(BRIDGE, false)),
                verdict(GOOD_WEEK, null, false),
                CATALOG,
                EVERYTHING,
                2,
                3600);
        assertThat(bySlug(result)).containsOnlyKeys("bridge");
        assertThat(result.plan().sessions().get(0).items().get(0)).isEqualTo(item(KNEE_PLANK, true));
    }

    @Test
    void painDuringASessionAboveFiveStepsTheMostDemandingExerciseBack() {
        ProgressAssessed painful =
                assessed(67, "STABLE", 4, 6, 4.0, new ProgressAssessed.Effort(0, 1, 1), List.of(), List.of());
        Progression.Verdict verdict = verdict(painful, null, false);
        assertThat(verdict.action()).isEqualTo(Action.REGRESS);
        assertThat(verdict.reason())
                .isEqualTo("pain during a session reached 6, more than the 5 exercise should stay within");
        Adaptation.Result result = Adaptation.step(
                plan(item(BRIDGE, false), item(PLANK_REACH, false)), verdict, CATALOG, NO_EXTENSION, 1, 3600);
        PlanChange change = result.changes().get(0);
        assertThat(change.slug()).isEqualTo("plank-reach");
        assertThat(change.kind()).isEqualTo(PlanChange.ChangeType.EASIER_VARIATION);
        assertThat(change.to().slug())
                .as("forearm plank is excluded for this member")
                .isEqualTo("knee-plank");
    }

    @Test
    void painUpTwoOverBaselineRegresses() {
        ProgressAssessed worse =
                assessed(100, "RISING", 7 - 1, 4, 7.0, new ProgressAssessed.Effort(0, 3, 0), List.of(), List.of());
        assertThat(verdict(worse, null, false).rule().id()).isEqualTo("pain-above-baseline");
        Adaptation.Result result =
                Adaptation.step(plan(item(BRIDGE, false)), verdict(worse, null, false), CATALOG, EVERYTHING, 2, 3600);
        assertThat(result.changes().get(0).kind()).isEqualTo(PlanChange.ChangeType.LESS_DOSE);
        assertThat(result.changes().get(0).to().dose().reps()).isEqualTo(8);
    }

    @Test
    void anExerciseSkippedForPainTwiceStepsBackAloneWithItsOwnReason() {
        ProgressAssessed skipped = assessed(
                100,
                "STABLE",
                3,
                3,
                3.0,
                new ProgressAssessed.Effort(0, 3, 0),
                List.of(
                        new ProgressAssessed.Skip("forearm-plank", "PAIN", 2),
                        new ProgressAssessed.Skip("bridge", "NO_TIME", 3)),
                List.of());
        Progression.Verdict verdict = verdict(skipped, null, false);
        assertThat(verdict.action()).isEqualTo(Action.REGRESS_SKIPPED);
        assertThat(verdict.items()).containsOnlyKeys("forearm-plank");
        Adaptation.Result result = Adaptation.step(
                plan(item(FOREARM_PLANK, false), item(BRIDGE, false)), verdict, CATALOG, EVERYTHING, 2, 3600);
        assertThat(result.changes()).singleElement().satisfies(c -> {
            assertThat(c.to().slug()).isEqualTo("knee-plank");
            assertThat(c.reason())
                    .isEqualTo("Forearm plank moved to Knee plank: you skipped it for pain 2 times this week");
        });
    }

    @Test
    void anExerciseSkippedAsTooHardTwiceStepsBack() {
        ProgressAssessed skipped = assessed(
                100,
                "STABLE",
                3,
                3,
                3.0,
                new ProgressAssessed.Effort(0, 3, 0),
                List.of(new ProgressAssessed.Skip("forearm-plank", "TOO_HARD", 2)),
                List.of());
        assertThat(verdict(skipped, null, false).rule().id()).isEqualTo("skipped-too-hard");
    }

    @Test
    void otherwiseThePlanHolds() {
        ProgressAssessed halfDone =
                assessed(67, "FALLING", 3, 3, 3.0, new ProgressAssessed.Effort(0, 2, 0), List.of(), List.of());
        assertThat(verdict(halfDone, null, false).action()).isEqualTo(Action.HOLD);
        ProgressAssessed tooHard =
                assessed(100, "FALLING", 3, 3, 3.0, new ProgressAssessed.Effort(1, 1, 1), List.of(), List.of());
        assertThat(verdict(tooHard, null, false).action())
                .as("a session felt too hard")
                .isEqualTo(Action.HOLD);
        ProgressAssessed rising =
                assessed(100, "RISING", 4, 3, 4.0, new ProgressAssessed.Effort(0, 3, 0), List.of(), List.of());
        assertThat(verdict(rising, null, false).action()).isEqualTo(Action.HOLD);
    }

    @Test
    void tooEasyForTwoWeeksStepsUpOnlyWhenTheWeekWasDoneAsPrescribed() {
        ProgressAssessed easy =
                assessed(100, "STABLE", 3, 1, 3.0, new ProgressAssessed.Effort(2, 0, 0), List.of(), List.of());
        Progression.Verdict second = verdict(easy, easy, false);
        assertThat(second.action()).isEqualTo(Action.PROGRESS);
        ProgressAssessed easyButPartly =
                assessed(67, "STABLE", 3, 1, 3.0, new ProgressAssessed.Effort(2, 0, 0), List.of(), List.of());
        assertThat(verdict(easyButPartly, null, false).action()).as("one week").isEqualTo(Action.HOLD);
        assertThat(verdict(easyButPartly, easyButPartly, false).action())
                .as("two weeks at 67%")
                .isEqualTo(Action.HOLD);
    }

    @Test
    void painOfSevenSwitchesToTheFlareSetWhichStaysUntilPainSettles() {
        ProgressAssessed flare =
                assessed(67, "RISING", 7, 5, 6.5, new ProgressAssessed.Effort(0, 1, 1), List.of(), List.of());
        Progression.Verdict verdict = verdict(flare, null, false);
        assertThat(verdict.action()).isEqualTo(Action.FLARE);
        assertThat(verdict.reason()).isEqualTo("pain reached 7, so your plan is gentle movement only until it settles");
        ProgressAssessed stillSore =
                assessed(100, "FALLING", 6, 6, 6.0, new ProgressAssessed.Effort(0, 3, 0), List.of(), List.of());
        assertThat(verdict(stillSore, flare, true).rule().id()).isEqualTo("flare-continues");
        ProgressAssessed settled =
                assessed(100, "FALLING", 4, 3, 4.0, new ProgressAssessed.Effort(0, 3, 0), List.of(), List.of());
        assertThat(verdict(settled, stillSore, true).action()).isEqualTo(Action.END_FLARE);
    }

    @Test
    void aRedFlagStopsAdaptationWhateverElseHappened() {
        ProgressAssessed redFlag = assessed(
                100, "FALLING", 3, 2, 3.0, new ProgressAssessed.Effort(3, 0, 0), List.of(), List.of("SADDLE_NUMBNESS"));
        Progression.Verdict verdict = verdict(redFlag, null, false);
        assertThat(verdict.action()).isEqualTo(Action.STOP);
    }

    @Test
    void theRulesFileEndsWithARuleThatAlwaysHolds() {
        assertThat(RULES.rules().get(RULES.rules().size() - 1).when()).isNull();
        assertThat(RULES.maxChangesPerWeek()).isBetween(1, 3);
    }
}
