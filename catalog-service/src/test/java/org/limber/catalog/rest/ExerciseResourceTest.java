package org.limber.catalog.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.catalog.service.SeedLoader;
import org.limber.catalog.service.SeedLoader.SeedEntry;
import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.Region;
import org.limber.events.catalog.SafetyTag;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ExerciseResourceTest {

    @Inject
    SeedLoader seeds;

    List<SeedEntry> content;

    @BeforeEach
    void readContentFiles() {
        content = seeds.read("exercises");
    }

    /** The slugs the content files say match, in name order: the oracle for the filters. */
    private List<String> expected(Predicate<SeedEntry> filter) {
        return content.stream()
                .filter(filter)
                .sorted(Comparator.comparing((SeedEntry e) -> e.content().name())
                        .thenComparing(SeedEntry::slug))
                .map(SeedEntry::slug)
                .toList();
    }

    private List<String> allSlugs(String query) {
        List<String> slugs = new ArrayList<>();
        int page = 0;
        while (true) {
            Response response =
                    given().when().get("/exercises?size=100&page=" + page + (query.isEmpty() ? "" : "&" + query));
            response.then().statusCode(200);
            slugs.addAll(response.jsonPath().getList("items.slug", String.class));
            if (page + 1 >= response.jsonPath().getInt("totalPages")) {
                return slugs;
            }
            page++;
        }
    }

    @Test
    void listsEveryPublishedExerciseInNameOrderWithoutAToken() {
        assertThat(allSlugs("")).containsExactlyElementsOf(expected(e -> true));
        assertThat(content).hasSizeGreaterThanOrEqualTo(35);
    }

    @Test
    void filtersByEachField() {
        assertThat(allSlugs("category=CORE_STABILITY"))
                .containsExactlyElementsOf(expected(e -> e.content().category() == Category.CORE_STABILITY))
                .contains("bird-dog", "dead-bug", "forearm-plank");
        assertThat(allSlugs("region=GLUTES"))
                .containsExactlyElementsOf(expected(e -> e.content().regions().contains(Region.GLUTES)))
                .contains("glute-bridge");
        assertThat(allSlugs("position=standing"))
                .containsExactlyElementsOf(expected(e -> e.content().position() == Position.STANDING))
                .contains("wall-push-up", "walking");
        assertThat(allSlugs("level=ADVANCED"))
                .containsExactlyElementsOf(expected(e -> e.content().level() == Level.ADVANCED));
        assertThat(allSlugs("direction=EXTENSION"))
                .containsExactlyElementsOf(expected(e -> e.content().direction() == Direction.EXTENSION))
                .contains("prone-press-up");
    }

    @Test
    void equipmentMeansOnlyWhatICanDoWithIt() {
        Set<Equipment> mine = Set.of(Equipment.MAT, Equipment.NONE);
        List<String> slugs = allSlugs("equipment=MAT");
        assertThat(slugs)
                .containsExactlyElementsOf(
                        expected(e -> mine.containsAll(e.content().equipment())))
                .contains("glute-bridge", "walking")
                .doesNotContain("pallof-press", "chair-sit-to-stand", "foam-roll-glutes");
        assertThat(allSlugs("equipment=MAT&equipment=RESISTANCE_BAND")).contains("pallof-press", "band-pull-apart");
        assertThat(allSlugs("equipment=MAT,RESISTANCE_BAND")).contains("pallof-press");
    }

    @Test
    void excludedSafetyTagsAreLeftOut() {
        List<String> slugs = allSlugs("excludeTag=SUSTAINED_EXTENSION&excludeTag=LOADED_EXTENSION");
        assertThat(slugs)
                .doesNotContain("superman", "prone-press-up", "prone-on-elbows")
                .containsExactlyElementsOf(expected(e -> e.content().safetyTags().stream()
                        .noneMatch(Set.of(SafetyTag.SUSTAINED_EXTENSION, SafetyTag.LOADED_EXTENSION)::contains)));
    }

    @Test
    void filtersCombine() {
        List<String> slugs = allSlugs("category=STRETCH&position=STANDING&excludeTag=LOADED_BENDING&equipment=NONE");
        assertThat(slugs)
                .containsExactlyElementsOf(expected(e -> e.content().category() == Category.STRETCH
                        && e.content().position() == Position.STANDING
                        && !e.content().safetyTags().contains(SafetyTag.LOADED_BENDING)
                        && Set.of(Equipment.NONE).containsAll(e.content().equipment())));
        assertThat(slugs).isNotEmpty();
    }

    @Test
    void textSearchCoversNameAliasesAndDescriptionWithStems() {
        assertThat(allSlugs("q=plank"))
                .contains("knee-plank", "forearm-plank", "full-plank", "knee-side-plank", "side-plank");
        assertThat(allSlugs("q=piriformis")).contains("figure-four-stretch"); // an alias
        assertThat(allSlugs("q=frisbee")).contains("standing-diagonal-reach");
        assertThat(allSlugs("q=PUSH-UP")).contains("wall-push-up", "push-up");
        assertThat(allSlugs("q=zzzunknownzzz")).isEmpty();
        assertThat(allSlugs("q=%25")).isEmpty(); // a literal %, not a wildcard
    }

    @Test
    void pagesAreStableAndCarryTheTotal() {
        List<String> all = expected(e -> true);
        Response first = given().get("/exercises?size=10&page=0");
        first.then()
                .statusCode(200)
                .body("total", equalTo(all.size()))
                .body("size", equalTo(10))
                .body("totalPages", equalTo((all.size() + 9) / 10));
        Response second = given().get("/exercises?size=10&page=1");
        assertThat(first.jsonPath().getList("items.slug")).containsExactlyElementsOf(all.subList(0, 10));
        assertThat(second.jsonPath().getList("items.slug")).containsExactlyElementsOf(all.subList(10, 20));
        given().get("/exercises?size=10&page=1000").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void sortsByLevelStably() {
        List<String> levels =
                given().get("/exercises?sort=level&size=100").jsonPath().getList("items.level", String.class);
        assertThat(levels).isSortedAccordingTo(Comparator.comparing(Level::valueOf));
    }

    @Test
    void badFilterValuesAreProblemsNamingTheParameter() {
        given().get("/exercises?category=YOGA")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("CORE_STABILITY"))
                .body("type", containsString("validation"));
        given().get("/exercises?equipment=MAT&equipment=TRAMPOLINE")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("equipment"));
        given().get("/exercises?excludeTag=NOPE").then().statusCode(400).body("errors[0].field", equalTo("excludeTag"));
        given().get("/exercises?size=1000").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().get("/exercises?page=abc").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().get("/exercises?sort=random").then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    @Test
    void oneExerciseInFullWithItsNeighbours() {
        given().get("/exercises/knee-push-up")
                .then()
                .statusCode(200)
                .body("slug", equalTo("knee-push-up"))
                .body("status", equalTo("PUBLISHED"))
                .body("steps.size()", greaterThanOrEqualTo(3))
                .body("dose.sets", greaterThan(0))
                .body("easier.slug", equalTo(List.of("incline-push-up")))
                .body("harder.slug", equalTo(List.of("push-up")));
    }

    @Test
    void unknownSlugIsA404Problem() {
        given().get("/exercises/no-such-exercise")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("no-such-exercise"));
    }

    @Test
    void variationsAreTheWholeChainInOrder() {
        List<String> pushUps = List.of("wall-push-up", "incline-push-up", "knee-push-up", "push-up");
        for (String member : pushUps) {
            given().get("/exercises/" + member + "/variations")
                    .then()
                    .statusCode(200)
                    .body("chain.slug", equalTo(pushUps));
        }
        given().get("/exercises/knee-plank/variations")
                .then()
                .body("chain.slug", equalTo(List.of("knee-plank", "forearm-plank", "full-plank")));
        given().get("/exercises/hip-hinge/variations")
                .then()
                .body("chain.slug", equalTo(List.of("hip-hinge", "hip-hinge-towel-pull", "kickstand-rdl")));
        // Two partial bird dogs lead to the full one, which leads to the Pallof press.
        List<String> birdDogs =
                given().get("/exercises/pallof-press/variations").jsonPath().getList("chain.slug", String.class);
        assertThat(birdDogs).hasSize(4).endsWith("bird-dog", "pallof-press");
        assertThat(birdDogs.subList(0, 2)).containsExactlyInAnyOrder("bird-dog-arm-reach", "bird-dog-leg-reach");
        given().get("/exercises/walking/variations").then().body("chain.slug", equalTo(List.of("walking")));
        given().get("/exercises/nope/variations").then().statusCode(404);
    }

    @Test
    void readsCarryAnETagAndAnswer304WhenItMatches() {
        for (String path :
                List.of("/exercises?category=STRETCH", "/exercises/cat-cow", "/exercises/cat-cow/variations")) {
            Response first = given().get(path);
            first.then().statusCode(200).header("Cache-Control", containsString("max-age"));
            String etag = first.header("ETag");
            assertThat(etag).startsWith("\"").endsWith("\"");
            given().header("If-None-Match", etag)
                    .get(path)
                    .then()
                    .statusCode(304)
                    .header("ETag", etag);
            given().header("If-None-Match", "W/" + etag).get(path).then().statusCode(304);
            given().header("If-None-Match", "\"something-else\"")
                    .get(path)
                    .then()
                    .statusCode(200);
        }
        String stretches = given().get("/exercises?category=STRETCH").header("ETag");
        String mobility = given().get("/exercises?category=MOBILITY").header("ETag");
        assertThat(stretches).isNotEqualTo(mobility);
    }

    @Test
    void theWebClientsOriginMayCallTheApiAndReadItsHeaders() {
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match")
                .options("/editor/exercises/cat-cow/draft")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
        given().header("Origin", "http://localhost:3000")
                .get("/exercises")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        given().header("Origin", "https://elsewhere.example")
                .get("/exercises")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void openApiAndHealthAreServed() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/exercises"))
                .body("paths", hasKey("/editor/exercises/{slug}/publish"));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("limber_outbox_backlog"));
        given().get("/exercises").then().body("items.slug", everyItem(not(containsString(" "))));
    }
}
