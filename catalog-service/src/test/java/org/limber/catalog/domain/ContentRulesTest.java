package org.limber.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.limber.catalog.domain.Dose.DoseRange;
import org.limber.catalog.domain.Dose.Range;
import org.limber.common.problem.Problem.FieldProblem;
import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.Region;
import org.limber.events.catalog.SpinalLoad;

class ContentRulesTest {

    private static ExerciseContent content(Dose dose, List<Equipment> equipment, List<String> easier, List<String> harder) {
        return new ExerciseContent("Test", List.of(), "A test.", Category.MOBILITY, List.of(Region.CORE), List.of("core"),
                Position.STANDING, equipment, Level.BEGINNER, false, dose, List.of("a", "b", "c"), List.of(), List.of(),
                List.of(), Direction.NEUTRAL, SpinalLoad.LOW, List.of(), easier, harder);
    }

    private static Dose reps(int reps, Range repsRange) {
        return new Dose(2, reps, null, null, 30, new DoseRange(new Range(1, 3), repsRange, null, null));
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    void aSoundExercisePasses() {
        assertThat(ContentRules.check("test", content(reps(10, new Range(5, 15)), List.of(Equipment.NONE), List.of(), List.of())))
                .isEmpty();
    }

    @Test
    void aDoseIsRepsOrDurationNeverBoth() {
        Dose both = new Dose(1, 10, null, 60, 0, new DoseRange(new Range(1, 2), new Range(5, 15), null, new Range(30, 120)));
        Dose neither = new Dose(1, null, null, null, 0, new DoseRange(new Range(1, 2), null, null, null));
        Dose holdWithoutReps = new Dose(1, null, 10, 60, 0,
                new DoseRange(new Range(1, 2), null, new Range(5, 20), new Range(30, 120)));
        assertThat(fields(ContentRules.check("t", content(both, List.of(Equipment.NONE), List.of(), List.of())))).contains("dose");
        assertThat(fields(ContentRules.check("t", content(neither, List.of(Equipment.NONE), List.of(), List.of())))).contains("dose");
        assertThat(fields(ContentRules.check("t", content(holdWithoutReps, List.of(Equipment.NONE), List.of(), List.of()))))
                .contains("dose.holdSeconds");
    }

    @Test
    void eachDoseValueLiesWithinItsRange() {
        assertThat(fields(ContentRules.check("t", content(reps(20, new Range(5, 15)), List.of(Equipment.NONE), List.of(), List.of()))))
                .containsExactly("dose.range.reps");
        assertThat(fields(ContentRules.check("t", content(reps(10, new Range(15, 5)), List.of(Equipment.NONE), List.of(), List.of()))))
                .containsExactly("dose.range.reps");
        assertThat(fields(ContentRules.check("t", content(reps(10, null), List.of(Equipment.NONE), List.of(), List.of()))))
                .containsExactly("dose.range.reps");
    }

    @Test
    void equipmentAndLinksAreConsistent() {
        Dose dose = reps(10, new Range(5, 15));
        assertThat(fields(ContentRules.check("t", content(dose, List.of(Equipment.NONE, Equipment.MAT), List.of(), List.of()))))
                .containsExactly("equipment");
        assertThat(fields(ContentRules.check("t", content(dose, List.of(Equipment.MAT, Equipment.MAT), List.of(), List.of()))))
                .containsExactly("equipment");
        assertThat(fields(ContentRules.check("t", content(dose, List.of(Equipment.NONE), List.of("t"), List.of()))))
                .containsExactly("easier");
        assertThat(fields(ContentRules.check("t", content(dose, List.of(Equipment.NONE), List.of("x"), List.of("x")))))
                .containsExactly("harder");
    }

    @Test
    void slugsAreLowerCaseWordsJoinedByHyphens() {
        assertThat(Slugs.isValid("wall-push-up")).isTrue();
        assertThat(Slugs.isValid("bent-over-i-y-t")).isTrue();
        assertThat(Slugs.isValid("Wall-Push-Up")).isFalse();
        assertThat(Slugs.isValid("wall--push")).isFalse();
        assertThat(Slugs.isValid("-wall")).isFalse();
        assertThat(Slugs.isValid("ab")).isFalse();
        assertThat(Slugs.isValid("a".repeat(61))).isFalse();
        assertThat(Slugs.isValid(null)).isFalse();
    }
}
