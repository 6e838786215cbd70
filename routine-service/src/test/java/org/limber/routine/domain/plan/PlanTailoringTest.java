package org.limber.routine.domain.plan;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.limber.common.problem.Problem.FieldProblem;
import org.limber.events.catalog.Category;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.member.PrescribedDose;
import org.limber.routine.domain.intake.Condition;
import org.limber.routine.domain.intake.Goal;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.PainDuration;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.plan.PlanTailoring.Change;
import org.limber.routine.domain.plan.PlanTailoring.ChangeType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.limber.routine.domain.plan.TestExercise.exercise;
import static org.limber.routine.domain.plan.TestExercise.reps;
import static org.limber.routine.domain.plan.TestExercise.timed;

/**
 * A clinician's changes to a small two-session plan, and the catalog retiring exercises from it,
 * each checked against the whole next version worked out by hand. Times are 15 s to get into
 * position, 4 s a repetition plus its hold, for every set of every side, and the rest between sets.
 */
class PlanTailoringTest {

    // 15 + 2 x 10 x 4 + 1 x 30 = 125 s
    static final ExerciseOption CAT_COW =
            exercise("cat-cow", Category.MOBILITY).version(3).build();
    // 15 + 2 sides x 2 x 8 x (4 + 5) + 1 x 30 = 333 s
    static final ExerciseOption BIRD_DOG = exercise("bird-dog", Category.CORE_STABILITY)
            .version(2)
            .unilateral()
            .dose(reps(2, 8, 5, 30))
            .build();
    // 15 + 3 x 10 x 4 + 2 x 20 = 175 s
    static final ExerciseOption DEAD_BUG = exercise("dead-bug", Category.CORE_STABILITY)
            .dose(reps(3, 10, null, 20))
            .build();
    // 125 s, as cat-cow
    static final ExerciseOption HEEL_SLIDE =
            exercise("heel-slide", Category.CORE_STABILITY).build();
    static final ExerciseOption ABDOMINAL_BRACE = exercise("abdominal-brace", Category.CORE_STABILITY)
            .level(Level.INTERMEDIATE)
            .dose(timed(3, 20, 15))
            .build();
    /** Needs a foam roller, which the member does not have. */
    static final ExerciseOption BALL_CRUNCH = exercise("ball-crunch", Category.CORE_STABILITY)
            .equipment(Equipment.FOAM_ROLLER)
            .build();
    /** Above the member's level. 15 + 2 sides x 2 x 30 + 1 x 30 = 165 s. */
    static final ExerciseOption SIDE_PLANK = exercise("side-plank", Category.CORE_STABILITY)
            .version(4)
            .level(Level.ADVANCED)
            .unilateral()
            .dose(timed(2, 30, 30))
            .build();

    static final ExerciseOption ARM_CIRCLES =
            exercise("arm-circles", Category.MOBILITY).build();
    // 15 + 1 x 60 = 75 s
    static final ExerciseOption BELLY_BREATHING = exercise("belly-breathing", Category.BREATHING)
            .dose(timed(1, 60, 0))
            .build();

    static final Map<String, ExerciseOption> PUBLISHED = published(
            CAT_COW,
            BIRD_DOG,
            DEAD_BUG,
            HEEL_SLIDE,
            ABDOMINAL_BRACE,
            BALL_CRUNCH,
            SIDE_PLANK,
            ARM_CIRCLES,
            BELLY_BREATHING);

    static final Intake MEMBER = new Intake(
            Set.of(Condition.NON_SPECIFIC_LOW_BACK_PAIN),
            3,
            4,
            PainDuration.OVER_12_WEEKS,
            null,
            Arrays.stream(RedFlag.values()).collect(Collectors.toMap(f -> f, f -> false)),
            Set.of(Goal.REDUCE_PAIN),
            Set.of(Equipment.MAT),
            Set.of(),
            20,
            2,
            Level.INTERMEDIATE);
    static final Eligibility ELIGIBILITY = new Eligibility(MEMBER, List.of(), LocalDate.of(2026, 11, 21));

