package org.limber.routine.domain.plan;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.limber.events.catalog.Category;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.SafetyTag;
import org.limber.events.catalog.SpinalLoad;
import org.limber.events.member.PrescribedDose;
import org.limber.routine.domain.intake.Condition;
import org.limber.routine.domain.intake.Goal;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.PainDuration;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.intake.Restriction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.limber.routine.domain.plan.TestExercise.exercise;
import static org.limber.routine.domain.plan.TestExercise.reps;
import static org.limber.routine.domain.plan.TestExercise.timed;

/**
 * The plan builder on small made-up catalogs, each plan worked out by hand: which variation of a
 * family is kept, how candidates are ranked and rotated through the week, which dose fits the
 * minutes left, and the reason given for each item. Times: 15 s to get into position, 4 s a
 * repetition plus its hold (or the timed seconds), every set of every side, rest between sets.
 */
class PlanBuilderSmallCatalogTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    static final Rule FLARE = new Rule(
            "flare",
            new Rule.When(null, null, null, 7, null),
            null,
            new Rule.Only(Set.of(SafetyTag.FLARE_SAFE)),
            "only gentle movement while pain is high");
    static final Rule NO_LIFTING = new Rule(
            "no-lifting",
            null,
            new Rule.Exclude(Set.of(SafetyTag.LIFTING), null, null, null),
            null,
            "lifting is left out for now");
    static final Rule NO_FLOOR = new Rule(
            "no-floor",
            new Rule.When(null, null, Set.of(Restriction.FLOOR), null, null),
            new Rule.Exclude(Set.of(SafetyTag.FLOOR_TRANSFER), null, null, null, null, null, Set.of(SafetyTag.ON_BED)),
            null,
            "getting down to the floor is left out");
    static final PlanBuilder BUILDER = new PlanBuilder(List.of(FLARE, NO_LIFTING, NO_FLOOR));

    static final List<ExerciseOption> CATALOG = List.of(
            // Mobility. 15 + 2 sides x 8 x 4 = 79 s; 125 s; 15 + 10 x 4 = 55 s.
            exercise("thread-the-needle", Category.MOBILITY)
                    .level(Level.INTERMEDIATE)
                    .load(SpinalLoad.MODERATE)
                    .unilateral()
                    .dose(reps(1, 8, null, 0))
                    .build(),
            exercise("cat-cow", Category.MOBILITY).build(),
            exercise("knee-rocking", Category.MOBILITY)
                    .dose(reps(1, 10, null, 0))
                    .build(),
            // Core: a family of three (one above the member's level, one linked variation not in the
            // catalog), and dead-bug. 15 + 2 sides x 2 x 8 x (4 + 5) + 30 = 333 s; 15 + 3 x 40 + 2 x 20 = 175 s.
            exercise("quadruped-arm-lift", Category.CORE_STABILITY)
                    .harder("bird-dog")
                    .build(),
            exercise("bird-dog", Category.CORE_STABILITY)
                    .level(Level.INTERMEDIATE)
                    .unilateral()
                    .dose(reps(2, 8, 5, 30))
                    .easier("quadruped-arm-lift")
                    .harder("bird-dog-crunch", "bird-dog-plank")
                    .build(),
            exercise("bird-dog-crunch", Category.CORE_STABILITY)
                    .level(Level.ADVANCED)
                    .easier("bird-dog")
                    .build(),
            exercise("dead-bug", Category.CORE_STABILITY)
                    .dose(reps(3, 10, null, 20))
                    .build(),
            // Strengthening: a family of three intermediate squats, the goblet one hardest on the
            // spine. Squat: 15 + 3 x 12 x 4 + 2 x 45 = 249 s, at its smallest 1 x 8: 15 + 32 = 47 s.
            exercise("squat", Category.STRENGTHENING)
                    .level(Level.INTERMEDIATE)
                    .load(SpinalLoad.MODERATE)
                    .equipment(Equipment.NONE)
                    .dose(new Dose(3, 12, null, null, 45, new Dose.Range(1, 3), new Dose.Range(8, 12), null, null))
                    .harder("goblet-squat")
                    .build(),
            exercise("goblet-squat", Category.STRENGTHENING)
                    .level(Level.INTERMEDIATE)
                    .load(SpinalLoad.HIGH)
                    .easier("squat")
                    .harder("sumo-squat")
                    .build(),
            exercise("sumo-squat", Category.STRENGTHENING)
                    .level(Level.INTERMEDIATE)
                    .load(SpinalLoad.MODERATE)
                    .easier("goblet-squat")
                    .build(),
            exercise("glute-bridge", Category.STRENGTHENING).build(),
            exercise("kettlebell-deadlift", Category.STRENGTHENING)
                    .level(Level.INTERMEDIATE)
                    .equipment(Equipment.LIGHT_WEIGHTS)
                    .tags(SafetyTag.LIFTING)
                    .build(),
            // 15 + 60 = 75 s
            exercise("belly-breathing", Category.BREATHING)
                    .dose(timed(1, 60, 0))
                    .build(),
            exercise("foam-roll-back", Category.SOFT_TISSUE_RELEASE)
                    .equipment(Equipment.TOWEL, Equipment.FOAM_ROLLER)
                    .build());

    static Intake intake(
            int painNow,
            PainDuration duration,
            Set<Goal> goals,
            Set<Equipment> equipment,
            Set<Restriction> cannot,
            int minutes,
            int perWeek,
            Level level) {
        return new Intake(
                Set.of(Condition.NON_SPECIFIC_LOW_BACK_PAIN),
                painNow,
                4,
                duration,
                null,
                Arrays.stream(RedFlag.values()).collect(Collectors.toMap(f -> f, f -> false)),
                goals,
                equipment,
                cannot,
                minutes,
                perWeek,
                level);
    }

    static PlanProposal.Item item(String slug, Category category, PrescribedDose dose, int seconds, String reason) {
        return new PlanProposal.Item(slug, 1, TestExercise.name(slug), category, dose, seconds, reason, false, false);
    }

    static PrescribedDose dose(int sets, Integer reps, Integer hold, Integer seconds, int rest, boolean perSide) {
        return new PrescribedDose(sets, reps, hold, seconds, rest, perSide);
    }

    @Test
    void aKnownIntakesExactPlan() {
        // An intermediate member with a mat, 10 minutes (600 s) twice a week, who wants to reduce pain
        // and lift safely. Ranking (not gentle: pain 3 for over 12 weeks), within each category:
        // mobility thread-the-needle (level fits), then cat-cow and knee-rocking by slug; core
        // bird-dog (the hardest of its family allowed, level fits), dead-bug; strengthening squat (of
        // its family the gentlest on the spine, then by slug; level fits), glute-bridge.
        PlanProposal plan = BUILDER.build(
                intake(
                        3,
                        PainDuration.OVER_12_WEEKS,
                        Set.of(Goal.LIFT_SAFELY, Goal.REDUCE_PAIN),
                        Set.of(Equipment.MAT),
                        Set.of(),
                        10,
                        2,
                        Level.INTERMEDIATE),
                CATALOG,
                TODAY);

        String mobility = "Chosen to loosen up and move your spine gently, which serves your goal to reduce pain.";
        String core = "Chosen for core stability, to support your spine.";
        String strength =
                "Chosen to strengthen the muscles that carry your back, which serves your goal to lift safely";
        String breathing =
                "Chosen to relax and settle tension with calm breathing, which serves your goal to reduce pain.";
        PlanProposal.Item shortSquat = item(
                "squat",
                Category.STRENGTHENING,
                dose(1, 8, null, null, 45, false),
                47,
                strength + "; a shorter dose so the session fits your time; lifting is left out for now.");
        PlanProposal.Item breathe =
                item("belly-breathing", Category.BREATHING, dose(1, null, null, 60, 0, false), 75, breathing);
        // Session 1: mobility 79 (521 s left), core 333 (188), the squat only at its smallest, 47
        // (141), breathing 75 (66); then no second core or strengthening exercise fits, and of the
        // mobility ones, starting one further along, cat-cow (125) does not and knee-rocking (55) does.
        PlanProposal.Session first = new PlanProposal.Session(
                1,
                List.of(
                        item("thread-the-needle", Category.MOBILITY, dose(1, 8, null, null, 0, true), 79, mobility),
                        item("bird-dog", Category.CORE_STABILITY, dose(2, 8, 5, null, 30, true), 333, core),
                        shortSquat,
                        breathe,
                        item("knee-rocking", Category.MOBILITY, dose(1, 10, null, null, 0, false), 55, mobility)),
                589);
        // Session 2 starts each category one further along: cat-cow 125 (475 left), dead-bug 175
        // (300), glute-bridge 125 (175), breathing 75 (100); the second strengthening slot comes back
        // round to the squat, at its smallest (53 left); no mobility exercise is that short.
        PlanProposal.Session second = new PlanProposal.Session(
                2,
                List.of(
                        item("cat-cow", Category.MOBILITY, dose(2, 10, null, null, 30, false), 125, mobility),
                        item("dead-bug", Category.CORE_STABILITY, dose(3, 10, null, null, 20, false), 175, core),
                        item(
                                "glute-bridge",
                                Category.STRENGTHENING,
                                dose(2, 10, null, null, 30, false),
                                125,
                                strength + "; lifting is left out for now."),
                        breathe,
                        shortSquat),
                547);
        assertThat(plan)
                .isEqualTo(new PlanProposal(
                        List.of(first, second),
                        List.of(
                                new PlanProposal.Exclusion(
                                        "bird-dog-crunch",
                                        "Bird dog crunch",
                                        "it is above your current level (intermediate)"),
                                new PlanProposal.Exclusion(
                                        "foam-roll-back",
                                        "Foam roll back",
                                        "it needs towel and foam roller, which you do not have at hand"),
                                new PlanProposal.Exclusion(
                                        "kettlebell-deadlift", "Kettlebell deadlift", "lifting is left out for now")),
                        List.of("Lifting is left out for now.")));
    }

    @Test
    void aFlarePlanIsGentleMovementOnlyOnABedWhenTheFloorIsOutOfReach() {
        List<ExerciseOption> catalog = List.of(
                // On a bed the mat is not needed. 125 s.
                exercise("pelvic-tilt", Category.MOBILITY)
                        .tags(SafetyTag.FLARE_SAFE, SafetyTag.FLOOR_TRANSFER, SafetyTag.ON_BED)
                        .build(),
                exercise("seated-march", Category.MOBILITY)
                        .equipment(Equipment.CHAIR)
                        .tags(SafetyTag.FLARE_SAFE)
                        .build(),
                exercise("cat-cow", Category.MOBILITY).equipment(Equipment.NONE).build(),
                exercise("childs-pose", Category.STRETCH)
                        .tags(SafetyTag.FLARE_SAFE, SafetyTag.FLOOR_TRANSFER)
                        .build(),
                exercise("towel-stretch", Category.STRETCH)
                        .equipment(Equipment.TOWEL)
                        .tags(SafetyTag.FLARE_SAFE)
                        .build(),
                exercise("plank", Category.CORE_STABILITY).build(),
                exercise("belly-breathing", Category.BREATHING)
                        .equipment()
                        .tags(SafetyTag.FLARE_SAFE)
                        .dose(timed(1, 60, 0))
                        .build(),
                // 15 + 300 = 315 s; at its smallest 15 + 120 = 135 s.
                exercise("walking", Category.AEROBIC)
                        .equipment(Equipment.NONE)
                        .tags(SafetyTag.FLARE_SAFE)
                        .dose(new Dose(1, null, null, 300, 0, null, null, null, new Dose.Range(120, 600)))
                        .build());
        Intake intake = intake(
                8,
                PainDuration.OVER_12_WEEKS,
                Set.of(Goal.REDUCE_PAIN),
                Set.of(Equipment.CHAIR),
                Set.of(Restriction.FLOOR),
                10,
                1,
                Level.BEGINNER);
        assertThat(BUILDER.flare(intake, TODAY)).isTrue();

        String gentle = "Gentle movement while your pain is high: chosen ";
        String mobility = gentle + "to loosen up and move your spine gently, which serves your goal to reduce pain";
        // Flare slots: mobility 125 (475 left), breathing 75 (400), no stretch left, the second
        // mobility 125 (275), walking only at its smallest, 135 (140 left).
        assertThat(BUILDER.build(intake, catalog, TODAY))
                .isEqualTo(new PlanProposal(
                        List.of(new PlanProposal.Session(
                                1,
                                List.of(
                                        item(
                                                "pelvic-tilt",
                                                Category.MOBILITY,
                                                dose(2, 10, null, null, 30, false),
                                                125,
                                                mobility
                                                        + "; do it lying on a firm bed, no need to get down to the floor;"
                                                        + " only gentle movement while pain is high."),
                                        item(
                                                "belly-breathing",
                                                Category.BREATHING,
                                                dose(1, null, null, 60, 0, false),
                                                75,
                                                gentle + "to relax and settle tension with calm breathing, which serves"
                                                        + " your goal to reduce pain."),
                                        item(
                                                "seated-march",
                                                Category.MOBILITY,
                                                dose(2, 10, null, null, 30, false),
                                                125,
                                                mobility + "; only gentle movement while pain is high."),
                                        item(
                                                "walking",
                                                Category.AEROBIC,
                                                dose(1, null, null, 120, 0, false),
                                                135,
                                                gentle + "for gentle aerobic activity, which helps back pain settle;"
                                                        + " a shorter dose so the session fits your time.")),
                                460)),
                        List.of(
                                new PlanProposal.Exclusion(
                                        "cat-cow", "Cat cow", "only gentle movement while pain is high"),
                                new PlanProposal.Exclusion(
                                        "childs-pose", "Childs pose", "getting down to the floor is left out"),
                                new PlanProposal.Exclusion("plank", "Plank", "only gentle movement while pain is high"),
                                new PlanProposal.Exclusion(
                                        "towel-stretch",
                                        "Towel stretch",
                                        "it needs towel, which you do not have at hand")),
                        List.of(
                                "Only gentle movement while pain is high.",
                                "Lifting is left out for now.",
                                "Getting down to the floor is left out.")));

        // Once a plan exists its own flare state decides, whatever pain the intake reported.
        PlanProposal usual = BUILDER.build(intake, catalog, TODAY, false);
        assertThat(usual.sessions().get(0).items().get(0).slug()).isEqualTo("cat-cow");
        assertThat(usual.sessions().get(0).items().get(0).reason()).startsWith("Chosen to loosen up");
        assertThat(BUILDER.flare(
                        intake(
                                6,
                                PainDuration.OVER_12_WEEKS,
                                Set.of(Goal.REDUCE_PAIN),
                                Set.of(),
                                Set.of(),
                                10,
                                1,
                                Level.BEGINNER),
                        TODAY))
                .isFalse();
    }

    /**
     * Three mobility exercises for an intermediate member whose goals are not about mobility: high
     * load (level fits, +1), low load (beginner) and moderate load (beginner). When pain is 5 or
     * more, or began under 6 weeks ago, low load scores 2 more and high load 2 less. Session n
     * starts n - 1 places along the ranking, so the first items of three sessions spell it out.
     */
    @ParameterizedTest(name = "pain {0} for {1}: {2}")
    @CsvSource({
        "5, OVER_12_WEEKS, low-load moderate-load high-load",
        "4, OVER_12_WEEKS, high-load low-load moderate-load",
        "4, UNDER_6_WEEKS, low-load moderate-load high-load",
        "4, WEEKS_6_TO_12, high-load low-load moderate-load"
    })
    void highOrRecentPainRanksTheGentlestFirst(int pain, PainDuration duration, String ranking) {
        List<ExerciseOption> catalog = List.of(
                exercise("high-load", Category.MOBILITY)
                        .level(Level.INTERMEDIATE)
                        .load(SpinalLoad.HIGH)
                        .build(),
                exercise("low-load", Category.MOBILITY).load(SpinalLoad.LOW).build(),
                exercise("moderate-load", Category.MOBILITY)
                        .load(SpinalLoad.MODERATE)
                        .build());
        PlanProposal plan = new PlanBuilder(List.of())
                .build(
                        intake(
                                pain,
                                duration,
                                Set.of(Goal.PREVENT_RECURRENCE),
                                Set.of(Equipment.MAT),
                                Set.of(),
                                5,
                                3,
                                Level.INTERMEDIATE),
                        catalog,
                        TODAY);
        assertThat(plan.sessions().stream().map(s -> s.items().get(0).slug()).collect(Collectors.joining(" ")))
                .isEqualTo(ranking);
    }

    @Test
    void theDefaultDoseWhenItFitsElseTheSmallestElseNothing() {
        ExerciseOption squat = CATALOG.stream()
                .filter(e -> e.slug().equals("squat"))
                .findFirst()
                .orElseThrow();
        Dose smallest = new Dose(1, 8, null, null, 45, new Dose.Range(1, 3), new Dose.Range(8, 12), null, null);
        assertThat(PlanBuilder.fit(squat, 249)).contains(squat.dose());
        assertThat(PlanBuilder.fit(squat, 248)).contains(smallest);
        assertThat(PlanBuilder.fit(squat, 47)).contains(smallest);
        assertThat(PlanBuilder.fit(squat, 46)).isEqualTo(Optional.empty());
    }

    @Test
    void aFamilyIsNamedByTheSmallestSlugOfItsLinkedVariations() {
        List<ExerciseOption> all = List.of(
                exercise("squat", Category.STRENGTHENING).harder("goblet-squat").build(),
                exercise("sumo-squat", Category.STRENGTHENING)
                        .easier("goblet-squat")
                        .build(),
                exercise("goblet-squat", Category.STRENGTHENING)
                        .harder("sumo-squat")
                        .build(),
                exercise("wall-sit", Category.STRENGTHENING).easier("air-chair").build(),
                exercise("plank", Category.CORE_STABILITY).build());
        assertThat(ExerciseFamilies.of(all))
                .isEqualTo(Map.of(
                        "squat", "goblet-squat",
                        "sumo-squat", "goblet-squat",
                        "goblet-squat", "goblet-squat",
                        "wall-sit", "wall-sit",
                        "plank", "plank"));
    }
}
