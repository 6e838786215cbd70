package org.limber.catalog.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.limber.catalog.domain.CatalogIndex;
import org.limber.catalog.domain.Exercise;
import org.limber.catalog.domain.ExerciseContent;
import org.limber.catalog.domain.ExerciseFilter;
import org.limber.catalog.domain.ExerciseStatus;
import org.limber.catalog.repository.ExerciseRepository;
import org.limber.catalog.rest.DraftBodies;
import org.limber.common.paging.Page;
import org.limber.events.catalog.Category;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Region;
import org.limber.events.catalog.SafetyTag;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class CatalogServiceTest {

    @Inject
    CatalogService catalog;

    @Inject
    ExerciseRepository exercises;

    @Inject
    EditorialService editorial;

    @Inject
    ObjectMapper json;

    private static ExerciseFilter filter(
            String q,
            Category category,
            Region region,
            Level level,
            Set<Equipment> equipment,
            Set<SafetyTag> excludeTags,
            ExerciseFilter.Sort sort,
            int page,
            int size) {
        return new ExerciseFilter(q, category, region, null, level, null, equipment, excludeTags, sort, page, size);
    }

    /** The in-memory search answers exactly as the database's full-text and substring search does. */
    @Test
    void searchFromMemoryAnswersAsTheDatabase() {
        List<ExerciseFilter> filters = new ArrayList<>();
        List<String> words = Arrays.asList(
                null,
                "stretch",
                "stretches",
                "stretching",
                "bird-dog",
                "bird dog",
                "the",
                "knee to chest",
                "BACK",
                "rotat",
                "cat",
                "%",
                "a_b",
                "breathing deep",
                "hip flexor",
                "no such thing",
                "s");
        for (String q : words) {
            for (ExerciseFilter.Sort sort : ExerciseFilter.Sort.values()) {
                filters.add(filter(q, null, null, null, Set.of(), Set.of(), sort, 0, 100));
            }
            filters.add(
                    filter(q, null, null, null, EnumSet.of(Equipment.NONE), Set.of(), ExerciseFilter.Sort.NAME, 0, 20));
        }
        filters.add(filter(null, Category.STRETCH, null, null, Set.of(), Set.of(), ExerciseFilter.Sort.LEVEL, 0, 5));
        filters.add(filter(null, Category.STRETCH, null, null, Set.of(), Set.of(), ExerciseFilter.Sort.LEVEL, 1, 5));
        filters.add(filter(
                null, null, Region.LOWER_BACK, Level.BEGINNER, Set.of(), Set.of(), ExerciseFilter.Sort.CATEGORY, 0, 7));
        filters.add(filter(
                null,
                null,
                null,
                null,
                EnumSet.of(Equipment.MAT),
                EnumSet.of(SafetyTag.SUSTAINED_EXTENSION),
                ExerciseFilter.Sort.NAME,
                0,
                100));
        filters.add(filter(null, null, null, null, Set.of(), Set.of(), ExerciseFilter.Sort.NAME, 2, 20));
        filters.add(filter(null, null, null, null, Set.of(), Set.of(), ExerciseFilter.Sort.RECENT, 50, 20));

        CatalogIndex index = catalog.refresh();
        int nonEmpty = 0;
        for (ExerciseFilter f : filters) {
            Page<Exercise> database = QuarkusTransaction.requiringNew().call(() -> exercises.search(f));
            Page<Exercise> memory = index.search(f, f.q() == null ? Set.of() : catalog.lexemes(f.q()));
            assertThat(slugs(memory)).as("%s", f).isEqualTo(slugs(database));
            assertThat(memory.total()).as("%s", f).isEqualTo(database.total());
            nonEmpty += memory.items().isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("filters that find something").isGreaterThan(filters.size() / 2);
    }

    private static List<String> slugs(Page<Exercise> page) {
        return page.items().stream().map(e -> e.slug).toList();
    }

    /**
     * Another instance (here a second CatalogService over the same database, with no requests of
     * its own) sees what this one published and retired once it checks the database's version.
     */
    @Test
    void anotherInstanceSeesAPublicationMadeElsewhere() throws Exception {
        CatalogService other = new CatalogService(exercises);
        other.refresh();
        assertThat(other.refreshIfChanged()).isFalse();

        String slug = DraftBodies.uniqueSlug("elsewhere");
        ExerciseContent content = json.convertValue(DraftBodies.content("Published elsewhere"), ExerciseContent.class);
        editorial.createDraft(slug, content, "edna");
        editorial.publish(slug, null, "first", "edna");
        // This instance answers its own publication at once; the other one still has its old catalog.
        assertThat(catalog.index().find(slug)).isPresent();
        assertThat(other.index().find(slug)).isEmpty();
        assertThat(other.refreshIfChanged()).isTrue();
        assertThat(other.index().find(slug).map(e -> e.status)).contains(ExerciseStatus.PUBLISHED);

        editorial.retire(slug, "test clean-up", "edna");
        assertThat(other.index().find(slug).map(e -> e.status)).contains(ExerciseStatus.PUBLISHED);
        assertThat(other.refreshIfChanged()).isTrue();
        assertThat(other.index().find(slug).map(e -> e.status)).contains(ExerciseStatus.RETIRED);
        assertThat(other.index()
                        .search(
                                filter(null, null, null, null, Set.of(), Set.of(), ExerciseFilter.Sort.NAME, 0, 100),
                                Set.of())
                        .items())
                .noneMatch(e -> e.slug.equals(slug));
    }

    /** A change written by another instance (straight into the database here) reaches this instance's API by its poll. */
    @Test
    void theApiShowsAChangeMadeByAnotherInstanceWithinSeconds() {
        String slug = "walking";
        given().get("/exercises/" + slug).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        setStatus(slug, ExerciseStatus.RETIRED);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                given().get("/exercises/" + slug).then().statusCode(200).body("status", equalTo("RETIRED"));
                given().get("/exercises?size=100").then().statusCode(200).body("items.slug", not(hasItem(slug)));
            });
        } finally {
            setStatus(slug, ExerciseStatus.PUBLISHED);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get("/exercises?size=100")
                        .then()
                        .statusCode(200)
                        .body("items.slug", hasItem(slug)));
    }

    private void setStatus(String slug, ExerciseStatus status) {
        QuarkusTransaction.requiringNew().run(() -> {
            Exercise exercise = exercises.findById(slug);
            exercise.status = status;
            exercise.retiredAt = status == ExerciseStatus.RETIRED ? Instant.now() : null;
        });
    }
}