    static final PlanProposal.Item CAT_COW_ITEM = item(CAT_COW, 125, "why", false, false);
    static final PlanProposal.Item LOCKED_BIRD_DOG = item(BIRD_DOG, 333, "why", false, true);
    static final PlanProposal.Item BIRD_DOG_ITEM = item(BIRD_DOG, 333, "why", false, false);
    static final PlanProposal.Item DEAD_BUG_ITEM = item(DEAD_BUG, 175, "why", false, false);

    /** Session 1: cat-cow, bird-dog (locked); session 2: cat-cow, dead-bug, bird-dog. */
    static final PlanProposal PLAN = new PlanProposal(
            List.of(
                    new PlanProposal.Session(1, List.of(CAT_COW_ITEM, LOCKED_BIRD_DOG), 458),
                    new PlanProposal.Session(2, List.of(CAT_COW_ITEM, DEAD_BUG_ITEM, BIRD_DOG_ITEM), 633)),
            List.of(new PlanProposal.Exclusion("side-plank", "Side plank", "above level")),
            List.of("A note."));

    static Map<String, ExerciseOption> published(ExerciseOption... exercises) {
        return Stream.of(exercises).collect(Collectors.toMap(ExerciseOption::slug, Function.identity()));
    }

    static PlanProposal.Item item(ExerciseOption e, int seconds, String reason, boolean paused, boolean locked) {
        return item(e, e.dose().prescribed(e.unilateral()), seconds, reason, paused, locked);
    }

    static PlanProposal.Item item(
            ExerciseOption e, PrescribedDose dose, int seconds, String reason, boolean paused, boolean locked) {
        return new PlanProposal.Item(
                e.slug(), e.version(), e.name(), e.category(), dose, seconds, reason, paused, locked);
    }

    static PlanProposal plan(
            List<PlanProposal.Item> first, int firstSeconds, List<PlanProposal.Item> second, int secondSeconds) {
        return new PlanProposal(
                List.of(
                        new PlanProposal.Session(1, first, firstSeconds),
                        new PlanProposal.Session(2, second, secondSeconds)),
                PLAN.excluded(),
                PLAN.notes());
    }

    static PlanTailoring.Result apply(Change... changes) {
        return PlanTailoring.apply(PLAN, List.of(changes), PUBLISHED, ELIGIBILITY, "note", null);
    }

    static Change change(ChangeType type, String slug, Integer session) {
        return new Change(type, slug, session, null, null);
    }

    static PlanChange.ItemState state(PlanProposal.Item item) {
        return new PlanChange.ItemState(item.slug(), item.exerciseVersion(), item.name(), item.dose());
    }

    static PlanTailoring.Result success(PlanProposal plan, List<PlanChange> changes) {
        return new PlanTailoring.Result(plan, changes, List.of(), List.of(), List.of());
    }

    static PlanTailoring.Result failure(FieldProblem... errors) {
        return new PlanTailoring.Result(null, List.of(), List.of(), List.of(), List.of(errors));
    }

    @Test
    void pausingAnExerciseEverywherePausesEveryItemOfItAndRecordsOneChange() {
        PlanProposal.Item paused = item(CAT_COW, 125, "why", true, false);
        // A paused item's time no longer counts: 333 and 175 + 333.
        assertThat(apply(change(ChangeType.PAUSE, "cat-cow", null)))
                .isEqualTo(success(
                        plan(List.of(paused, LOCKED_BIRD_DOG), 333, List.of(paused, DEAD_BUG_ITEM, BIRD_DOG_ITEM), 508),
                        List.of(new PlanChange(
                                PlanChange.ChangeType.PAUSE, "cat-cow", state(CAT_COW_ITEM), state(paused), "note"))));
    }

