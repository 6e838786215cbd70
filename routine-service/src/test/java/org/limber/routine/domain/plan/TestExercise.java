package org.limber.routine.domain.plan;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.SafetyTag;
import org.limber.events.catalog.SpinalLoad;

/**
 * A made-up exercise for worked examples, so that a test can name only what matters to it: by
 * default a beginner's bilateral, neutral, low-load exercise on a mat, 2 x 10 with 30 s rest.
 */
final class TestExercise {

    private final String slug;
    private final Category category;
    private int version = 1;
    private Level level = Level.BEGINNER;
    private boolean unilateral;
    private Position position = Position.SUPINE;
    private Direction direction = Direction.NEUTRAL;
    private SpinalLoad spinalLoad = SpinalLoad.LOW;
    private Set<Equipment> equipment = Set.of(Equipment.MAT);
    private Set<SafetyTag> tags = Set.of();
    private Dose dose = reps(2, 10, null, 30);
    private List<String> easier = List.of();
    private List<String> harder = List.of();

    private TestExercise(String slug, Category category) {
        this.slug = slug;
        this.category = category;
    }

    static TestExercise exercise(String slug, Category category) {
        return new TestExercise(slug, category);
    }

    /** A fixed dose of repetitions (hold null for none), without ranges. */
    static Dose reps(int sets, int reps, Integer hold, int rest) {
        return new Dose(sets, reps, hold, null, rest, null, null, null, null);
    }

    /** A fixed timed dose, without ranges. */
    static Dose timed(int sets, int seconds, int rest) {
        return new Dose(sets, null, null, seconds, rest, null, null, null, null);
    }

    /** "cat-cow" is named "Cat cow". */
    static String name(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    TestExercise version(int version) {
        this.version = version;
        return this;
    }

    TestExercise level(Level level) {
        this.level = level;
        return this;
    }

    TestExercise unilateral() {
        this.unilateral = true;
        return this;
    }

    TestExercise position(Position position) {
        this.position = position;
        return this;
    }

    TestExercise direction(Direction direction) {
        this.direction = direction;
        return this;
    }

    TestExercise load(SpinalLoad spinalLoad) {
        this.spinalLoad = spinalLoad;
        return this;
    }

    TestExercise equipment(Equipment... equipment) {
        this.equipment = equipment.length == 0 ? Set.of() : EnumSet.of(equipment[0], equipment);
        return this;
    }

    TestExercise tags(SafetyTag... tags) {
        this.tags = tags.length == 0 ? Set.of() : EnumSet.of(tags[0], tags);
        return this;
    }

    TestExercise dose(Dose dose) {
        this.dose = dose;
        return this;
    }

    TestExercise easier(String... slugs) {
        this.easier = List.of(slugs);
        return this;
    }

    TestExercise harder(String... slugs) {
        this.harder = List.of(slugs);
        return this;
    }

    ExerciseOption build() {
        return new ExerciseOption(
                slug,
                version,
                name(slug),
                category,
                position,
                equipment,
                level,
                unilateral,
                direction,
                spinalLoad,
                tags,
                dose,
                easier,
                harder);
    }
}
