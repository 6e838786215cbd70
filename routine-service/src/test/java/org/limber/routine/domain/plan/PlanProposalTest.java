package org.limber.routine.domain.plan;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.limber.events.catalog.Category;
import org.limber.events.catalog.ExerciseSnapshot;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.SafetyTag;
import org.limber.events.catalog.SpinalLoad;
import org.limber.events.member.PrescribedDose;

import static org.assertj.core.api.Assertions.assertThat;

/** The small value types of a plan: a proposal's sessions, a dose's smallest form, a change's words, a snapshot's option. */
class PlanProposalTest {

    static PlanProposal.Item item(String slug, int seconds, boolean paused) {
        return new PlanProposal.Item(
                slug,
                1,
                slug,
                Category.MOBILITY,
                new PrescribedDose(1, 10, null, null, 0, false),
                seconds,
                "why",
                paused,
                false);
    }

    @Test
    void aSessionsTimeCountsOnlyItsItemsThatAreNotPaused() {
        assertThat(PlanProposal.Session.of(
                        3, List.of(item("a", 100, false), item("b", 40, true), item("c", 25, false))))
                .isEqualTo(new PlanProposal.Session(
                        3, List.of(item("a", 100, false), item("b", 40, true), item("c", 25, false)), 125));
    }

    @Test
    void emptySessionsAreThoseWithNothingToDo() {
        PlanProposal plan = new PlanProposal(
                List.of(
                        PlanProposal.Session.of(1, List.of(item("a", 100, false))),
                        PlanProposal.Session.of(2, List.of(item("a", 100, true), item("b", 40, true))),
                        PlanProposal.Session.of(3, List.of()),
                        PlanProposal.Session.of(4, List.of(item("a", 100, true), item("c", 40, false)))),
                List.of(),
                List.of());
        assertThat(plan.emptySessions()).containsExactly(2, 3);
        assertThat(plan.contains("c")).isTrue();
        assertThat(plan.contains("d")).isFalse();
    }

    @Test
    void replacingAnExerciseReplacesEveryItemOfItAndSumsTheTimesAgain() {
        PlanProposal plan = new PlanProposal(
                List.of(
                        PlanProposal.Session.of(1, List.of(item("a", 100, false), item("b", 40, false))),
                        PlanProposal.Session.of(2, List.of(item("b", 40, false)))),
                List.of(new PlanProposal.Exclusion("x", "X", "why")),
                List.of("Note."));
        assertThat(plan.replace("b", i -> item("b", 70, false)))
                .isEqualTo(new PlanProposal(
                        List.of(
                                new PlanProposal.Session(1, List.of(item("a", 100, false), item("b", 70, false)), 170),
                                new PlanProposal.Session(2, List.of(item("b", 70, false)), 70)),
                        List.of(new PlanProposal.Exclusion("x", "X", "why")),
                        List.of("Note.")));
    }

    @ParameterizedTest(name = "{0} x {1}, hold {2}, {3} s, per side {4}: {5}")
    @CsvSource({
        "3, 10,   ,   , false, 3 x 10",
        "2, 8,   5,   , false, 2 x 8 with 5 s holds",
        "2,   ,   , 30, false, 2 x 30 s",
        "2, 8,   5,   , true,  2 x 8 with 5 s holds per side",
        "1,   ,   , 45, true,  1 x 45 s per side"
    })
    void aDoseInAFewWords(int sets, Integer reps, Integer hold, Integer seconds, boolean perSide, String words) {
        assertThat(PlanChange.describe(new PrescribedDose(sets, reps, hold, seconds, 30, perSide)))
                .isEqualTo(words);
    }

    @Test
    void theSmallestDoseTakesEachRangesMinimumWhereThereIsOne() {
        Dose reps =
                new Dose(3, 12, 5, null, 30, new Dose.Range(1, 4), new Dose.Range(8, 15), new Dose.Range(3, 10), null);
        assertThat(reps.minimum())
                .isEqualTo(new Dose(
                        1, 8, 3, null, 30, new Dose.Range(1, 4), new Dose.Range(8, 15), new Dose.Range(3, 10), null));
        // A default already below its range's minimum stays; no range, no change.
        Dose timed = new Dose(2, null, null, 20, 15, null, null, null, new Dose.Range(30, 60));
        assertThat(timed.minimum()).isEqualTo(timed);
        assertThat(timed.prescribed(true)).isEqualTo(new PrescribedDose(2, null, null, 20, 15, true));
    }

    static ExerciseSnapshot snapshot(String category, List<String> tags, List<String> equipment) {
        return new ExerciseSnapshot(
                "bird-dog",
                4,
                "PUBLISHED",
                "Bird dog",
                List.of(),
                "d",
                category,
                List.of(),
                List.of(),
                "HANDS_AND_KNEES",
                equipment,
                "INTERMEDIATE",
                true,
                new ExerciseSnapshot.Dose(
                        2,
                        8,
                        5,
                        null,
                        30,
                        new ExerciseSnapshot.Range(1, 3),
                        null,
                        new ExerciseSnapshot.Range(3, 10),
                        null),
                List.of("s"),
                List.of(),
                List.of(),
                List.of(),
                "NEUTRAL",
                "MODERATE",
                tags,
                List.of("quadruped-arm-lift"),
                List.of());
    }

    @Test
    void aSnapshotBecomesAnOptionAndOneWithAValueThisServiceDoesNotKnowIsNeverUsed() {
        Optional<ExerciseOption> option =
                ExerciseOptions.from(snapshot("CORE_STABILITY", List.of("WEIGHT_ON_KNEES"), List.of("MAT")));
        assertThat(option).isPresent();
        ExerciseOption o = option.get();
        assertThat(o.slug()).isEqualTo("bird-dog");
        assertThat(o.version()).isEqualTo(4);
        assertThat(o.category()).isEqualTo(Category.CORE_STABILITY);
        assertThat(o.position()).isEqualTo(Position.HANDS_AND_KNEES);
        assertThat(o.level()).isEqualTo(Level.INTERMEDIATE);
        assertThat(o.spinalLoad()).isEqualTo(SpinalLoad.MODERATE);
        assertThat(o.safetyTags()).containsExactly(SafetyTag.WEIGHT_ON_KNEES);
        assertThat(o.unilateral()).isTrue();
        assertThat(o.dose())
                .isEqualTo(new Dose(2, 8, 5, null, 30, new Dose.Range(1, 3), null, new Dose.Range(3, 10), null));
        assertThat(o.easier()).containsExactly("quadruped-arm-lift");

        assertThat(ExerciseOptions.from(snapshot("YOGA", List.of(), List.of()))).isEmpty();
        assertThat(ExerciseOptions.from(snapshot("MOBILITY", List.of("LEVITATION"), List.of())))
                .isEmpty();
        assertThat(ExerciseOptions.from(snapshot("MOBILITY", List.of(), List.of("TRAMPOLINE"))))
                .isEmpty();
        assertThat(ExerciseOptions.from(snapshot(null, List.of(), List.of()))).isEmpty();
    }
}