    @Test
    void aChangeForOneSessionLeavesTheOthersAlone() {
        PlanProposal.Item paused = item(CAT_COW, 125, "why", true, false);
        assertThat(apply(change(ChangeType.PAUSE, "cat-cow", 2)).plan())
                .isEqualTo(plan(
                        List.of(CAT_COW_ITEM, LOCKED_BIRD_DOG),
                        458,
                        List.of(paused, DEAD_BUG_ITEM, BIRD_DOG_ITEM),
                        508));
    }

    @Test
    void resumingLockingAndUnlockingChangeOnlyTheirFlag() {
        PlanProposal pausedPlan =
                apply(change(ChangeType.PAUSE, "dead-bug", null)).plan();
        PlanTailoring.Result resumed = PlanTailoring.apply(
                pausedPlan, List.of(change(ChangeType.RESUME, "dead-bug", 2)), PUBLISHED, ELIGIBILITY, "back", null);
        assertThat(resumed.plan()).isEqualTo(PLAN);
        assertThat(resumed.changes())
                .containsExactly(new PlanChange(
                        PlanChange.ChangeType.RESUME, "dead-bug", state(DEAD_BUG_ITEM), state(DEAD_BUG_ITEM), "back"));

        PlanProposal.Item lockedDeadBug = item(DEAD_BUG, 175, "why", false, true);
        PlanProposal.Item unlockedBirdDog = BIRD_DOG_ITEM;
        assertThat(apply(change(ChangeType.LOCK, "dead-bug", null), change(ChangeType.UNLOCK, "bird-dog", 1)))
                .isEqualTo(success(
                        plan(
                                List.of(CAT_COW_ITEM, unlockedBirdDog),
                                458,
                                List.of(CAT_COW_ITEM, lockedDeadBug, BIRD_DOG_ITEM),
                                633),
                        List.of(
                                new PlanChange(
                                        PlanChange.ChangeType.LOCK,
                                        "dead-bug",
                                        state(DEAD_BUG_ITEM),
                                        state(lockedDeadBug),
                                        "note"),
                                new PlanChange(
                                        PlanChange.ChangeType.UNLOCK,
                                        "bird-dog",
                                        state(LOCKED_BIRD_DOG),
                                        state(unlockedBirdDog),
                                        "note"))));
    }

    @Test
    void aNewDoseIsTimedAgainAndIsPerSideWhenTheExerciseIs() {
        // Asked for 3 x 12, 20 s rest, without saying per side: bird-dog is one-sided, so
        // 15 + 2 sides x 3 x 12 x 4 + 2 x 20 = 343 s.
        PrescribedDose asked = new PrescribedDose(3, 12, null, null, 20, false);
        PrescribedDose given = new PrescribedDose(3, 12, null, null, 20, true);
        PlanProposal.Item locked = item(BIRD_DOG, given, 343, "Dose set by your clinician: note", false, true);
        PlanProposal.Item unlocked = item(BIRD_DOG, given, 343, "Dose set by your clinician: note", false, false);
        assertThat(apply(new Change(ChangeType.DOSE, "bird-dog", null, null, asked)))
                .isEqualTo(success(
                        plan(List.of(CAT_COW_ITEM, locked), 468, List.of(CAT_COW_ITEM, DEAD_BUG_ITEM, unlocked), 643),
                        List.of(new PlanChange(
                                PlanChange.ChangeType.DOSE,
                                "bird-dog",
                                state(LOCKED_BIRD_DOG),
                                state(locked),
                                "note"))));
    }

    @Test
    void theExerciseNotTheOldDoseSaysWhetherANewDoseIsPerSide() {
        // The plan has bird-dog as if done on both sides at once (an older catalog version).
        PlanProposal.Item old = item(BIRD_DOG, BIRD_DOG.dose().prescribed(false), 175, "why", false, false);
        PlanProposal current =
                new PlanProposal(List.of(new PlanProposal.Session(1, List.of(old), 175)), List.of(), List.of());
        PlanTailoring.Result result = PlanTailoring.apply(
                current,
                List.of(new Change(
                        ChangeType.DOSE, "bird-dog", 1, null, new PrescribedDose(1, 10, null, null, 0, false))),
                PUBLISHED,
                ELIGIBILITY,
                "one set",
                null);
        // 15 + 2 sides x 1 x 10 x 4 = 95 s
        assertThat(result.plan().sessions().get(0).items())
                .containsExactly(item(
                        BIRD_DOG,
                        new PrescribedDose(1, 10, null, null, 0, true),
                        95,
                        "Dose set by your clinician: one set",
                        false,
                        false));
    }

