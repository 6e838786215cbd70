package org.limber.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.Region;
import org.limber.events.catalog.SafetyTag;
import org.limber.events.catalog.SpinalLoad;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogIndexTest {

    private static Exercise exercise(
            String slug,
            String name,
            Level level,
            List<Equipment> equipment,
            List<SafetyTag> tags,
            List<String> harder) {
        Dose dose = new Dose(
                2, 10, null, null, 30, new Dose.DoseRange(new Dose.Range(1, 3), new Dose.Range(5, 15), null, null));
        ExerciseContent content = new ExerciseContent(
                name,
                List.of(),
                "A movement called " + name + ".",
                Category.MOBILITY,
                List.of(Region.LOWER_BACK),
                List.of(),
                Position.STANDING,
                equipment,
                level,
                false,
                dose,
                List.of("Move."),
                List.of(),
                List.of(),
                List.of(),
                Direction.NEUTRAL,
                SpinalLoad.LOW,
                tags,
                List.of(),
                harder);
        Exercise exercise = new Exercise();
        exercise.slug = slug;
        exercise.show(1, content, Origin.SEED, null, Instant.parse("2026-01-01T00:00:00Z"));
        return exercise;
    }

    private static ExerciseFilter filter(
            String q, Set<Equipment> equipment, Set<SafetyTag> excluded, int page, int size) {
        return new ExerciseFilter(
                q, null, null, null, null, null, equipment, excluded, ExerciseFilter.Sort.NAME, page, size);
    }

    private final Exercise easy =
            exercise("easy-sway", "Easy sway", Level.BEGINNER, List.of(Equipment.NONE), List.of(), List.of("mat-sway"));
    private final Exercise mat = exercise(
            "mat-sway",
            "Mat sway",
            Level.INTERMEDIATE,
            List.of(Equipment.MAT),
            List.of(SafetyTag.SUSTAINED_EXTENSION),
            List.of("hard-sway"));
    private final Exercise hard =
            exercise("hard-sway", "Hard sway", Level.ADVANCED, List.of(Equipment.NONE), List.of(), List.of());
    private final CatalogIndex index;

    CatalogIndexTest() {
        hard.status = ExerciseStatus.RETIRED;
        List<String> byName =
                List.of("easy-sway", "hard-sway", "mat-sway"); // as the database orders them, retired included
        Map<ExerciseFilter.Sort, List<String>> orders = Map.of(
                ExerciseFilter.Sort.NAME,
                byName,
                ExerciseFilter.Sort.LEVEL,
                byName,
                ExerciseFilter.Sort.CATEGORY,
                byName,
                ExerciseFilter.Sort.RECENT,
                byName);
        index = new CatalogIndex(
                "3/3/1",
                List.of(easy, mat, hard),
                Map.of("easy-sway", List.of("easi", "sway"), "mat-sway", List.of("mat", "sway")),
                orders);
    }

    private List<String> slugs(ExerciseFilter filter, Set<String> lexemes) {
        return index.search(filter, lexemes).items().stream().map(e -> e.slug).toList();
    }

    @Test
    void searchesPublishedExercisesOnlyInTheDatabasesOrder() {
        assertThat(slugs(filter(null, Set.of(), Set.of(), 0, 20), Set.of())).containsExactly("easy-sway", "mat-sway");
        assertThat(index.search(filter(null, Set.of(), Set.of(), 0, 20), Set.of())
                        .total())
                .isEqualTo(2);
    }

    @Test
    void wordsMatchByAllTheirLexemesOrAsPartOfTheText() {
        assertThat(slugs(filter("mats", Set.of(), Set.of(), 0, 20), Set.of("mat")))
                .containsExactly("mat-sway");
        assertThat(slugs(filter("mat easy", Set.of(), Set.of(), 0, 20), Set.of("mat", "easi")))
                .isEmpty();
        assertThat(slugs(filter("SWA", Set.of(), Set.of(), 0, 20), Set.of("swa")))
                .containsExactly("easy-sway", "mat-sway");
        // Only stop words: no lexeme, so only the text itself can match.
        assertThat(slugs(filter("the", Set.of(), Set.of(), 0, 20), Set.of())).isEmpty();
    }

    @Test
    void equipmentAndExcludedTagsNarrowTheList() {
        assertThat(slugs(filter(null, Set.of(Equipment.CHAIR), Set.of(), 0, 20), Set.of()))
                .containsExactly("easy-sway");
        assertThat(slugs(filter(null, Set.of(Equipment.MAT), Set.of(), 0, 20), Set.of()))
                .containsExactly("easy-sway", "mat-sway");
        assertThat(slugs(filter(null, Set.of(), Set.of(SafetyTag.SUSTAINED_EXTENSION), 0, 20), Set.of()))
                .containsExactly("easy-sway");
    }

    @Test
    void pagesCountFromZeroAndAPageBeyondTheEndIsEmpty() {
        assertThat(slugs(filter(null, Set.of(), Set.of(), 1, 1), Set.of())).containsExactly("mat-sway");
        var beyond = index.search(filter(null, Set.of(), Set.of(), 5, 1), Set.of());
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(2);
    }

    @Test
    void anExerciseLinksToItsPublishedNeighboursOnly() {
        CatalogIndex.Linked linked = index.linked("mat-sway").orElseThrow();
        assertThat(linked.easier()).extracting(e -> e.slug).containsExactly("easy-sway");
        assertThat(linked.harder()).isEmpty(); // hard-sway is retired
        assertThat(index.linked("hard-sway")).isPresent(); // a retired one is still found, and says so
        assertThat(index.linked("nothing")).isEmpty();
        assertThat(index.variations("easy-sway").orElseThrow())
                .extracting(e -> e.slug)
                .containsExactly("easy-sway", "mat-sway");
    }

    private ExerciseFilter by(Category category, Region region, Position position, Level level, Direction direction) {
        return new ExerciseFilter(
                null,
                category,
                region,
                position,
                level,
                direction,
                Set.of(),
                Set.of(),
                ExerciseFilter.Sort.NAME,
                0,
                20);
    }

    @Test
    void eachFacetNarrowsTheListToTheExercisesWithThatValue() {
        assertThat(slugs(by(Category.MOBILITY, null, null, null, null), Set.of()))
                .containsExactly("easy-sway", "mat-sway");
        assertThat(slugs(by(Category.STRETCH, null, null, null, null), Set.of()))
                .isEmpty();
        assertThat(slugs(by(null, Region.LOWER_BACK, null, null, null), Set.of()))
                .containsExactly("easy-sway", "mat-sway");
        assertThat(slugs(by(null, Region.HIPS, null, null, null), Set.of())).isEmpty();
        assertThat(slugs(by(null, null, Position.STANDING, null, null), Set.of()))
                .containsExactly("easy-sway", "mat-sway");
        assertThat(slugs(by(null, null, Position.SUPINE, null, null), Set.of())).isEmpty();
        assertThat(slugs(by(null, null, null, Level.INTERMEDIATE, null), Set.of()))
                .containsExactly("mat-sway");
        assertThat(slugs(by(null, null, null, null, Direction.NEUTRAL), Set.of()))
                .containsExactly("easy-sway", "mat-sway");
        assertThat(slugs(by(null, null, null, null, Direction.FLEXION), Set.of()))
                .isEmpty();
    }

    @Test
    void theLastPageHoldsWhatIsLeftAndItsEndIsExclusive() {
        // Two published: page 0 of size 2 holds both; page 0 of size 1 only the first.
        assertThat(slugs(filter(null, Set.of(), Set.of(), 0, 2), Set.of())).containsExactly("easy-sway", "mat-sway");
        assertThat(slugs(filter(null, Set.of(), Set.of(), 0, 1), Set.of())).containsExactly("easy-sway");
        assertThat(slugs(filter(null, Set.of(), Set.of(), 2, 1), Set.of())).isEmpty();
        // The first item of page 1 of size 2 is the third: there is none.
        assertThat(slugs(filter(null, Set.of(), Set.of(), 1, 2), Set.of())).isEmpty();
    }
}
