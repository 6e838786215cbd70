package org.limber.catalog.domain;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.limber.catalog.domain.Dose.DoseRange;
import org.limber.catalog.domain.Dose.Range;
import org.limber.common.problem.Problem.FieldProblem;
import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.Region;
import org.limber.events.catalog.SafetyTag;
import org.limber.events.catalog.SpinalLoad;

import static org.assertj.core.api.Assertions.assertThat;

class ContentRulesTest {

    private static ExerciseContent content(
            Dose dose, List<Equipment> equipment, List<String> easier, List<String> harder) {
        return new ExerciseContent(
                "Test",
                List.of(),
                "A test.",
                Category.MOBILITY,
                List.of(Region.CORE),
                List.of("core"),
                Position.STANDING,
                equipment,
                Level.BEGINNER,
                false,
                dose,
                List.of("a", "b", "c"),
                List.of(),
                List.of(),
                List.of(),
                Direction.NEUTRAL,
                SpinalLoad.LOW,
                List.of(),
                easier,
                harder);
    }

    private static Dose reps(int reps, Range repsRange) {
        return new Dose(2, reps, null, null, 30, new DoseRange(new Range(1, 3), repsRange, null, null));
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    void aSoundExercisePasses() {
        assertThat(ContentRules.check(
                        "test", content(reps(10, new Range(5, 15)), List.of(Equipment.NONE), List.of(), List.of())))
                .isEmpty();
    }

    @Test
    void aDoseIsRepsOrDurationNeverBoth() {
        Dose both = new Dose(
                1, 10, null, 60, 0, new DoseRange(new Range(1, 2), new Range(5, 15), null, new Range(30, 120)));
        Dose neither = new Dose(1, null, null, null, 0, new DoseRange(new Range(1, 2), null, null, null));
        Dose holdWithoutReps = new Dose(
                1, null, 10, 60, 0, new DoseRange(new Range(1, 2), null, new Range(5, 20), new Range(30, 120)));
        assertThat(fields(ContentRules.check("t", content(both, List.of(Equipment.NONE), List.of(), List.of()))))
                .contains("dose");
        assertThat(fields(ContentRules.check("t", content(neither, List.of(Equipment.NONE), List.of(), List.of()))))
                .contains("dose");
        assertThat(fields(ContentRules.check(
                        "t", content(holdWithoutReps, List.of(Equipment.NONE), List.of(), List.of()))))
                .contains("dose.holdSeconds");
    }

    @Test
    void eachDoseValueLiesWithinItsRange() {
        assertThat(fields(ContentRules.check(
                        "t", content(reps(20, new Range(5, 15)), List.of(Equipment.NONE), List.of(), List.of()))))
                .containsExactly("dose.range.reps");
        assertThat(fields(ContentRules.check(
                        "t", content(reps(10, new Range(15, 5)), List.of(Equipment.NONE), List.of(), List.of()))))
                .containsExactly("dose.range.reps");
        assertThat(fields(ContentRules.check(
                        "t", content(reps(10, null), List.of(Equipment.NONE), List.of(), List.of()))))
                .containsExactly("dose.range.reps");
    }

    @Test
    void equipmentAndLinksAreConsistent() {
        Dose dose = reps(10, new Range(5, 15));
        assertThat(fields(ContentRules.check(
                        "t", content(dose, List.of(Equipment.NONE, Equipment.MAT), List.of(), List.of()))))
                .containsExactly("equipment");
        assertThat(fields(ContentRules.check(
                        "t", content(dose, List.of(Equipment.MAT, Equipment.MAT), List.of(), List.of()))))
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

    private static ExerciseContent tagged(
            Position position, Direction direction, SpinalLoad load, List<Equipment> equipment, List<SafetyTag> tags) {
        return new ExerciseContent(
                "Test",
                List.of(),
                "A test.",
                Category.MOBILITY,
                List.of(Region.CORE),
                List.of("core"),
                position,
                equipment,
                Level.BEGINNER,
                false,
                reps(10, new Range(5, 15)),
                List.of("a", "b", "c"),
                List.of(),
                List.of(),
                List.of(),
                direction,
                load,
                tags,
                List.of(),
                List.of());
    }

    /** The tags must agree with position, direction, load and equipment: one entry per line, and the problem it has ("-": none). */
    @ParameterizedTest(name = "{0} {1} {2} {3} [{4}]: {5}")
    @CsvSource(delimiter = '|', textBlock = """
            STANDING        | NEUTRAL   | LOW      | NONE          |                                              | -
            SUPINE          | NEUTRAL   | LOW      | MAT           |                                              | a position on the floor needs FLOOR_TRANSFER
            SUPINE          | NEUTRAL   | LOW      | MAT           | FLOOR_TRANSFER                               | -
            HANDS_AND_KNEES | NEUTRAL   | LOW      | MAT           | FLOOR_TRANSFER                               | a position on the knees needs WEIGHT_ON_KNEES
            KNEELING        | FLEXION   | LOW      | MAT           | FLOOR_TRANSFER WEIGHT_ON_KNEES REPEATED_FLEXION | -
            PRONE           | EXTENSION | LOW      | MAT           | FLOOR_TRANSFER                               | an EXTENSION direction needs
            PRONE           | EXTENSION | LOW      | MAT           | FLOOR_TRANSFER SUSTAINED_EXTENSION           | -
            SEATED          | EXTENSION | LOW      | CHAIR         | REPEATED_EXTENSION                           | -
            PRONE           | EXTENSION | MODERATE | MAT           | FLOOR_TRANSFER SUSTAINED_EXTENSION           | extension under moderate or high load needs LOADED_EXTENSION
            SEATED          | FLEXION   | LOW      | CHAIR         |                                              | a FLEXION direction needs
            STANDING        | FLEXION   | MODERATE | NONE          | REPEATED_FLEXION                             | flexion under moderate or high load needs LOADED_FLEXION
            STANDING        | FLEXION   | MODERATE | NONE          | LOADED_FLEXION                               | -
            STANDING        | ROTATION  | LOW      | NONE          |                                              | a ROTATION direction needs TWISTING
            PRONE           | EXTENSION | HIGH     | MAT           | FLOOR_TRANSFER SUSTAINED_EXTENSION LOADED_EXTENSION | a HIGH spinal load needs HIGH_EFFORT
            STANDING        | NEUTRAL   | MODERATE | LIGHT_WEIGHTS | LOADED_BENDING                               | light weights need LIFTING
            SEATED          | NEUTRAL   | LOW      | FOAM_ROLLER   | FLOOR_TRANSFER                               | a foam roller needs NOT_ON_SPINE or PRESSURE_ON_SPINE
            STANDING        | NEUTRAL   | MODERATE | NONE          | FLARE_SAFE                                   | FLARE_SAFE needs a LOW load
            SEATED          | EXTENSION | LOW      | CHAIR         | REPEATED_EXTENSION FLARE_SAFE                | -
            STANDING        | NEUTRAL   | LOW      | NONE          | FLARE_SAFE                                   | -
            HANDS_AND_KNEES | NEUTRAL   | LOW      | MAT           | FLOOR_TRANSFER WEIGHT_ON_KNEES ON_BED         | ON_BED needs a lying position
            SUPINE          | NEUTRAL   | LOW      | MAT           | FLOOR_TRANSFER ON_BED                        | -
            """)
    void tagsMustAgreeWithPositionDirectionAndLoad(
            Position position, Direction direction, SpinalLoad load, Equipment equipment, String tags, String problem) {
        List<SafetyTag> tagList = tags == null
                ? List.of()
                : Arrays.stream(tags.trim().split(" +")).map(SafetyTag::valueOf).toList();
        List<FieldProblem> problems =
                ContentRules.check("t", tagged(position, direction, load, List.of(equipment), tagList));
        if (problem.equals("-")) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("safetyTags");
                assertThat(p.message()).startsWith(problem);
            });
        }
    }

    private static ExerciseContent tagged(
            Category category,
            Region region,
            Level level,
            Position position,
            Direction direction,
            SpinalLoad load,
            Equipment equipment,
            List<SafetyTag> tags) {
        return new ExerciseContent(
                "Test",
                List.of(),
                "A test.",
                category,
                List.of(region),
                List.of("core"),
                position,
                List.of(equipment),
                level,
                false,
                reps(10, new Range(5, 15)),
                List.of("a", "b", "c"),
                List.of(),
                List.of(),
                List.of(),
                direction,
                load,
                tags,
                List.of(),
                List.of());
    }

    /**
     * The tags of clinical review round three, which also read category, regions and level: side bending, a roller
     * on the spine, pressure in the belly, and a flare-safe set that rules can split by direction. One entry per line
     * and the problems it has, each the start of a message, separated by {@code &} ("-": none).
     */
    @ParameterizedTest(name = "{0} {1} {2} {3} {4} {5} {6} [{7}]: {8}")
    @CsvSource(delimiter = '|', textBlock = """
            # side bending
            STRETCH             | MID_BACK   | BEGINNER     | STANDING | LATERAL   | LOW      | NONE          |                                                  | a LATERAL direction needs LATERAL_BENDING
            STRETCH             | MID_BACK   | BEGINNER     | STANDING | LATERAL   | LOW      | NONE          | LATERAL_BENDING                                  | -
            # a roller on the back presses on the spine; never on the lower back
            SOFT_TISSUE_RELEASE | UPPER_BACK | BEGINNER     | SUPINE   | NEUTRAL   | LOW      | FOAM_ROLLER   | FLOOR_TRANSFER NOT_ON_SPINE                      | rolling on the back
            SOFT_TISSUE_RELEASE | MID_BACK   | BEGINNER     | SUPINE   | NEUTRAL   | LOW      | MAT           | FLOOR_TRANSFER                                   | rolling on the back
            SOFT_TISSUE_RELEASE | UPPER_BACK | BEGINNER     | SUPINE   | NEUTRAL   | LOW      | FOAM_ROLLER   | FLOOR_TRANSFER PRESSURE_ON_SPINE                 | -
            SOFT_TISSUE_RELEASE | LOWER_BACK | BEGINNER     | SUPINE   | NEUTRAL   | LOW      | FOAM_ROLLER   | FLOOR_TRANSFER PRESSURE_ON_SPINE                 | PRESSURE_ON_SPINE cannot work the LOWER_BACK
            SOFT_TISSUE_RELEASE | GLUTES     | BEGINNER     | SEATED   | NEUTRAL   | LOW      | FOAM_ROLLER   | NOT_ON_SPINE PRESSURE_ON_SPINE                   | NOT_ON_SPINE and PRESSURE_ON_SPINE contradict
            SOFT_TISSUE_RELEASE | GLUTES     | BEGINNER     | SEATED   | NEUTRAL   | LOW      | FOAM_ROLLER   | NOT_ON_SPINE                                     | -
            SOFT_TISSUE_RELEASE | GLUTES     | BEGINNER     | SEATED   | NEUTRAL   | LOW      | FOAM_ROLLER   |                                                  | a foam roller needs NOT_ON_SPINE or PRESSURE_ON_SPINE
            # pressure in the belly: lifting, loaded or demanding core and strength work
            FUNCTIONAL          | CORE       | BEGINNER     | STANDING | NEUTRAL   | LOW      | LIGHT_WEIGHTS | LIFTING                                          | LIFTING needs ABDOMINAL_PRESSURE
            FUNCTIONAL          | CORE       | BEGINNER     | STANDING | NEUTRAL   | LOW      | LIGHT_WEIGHTS | LIFTING ABDOMINAL_PRESSURE                       | -
            CORE_STABILITY      | CORE       | INTERMEDIATE | PRONE    | NEUTRAL   | MODERATE | MAT           | FLOOR_TRANSFER                                   | core stability or strengthening under moderate
            CORE_STABILITY      | CORE       | INTERMEDIATE | PRONE    | NEUTRAL   | MODERATE | MAT           | FLOOR_TRANSFER ABDOMINAL_PRESSURE                | -
            STRENGTHENING       | CHEST      | ADVANCED     | STANDING | NEUTRAL   | LOW      | NONE          | HIGH_EFFORT                                      | core stability or strengthening under moderate
            CORE_STABILITY      | CORE       | BEGINNER     | SUPINE   | NEUTRAL   | LOW      | MAT           | FLOOR_TRANSFER                                   | -
            # flare-safe: gentle, a beginner's exercise, one direction
            MOBILITY            | LOWER_BACK | BEGINNER     | PRONE    | EXTENSION | LOW      | MAT           | FLOOR_TRANSFER SUSTAINED_EXTENSION FLARE_SAFE     | -
            MOBILITY            | LOWER_BACK | BEGINNER     | STANDING | EXTENSION | LOW      | NONE          | REPEATED_EXTENSION FLARE_SAFE                    | -
            MOBILITY            | LOWER_BACK | BEGINNER     | STANDING | EXTENSION | LOW      | NONE          | LOADED_EXTENSION FLARE_SAFE                      | FLARE_SAFE needs
            MOBILITY            | LOWER_BACK | INTERMEDIATE | SUPINE   | FLEXION   | LOW      | MAT           | FLOOR_TRANSFER REPEATED_FLEXION FLARE_SAFE        | FLARE_SAFE needs
            CORE_STABILITY      | CORE       | BEGINNER     | SUPINE   | NEUTRAL   | LOW      | MAT           | FLOOR_TRANSFER ABDOMINAL_PRESSURE FLARE_SAFE      | FLARE_SAFE needs
            MOBILITY            | HIPS       | BEGINNER     | STANDING | NEUTRAL   | LOW      | NONE          | BALANCE_DEMAND FLARE_SAFE                        | FLARE_SAFE needs
            MOBILITY            | LOWER_BACK | BEGINNER     | STANDING | NEUTRAL   | LOW      | NONE          | REPEATED_EXTENSION FLARE_SAFE                    | a FLARE_SAFE exercise that arches the back
            MOBILITY            | LOWER_BACK | BEGINNER     | SEATED   | FLEXION   | LOW      | CHAIR         | REPEATED_FLEXION REPEATED_EXTENSION FLARE_SAFE    | a FLARE_SAFE exercise that arches the back & a FLARE_SAFE exercise that rounds the back
            MOBILITY            | LOWER_BACK | BEGINNER     | SEATED   | FLEXION   | LOW      | CHAIR         | REPEATED_FLEXION REPEATED_EXTENSION              | -
            MOBILITY            | LOWER_BACK | BEGINNER     | SEATED   | FLEXION   | LOW      | CHAIR         | REPEATED_FLEXION FLARE_SAFE                      | -
            """)
    void tagsMustAgreeWithCategoryRegionsAndLevel(
            Category category,
            Region region,
            Level level,
            Position position,
            Direction direction,
            SpinalLoad load,
            Equipment equipment,
            String tags,
            String problems) {
        List<SafetyTag> tagList = tags == null
                ? List.of()
                : Arrays.stream(tags.trim().split(" +")).map(SafetyTag::valueOf).toList();
        List<FieldProblem> found =
                ContentRules.check("t", tagged(category, region, level, position, direction, load, equipment, tagList));
        List<String> expected = problems.equals("-")
                ? List.of()
                : Arrays.stream(problems.split(" & ")).toList();
        assertThat(found).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(found.get(i).field()).isEqualTo("safetyTags");
            assertThat(found.get(i).message()).startsWith(expected.get(i));
        }
    }

    @Test
    void aListNamingAnEntryTwiceIsRefusedByItsField() {
        ExerciseContent sound =
                content(reps(10, new Range(5, 15)), List.of(Equipment.MAT, Equipment.MAT), List.of(), List.of());
        assertThat(fields(ContentRules.check("t", sound))).contains("equipment");
        ExerciseContent twiceEasier =
                content(reps(10, new Range(5, 15)), List.of(Equipment.NONE), List.of("a", "a"), List.of());
        assertThat(fields(ContentRules.check("t", twiceEasier))).containsExactly("easier");
        ExerciseContent twiceHarder =
                content(reps(10, new Range(5, 15)), List.of(Equipment.NONE), List.of(), List.of("b", "b"));
        assertThat(fields(ContentRules.check("t", twiceHarder))).containsExactly("harder");
        ExerciseContent base = content(reps(10, new Range(5, 15)), List.of(Equipment.NONE), List.of(), List.of());
        ExerciseContent twiceRegion = withRegionsAndTags(base, List.of(Region.CORE, Region.CORE), List.of());
        assertThat(fields(ContentRules.check("t", twiceRegion))).containsExactly("regions");
        ExerciseContent twiceTag = withRegionsAndTags(
                base, List.of(Region.CORE), List.of(SafetyTag.SUSTAINED_EXTENSION, SafetyTag.SUSTAINED_EXTENSION));
        assertThat(fields(ContentRules.check("t", twiceTag))).contains("safetyTags");
    }

    private static ExerciseContent withRegionsAndTags(ExerciseContent c, List<Region> regions, List<SafetyTag> tags) {
        return new ExerciseContent(
                c.name(),
                c.aliases(),
                c.description(),
                c.category(),
                regions,
                c.muscles(),
                c.position(),
                c.equipment(),
                c.level(),
                c.unilateral(),
                c.dose(),
                c.steps(),
                c.mayFeel(),
                c.tips(),
                c.commonMistakes(),
                c.direction(),
                c.spinalLoad(),
                tags,
                c.easier(),
                c.harder());
    }

    @Test
    void everyDoseFieldMustLieInsideItsRangeAndARangeMayBeOneValue() {
        // Sets 2 outside 3-4; hold 10 outside 12-20; duration 60 outside 90-120.
        Dose setsOut = new Dose(2, 10, null, null, 30, new DoseRange(new Range(3, 4), new Range(5, 15), null, null));
        assertThat(fields(check(setsOut))).containsExactly("dose.range.sets");
        Dose holdOut = new Dose(
                2, 10, 10, null, 30, new DoseRange(new Range(1, 3), new Range(5, 15), new Range(12, 20), null));
        assertThat(fields(check(holdOut))).containsExactly("dose.range.holdSeconds");
        Dose durationOut =
                new Dose(2, null, null, 60, 30, new DoseRange(new Range(1, 3), null, null, new Range(90, 120)));
        assertThat(fields(check(durationOut))).containsExactly("dose.range.durationSeconds");
        Dose repsWithoutRange = new Dose(2, 10, null, null, 30, new DoseRange(new Range(1, 3), null, null, null));
        assertThat(fields(check(repsWithoutRange))).containsExactly("dose.range.reps");
        // A range of one value (min = max) holds exactly that value; its ends belong to it.
        Dose fixed = new Dose(2, 10, null, null, 30, new DoseRange(new Range(2, 2), new Range(10, 10), null, null));
        assertThat(check(fixed)).isEmpty();
        Dose atTheEnds = new Dose(3, 5, null, null, 30, new DoseRange(new Range(1, 3), new Range(5, 15), null, null));
        assertThat(check(atTheEnds)).isEmpty();
    }

    private static List<FieldProblem> check(Dose dose) {
        return ContentRules.check("t", content(dose, List.of(Equipment.NONE), List.of(), List.of()));
    }
}