    @Test
    void aSwapPutsInTheNewExerciseAtItsDefaultDoseKeepingTheItemsFlags() {
        PlanProposal.Item swapped = item(DEAD_BUG, 175, "Chosen by your clinician: note", false, true);
        assertThat(apply(new Change(ChangeType.SWAP, "bird-dog", 1, "dead-bug", null)))
                .isEqualTo(success(
                        plan(
                                List.of(CAT_COW_ITEM, swapped),
                                300,
                                List.of(CAT_COW_ITEM, DEAD_BUG_ITEM, BIRD_DOG_ITEM),
                                633),
                        List.of(new PlanChange(
                                PlanChange.ChangeType.SWAP,
                                "bird-dog",
                                state(LOCKED_BIRD_DOG),
                                state(swapped),
                                "note"))));
    }

    @Test
    void swappingAnExerciseForItselfResetsItToTheCatalogsDose() {
        PlanProposal.Item shortened = item(BIRD_DOG, BIRD_DOG.dose().prescribed(true), 200, "short", true, false);
        PlanProposal current = new PlanProposal(
                List.of(new PlanProposal.Session(1, List.of(CAT_COW_ITEM, shortened), 125)), List.of(), List.of());
        PlanTailoring.Result result = PlanTailoring.apply(
                current,
                List.of(new Change(ChangeType.SWAP, "bird-dog", null, "bird-dog", null)),
                PUBLISHED,
                ELIGIBILITY,
                "n",
                null);
        assertThat(result.errors()).isEmpty();
        assertThat(result.plan().sessions().get(0).items())
                .containsExactly(CAT_COW_ITEM, item(BIRD_DOG, 333, "Chosen by your clinician: n", true, false));
    }

    @Test
    void aSwapToAnExerciseTheSessionHasAlreadyIsRefused() {
        assertThat(apply(new Change(ChangeType.SWAP, "bird-dog", null, "dead-bug", null)))
                .isEqualTo(failure(new FieldProblem("changes[0].to", "dead-bug is in that session already")));
    }

    @Test
    void aSwapToNothingOrToAnUnpublishedExerciseIsRefused() {
        assertThat(apply(
                        new Change(ChangeType.SWAP, "dead-bug", null, null, null),
                        new Change(ChangeType.SWAP, "dead-bug", null, "moon-walk", null)))
                .isEqualTo(failure(
                        new FieldProblem("changes[0].to", "there is no published exercise null"),
                        new FieldProblem("changes[1].to", "there is no published exercise moon-walk")));
    }

    @Test
    void anExcludedExerciseNeedsAnOverrideWithAReason() {
        FieldProblem refused = new FieldProblem(
                "changes[0].to",
                "side-plank is left out for this member: it is above your current level (intermediate);"
                        + " send an override with a reason to prescribe it anyway");
        Change swap = new Change(ChangeType.SWAP, "bird-dog", null, "side-plank", null);
        assertThat(PlanTailoring.apply(PLAN, List.of(swap), PUBLISHED, ELIGIBILITY, "note", null))
                .isEqualTo(new PlanTailoring.Result(null, List.of(), List.of(), List.of(), List.of(refused, refused)));
        assertThat(PlanTailoring.apply(PLAN, List.of(swap), PUBLISHED, ELIGIBILITY, "note", "  ")
                        .errors())
                .containsExactly(refused, refused);

        PlanTailoring.Result overridden =
                PlanTailoring.apply(PLAN, List.of(swap), PUBLISHED, ELIGIBILITY, "note", "cleared by her physio");
        String reason = "Chosen by your clinician: note (prescribed despite the rule that it is above your current"
                + " level (intermediate): cleared by her physio)";
        PlanProposal.Item lockedPlank = item(SIDE_PLANK, 165, reason, false, true);
        PlanProposal.Item plank = item(SIDE_PLANK, 165, reason, false, false);
        assertThat(overridden)
                .isEqualTo(new PlanTailoring.Result(
                        plan(List.of(CAT_COW_ITEM, lockedPlank), 290, List.of(CAT_COW_ITEM, DEAD_BUG_ITEM, plank), 465),
                        List.of(new PlanChange(
                                PlanChange.ChangeType.SWAP,
                                "bird-dog",
                                state(LOCKED_BIRD_DOG),
                                state(lockedPlank),
                                "note")),
                        List.of("side-plank (it is above your current level (intermediate))"),
                        List.of(),
                        List.of()));
    }

    @Test
    void anOverrideIsNotRecordedForAnExerciseThatNeededNone() {
        PlanTailoring.Result result = PlanTailoring.apply(
                PLAN,
                List.of(new Change(ChangeType.SWAP, "bird-dog", 1, "heel-slide", null)),
                PUBLISHED,
                ELIGIBILITY,
                "note",
                "just in case");
        assertThat(result.overridden()).isEmpty();
        assertThat(result.plan().sessions().get(0).items().get(1).reason()).isEqualTo("Chosen by your clinician: note");
    }

    @Test
    void everyWrongSessionAndSlugIsNamedByItsPlaceInTheRequest() {
        assertThat(apply(
                        change(ChangeType.PAUSE, "cat-cow", 0),
                        change(ChangeType.PAUSE, "cat-cow", 3),
                        change(ChangeType.PAUSE, "moon-walk", null),
                        change(ChangeType.PAUSE, "dead-bug", 1),
                        change(ChangeType.PAUSE, "dead-bug", 2)))
                .isEqualTo(failure(
                        new FieldProblem("changes[0].session", "the plan has sessions 1 to 2"),
                        new FieldProblem("changes[1].session", "the plan has sessions 1 to 2"),
                        new FieldProblem("changes[2].slug", "moon-walk is not in the plan"),
                        new FieldProblem("changes[3].slug", "dead-bug is not in session 1")));
    }

    @Test
    void aWrongDoseIsRefusedWithItsFieldsPlace() {
        assertThat(apply(
                        change(ChangeType.LOCK, "cat-cow", 1),
                        new Change(
                                ChangeType.DOSE,
                                "dead-bug",
                                null,
                                null,
                                new PrescribedDose(0, 10, null, null, 20, false)),
                        new Change(ChangeType.DOSE, "cat-cow", 2, null, null)))
                .isEqualTo(failure(
                        new FieldProblem("changes[1].dose.sets", "must be between 1 and 10"),
                        new FieldProblem("changes[2].dose", "a dose change needs the dose")));
    }

    @Test
    void pausingEveryItemOfASessionIsRefused() {
        assertThat(apply(change(ChangeType.PAUSE, "cat-cow", 1), change(ChangeType.PAUSE, "bird-dog", 1)))
                .isEqualTo(failure(new FieldProblem(
                        "changes", "session 1 would have no exercise to do; swap or resume one instead")));
    }

    @Test
    void retiredExercisesAreReplacedByTheEasiestEligibleOneOfTheirCategoryOrRemoved() {
        // bird-dog and belly-breathing are retired. Of the core exercises still published, ball-crunch
        // needs a foam roller, side-plank is above the member's level, abdominal-brace is intermediate:
        // the beginner ones come first, by slug: dead-bug, then heel-slide where dead-bug is already in.
        // Nothing else is breathing, so belly-breathing goes.
        Map<String, ExerciseOption> stillPublished =
                published(CAT_COW, DEAD_BUG, HEEL_SLIDE, ABDOMINAL_BRACE, BALL_CRUNCH, SIDE_PLANK, ARM_CIRCLES);
        PlanProposal.Item breathing = item(BELLY_BREATHING, 75, "why", false, false);
        PlanProposal current = plan(
                List.of(breathing, LOCKED_BIRD_DOG, CAT_COW_ITEM),
                533,
                List.of(CAT_COW_ITEM, DEAD_BUG_ITEM, BIRD_DOG_ITEM),
                633);
        PlanTailoring.Result result =
                PlanTailoring.apply(current, List.of(), stillPublished, ELIGIBILITY, "note", null);
        String replaces = "Replaces Bird dog, which was retired from the library";
        assertThat(result)
                .isEqualTo(new PlanTailoring.Result(
                        plan(
                                List.of(item(DEAD_BUG, 175, replaces, false, true), CAT_COW_ITEM),
                                300,
                                List.of(CAT_COW_ITEM, DEAD_BUG_ITEM, item(HEEL_SLIDE, 125, replaces, false, false)),
                                425),
                        List.of(),
                        List.of(),
                        List.of("belly-breathing -> (removed)", "bird-dog -> dead-bug", "bird-dog -> heel-slide"),
                        List.of()));
    }

    @Test
    void aSessionLeftWithoutAnExerciseByRetirementsIsRefused() {
        PlanProposal current = new PlanProposal(
                List.of(
                        new PlanProposal.Session(1, List.of(CAT_COW_ITEM), 125),
                        new PlanProposal.Session(2, List.of(item(BELLY_BREATHING, 75, "why", false, false)), 75)),
                List.of(),
                List.of());
        assertThat(PlanTailoring.apply(current, List.of(), published(CAT_COW), ELIGIBILITY, "note", null))
                .isEqualTo(failure(new FieldProblem(
                        "changes", "session 2 would have no exercise to do; swap or resume one instead")));
    }

    @ParameterizedTest(name = "{0} x {1}, hold {2}, {3} s, rest {4}: {5}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            1  | 1  | 1   |      | 0   |
            10 | 50 | 120 |      | 300 |
            2  |    |     | 10   | 0   |
            2  |    |     | 3600 | 30  |
            0  | 10 |     |      | 30  | d.sets: must be between 1 and 10
            11 | 10 |     |      | 30  | d.sets: must be between 1 and 10
            2  | 0  |     |      | 30  | d.reps: must be between 1 and 50
            2  | 51 |     |      | 30  | d.reps: must be between 1 and 50
            2  | 10 | 0   |      | 30  | d.holdSeconds: must be between 1 and 120
            2  | 10 | 121 |      | 30  | d.holdSeconds: must be between 1 and 120
            2  |    |     | 9    | 30  | d.durationSeconds: must be between 10 and 3600
            2  |    |     | 3601 | 30  | d.durationSeconds: must be between 10 and 3600
            2  | 10 |     |      | -1  | d.restSeconds: must be between 0 and 300
            2  | 10 |     |      | 301 | d.restSeconds: must be between 0 and 300
            2  | 10 |     | 30   | 30  | d: give either reps or durationSeconds, not both and not neither
            2  |    |     |      | 30  | d: give either reps or durationSeconds, not both and not neither
            2  |    | 5   | 30   | 30  | d.holdSeconds: a hold is per repetition, so it needs reps
            0  | 0  |     | 30   | 400 | d.sets: must be between 1 and 10 / d.reps: must be between 1 and 50 / d.restSeconds: must be between 0 and 300 / d: give either reps or durationSeconds, not both and not neither
            """)
    void aDoseIsCheckedFieldByField(int sets, Integer reps, Integer hold, Integer duration, int rest, String expected) {
        List<FieldProblem> errors =
                PlanTailoring.checkDose(new PrescribedDose(sets, reps, hold, duration, rest, false), "d");
        assertThat(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining(" / ")))
                .isEqualTo(expected == null ? "" : expected);
    }
}
