package org.limber.catalog.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.limber.events.catalog.CatalogTopics;
import org.limber.events.catalog.ExercisePublished;
import org.limber.events.catalog.ExerciseRetired;
import org.limber.testsupport.TestClock;
import org.limber.testsupport.Tokens;
import org.limber.testsupport.TopicReader;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.limber.catalog.rest.DraftBodies.content;
import static org.limber.catalog.rest.DraftBodies.newDraft;
import static org.limber.catalog.rest.DraftBodies.uniqueSlug;
import static org.limber.catalog.rest.DraftBodies.update;

@QuarkusTest
class EditorResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private static RequestSpecification editor() {
        return given().auth().oauth2(Tokens.editor("edna")).contentType(ContentType.JSON);
    }

    private static String createDraft(String slug, Map<String, Object> content) {
        return editor().body(newDraft(slug, content))
                .post("/editor/exercises")
                .then()
                .statusCode(201)
                .header("Location", containsString("/editor/exercises/" + slug + "/draft"))
                .extract()
                .header("ETag");
    }

    @Inject
    TestClock clock;

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    private static void retire(String slug) {
        editor().body(Map.of("reason", "test clean-up"))
                .post("/editor/exercises/" + slug + "/retire")
                .then()
                .statusCode(200);
    }

    @Test
    void editorialApiNeedsAnEditorToken() {
        given().contentType(ContentType.JSON)
                .body(newDraft("anonymous-try", content("Nope")))
                .post("/editor/exercises")
                .then()
                .statusCode(401);
        given().get("/editor/exercises").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.member("mia"))
                .contentType(ContentType.JSON)
                .body(newDraft("member-try", content("Nope")))
                .post("/editor/exercises")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.clinician("carl"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "no"))
                .post("/editor/exercises/walking/retire")
                .then()
                .statusCode(403);
        given().get("/exercises/walking").then().body("status", equalTo("PUBLISHED"));
        given().auth().oauth2("not-a-token").get("/editor/exercises").then().statusCode(401);
        // A token signed by someone else is refused, whatever roles it claims.
        String forged = Tokens.editor("edna");
        String[] parts = forged.split("\\.");
        given().auth()
                .oauth2(parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse())
                .get("/editor/exercises")
                .then()
                .statusCode(401);
    }

    @Test
    void everyTimeStampedIsTheServicesClocks() throws Exception {
        Instant created = Instant.parse("2026-03-02T09:30:00.123456Z");
        Instant published = created.plus(2, ChronoUnit.HOURS);
        Instant retired = created.plus(3, ChronoUnit.DAYS);
        String slug = uniqueSlug("clock-sway");
        clock.fixAt(created);
        String etag = createDraft(slug, content("Clock sway"));
        editor().get("/editor/exercises/" + slug + "/draft")
                .then()
                .statusCode(200)
                .body("createdAt", equalTo(created.toString()))
                .body("updatedAt", equalTo(created.toString()));
        try (TopicReader topic = new TopicReader(CatalogTopics.EXERCISES)) {
            clock.fixAt(published);
            editor().header("If-Match", etag)
                    .body(Map.of("note", "first version"))
                    .post("/editor/exercises/" + slug + "/publish")
                    .then()
                    .statusCode(200)
                    .body("publishedAt", equalTo(published.toString()));
            ConsumerRecord<String, String> record = topic.await(r -> slug.equals(r.key()), Duration.ofSeconds(30));
            assertThat(JSON.readValue(record.value(), ExercisePublished.class).occurredAt())
                    .isEqualTo(published);
            clock.fixAt(retired);
            editor().body(Map.of("reason", "test clean-up"))
                    .post("/editor/exercises/" + slug + "/retire")
                    .then()
                    .statusCode(200)
                    .body("retiredAt", equalTo(retired.toString()));
            ConsumerRecord<String, String> gone = topic.await(
                    r -> slug.equals(r.key()) && ExerciseRetired.TYPE.equals(TopicReader.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            assertThat(JSON.readValue(gone.value(), ExerciseRetired.class).occurredAt())
                    .isEqualTo(retired);
        }
    }

    @Test
    void draftIsHiddenUntilPublishedThenVersionedAndRetired() throws Exception {
        String slug = uniqueSlug("gentle-sway");
        String etag = createDraft(slug, content("Gentle sway"));
        assertThat(etag).isEqualTo("\"0\"");

        // Drafts are invisible to the public.
        given().get("/exercises/" + slug).then().statusCode(404);
        given().get("/exercises?q=gentle sway").then().body("items.slug", not(hasItem(slug)));
        editor().get("/editor/exercises?size=100").then().statusCode(200).body("items.slug", hasItem(slug));

        // Edit with the ETag read.
        Map<String, Object> edited = content("Gentle sway");
        edited.put("description", "A soft side-to-side sway that eases stiffness.");
        String next = editor().header("If-Match", etag)
                .body(update(edited))
                .put("/editor/exercises/" + slug + "/draft")
                .then()
                .statusCode(200)
                .body("revision", equalTo(1))
                .body("content.description", containsString("soft"))
                .extract()
                .header("ETag");
        editor().get("/editor/exercises/" + slug + "/draft")
                .then()
                .statusCode(200)
                .header("ETag", next);

        // Publish: version 1, visible, an event on the broker.
        try (TopicReader topic = new TopicReader(CatalogTopics.EXERCISES)) {
            editor().header("If-Match", next)
                    .body(Map.of("note", "first version"))
                    .post("/editor/exercises/" + slug + "/publish")
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(1))
                    .body("status", equalTo("PUBLISHED"));
            given().get("/exercises/" + slug).then().statusCode(200).body("description", containsString("soft"));
            editor().get("/editor/exercises/" + slug + "/draft").then().statusCode(404);

            ConsumerRecord<String, String> record = topic.await(r -> slug.equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo(ExercisePublished.TYPE);
            assertThat(TopicReader.header(record, "ce_source")).isEqualTo("urn:limber:catalog-service");
            ExercisePublished event = JSON.readValue(record.value(), ExercisePublished.class);
            assertThat(TopicReader.header(record, "ce_id"))
                    .isEqualTo(event.eventId().toString());
            assertThat(event.slug()).isEqualTo(slug);
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.schemaVersion()).isEqualTo(1);
            assertThat(event.exercise().name()).isEqualTo("Gentle sway");
            assertThat(event.exercise().steps()).hasSize(3);
            assertThat(event.exercise().dose().repsRange().max()).isEqualTo(15);

            // A second version from a new draft.
            String draft2 = editor().post("/editor/exercises/" + slug + "/draft")
                    .then()
                    .statusCode(201)
                    .body("baseVersion", equalTo(1))
                    .extract()
                    .header("ETag");
            Map<String, Object> v2 = content("Gentle sway");
            v2.put("level", "INTERMEDIATE");
            // Only a beginner's exercise is flare-safe (the content rules): the harder version is not.
            v2.put("safetyTags", List.of());
            editor().header("If-Match", draft2)
                    .body(update(v2))
                    .put("/editor/exercises/" + slug + "/draft")
                    .then()
                    .statusCode(200);
            editor().body(Map.of("note", "harder"))
                    .post("/editor/exercises/" + slug + "/publish")
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(2));
            given().get("/exercises/" + slug).then().body("version", equalTo(2)).body("level", equalTo("INTERMEDIATE"));
            editor().get("/editor/exercises/" + slug + "/versions")
                    .then()
                    .statusCode(200)
                    .body("items.version", equalTo(List.of(2, 1)))
                    .body("items[1].note", equalTo("first version"))
                    .body("items[1].content.level", equalTo("BEGINNER"))
                    .body("items[0].author", equalTo("edna"));
            editor().get("/editor/exercises/" + slug + "/versions/1")
                    .then()
                    .statusCode(200)
                    .body("content.level", equalTo("BEGINNER"));
            editor().get("/editor/exercises/" + slug + "/versions/9").then().statusCode(404);

            // Retire: gone from lists, still readable with its status, an event on the broker.
            retire(slug);
            given().get("/exercises?size=100&q=sway").then().body("items.slug", not(hasItem(slug)));
            given().get("/exercises/" + slug).then().statusCode(200).body("status", equalTo("RETIRED"));
            editor().body(Map.of("reason", "again"))
                    .post("/editor/exercises/" + slug + "/retire")
                    .then()
                    .statusCode(409);
            ConsumerRecord<String, String> retired = topic.await(
                    r -> slug.equals(r.key()) && ExerciseRetired.TYPE.equals(TopicReader.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            assertThat(JSON.readValue(retired.value(), ExerciseRetired.class).reason())
                    .isEqualTo("test clean-up");
        }
    }

    @Test
    void aStaleWriteIsRefusedNeverSilentlyApplied() {
        String slug = uniqueSlug("stale-check");
        String etag = createDraft(slug, content("Stale check"));
        Map<String, Object> first = content("Stale check, first editor");
        Map<String, Object> second = content("Stale check, second editor");
        editor().header("If-Match", etag)
                .body(update(first))
                .put("/editor/exercises/" + slug + "/draft")
                .then()
                .statusCode(200);
        // The second editor still holds the old ETag.
        editor().header("If-Match", etag)
                .body(update(second))
                .put("/editor/exercises/" + slug + "/draft")
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        // The revision may be given in the body instead; a stale one is refused too.
        editor().body(Map.of("revision", 0, "content", second))
                .put("/editor/exercises/" + slug + "/draft")
                .then()
                .statusCode(412);
        // Without any revision the write is refused as well.
        editor().body(update(second))
                .put("/editor/exercises/" + slug + "/draft")
                .then()
                .statusCode(428);
        editor().get("/editor/exercises/" + slug + "/draft")
                .then()
                .body("content.name", equalTo("Stale check, first editor"));
        // Publishing a revision that is not the latest is refused.
        editor().header("If-Match", "\"0\"")
                .post("/editor/exercises/" + slug + "/publish")
                .then()
                .statusCode(412);
        editor().header("If-Match", "\"1\"")
                .delete("/editor/exercises/" + slug + "/draft")
                .then()
                .statusCode(204);
        editor().get("/editor/exercises/" + slug + "/draft").then().statusCode(404);
    }

    @Test
    void slugsAreUnique() {
        editor().body(newDraft("walking", content("Walking again")))
                .post("/editor/exercises")
                .then()
                .statusCode(409);
        String slug = uniqueSlug("twice");
        createDraft(slug, content("Twice"));
        editor().body(newDraft(slug, content("Twice")))
                .post("/editor/exercises")
                .then()
                .statusCode(409);
        editor().post("/editor/exercises/walking/draft").then().statusCode(201);
        editor().post("/editor/exercises/walking/draft").then().statusCode(409);
        editor().header("If-Match", "\"0\"")
                .delete("/editor/exercises/walking/draft")
                .then()
                .statusCode(204);
        editor().post("/editor/exercises/no-such-thing/draft").then().statusCode(404);
        editor().post("/editor/exercises/no-such-thing/retire")
                .then()
                .statusCode(400); // no body: the reason is missing
        editor().body(Map.of("reason", "x"))
                .post("/editor/exercises/no-such-thing/retire")
                .then()
                .statusCode(404);
    }

    @Test
    void invalidContentIsAProblemNamingEachField() {
        Map<String, Object> bad = content("");
        bad.put("steps", List.of());
        bad.put("category", "DANCE");
        editor().body(newDraft("Bad Slug!", content("x")))
                .post("/editor/exercises")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("slug"));
        editor().body(newDraft(uniqueSlug("bad-enum"), bad))
                .post("/editor/exercises")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("content.category"))
                .body("errors[0].message", containsString("MOBILITY"));
        bad.put("category", "MOBILITY");
        editor().body(newDraft(uniqueSlug("bad-fields"), bad))
                .post("/editor/exercises")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("content.name", "content.steps"));

        Map<String, Object> badDose = content("Bad dose");
        @SuppressWarnings("unchecked")
        Map<String, Object> dose = (Map<String, Object>) badDose.get("dose");
        dose.put("reps", 40); // outside its range 5-15
        dose.put("sets", 0); // below 1
        editor().body(newDraft(uniqueSlug("bad-dose"), badDose))
                .post("/editor/exercises")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("content.dose.sets"));
        dose.put("sets", 2);
        editor().body(newDraft(uniqueSlug("bad-dose"), badDose))
                .post("/editor/exercises")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("dose.range.reps"));
        dose.put("reps", 10);
        dose.put("durationSeconds", 60);
        editor().body(newDraft(uniqueSlug("bad-dose"), badDose))
                .post("/editor/exercises")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("dose"));

        // An editor's draft whose tags contradict its position is refused like a shipped file.
        Map<String, Object> floorUntagged = content("Floor untagged");
        floorUntagged.put("position", "SUPINE");
        editor().body(newDraft(uniqueSlug("floor-untagged"), floorUntagged))
                .post("/editor/exercises")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("safetyTags"))
                .body("errors.message", hasItem(containsString("FLOOR_TRANSFER")));

        Map<String, Object> typo = content("Typo");
        typo.put("stepz", List.of("x"));
        editor().body(newDraft(uniqueSlug("typo"), typo))
                .post("/editor/exercises")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("content.stepz"));
        editor().body("{not json")
                .post("/editor/exercises")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // Nothing of it was kept.
        editor().get("/editor/exercises?size=100").then().body("items.slug", not(hasItem(containsString("bad-"))));
    }

    @Test
    void linksMustResolveAndNeverFormACycle() {
        String slug = uniqueSlug("linked");
        Map<String, Object> unknown = content("Linked");
        unknown.put("harder", List.of("no-such-exercise"));
        String etag = createDraft(slug, unknown);
        editor().post("/editor/exercises/" + slug + "/publish")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("harder[0]"))
                .body("errors[0].message", containsString("no-such-exercise"));

        // walking-easier -> slug -> walking, then walking -> walking-easier would close a circle.
        Map<String, Object> between = content("Linked");
        between.put("harder", List.of("walking"));
        editor().header("If-Match", etag)
                .body(update(between))
                .put("/editor/exercises/" + slug + "/draft")
                .then()
                .statusCode(200);
        editor().post("/editor/exercises/" + slug + "/publish").then().statusCode(200);
        given().get("/exercises/walking").then().body("easier.slug", hasItem(slug));

        editor().post("/editor/exercises/walking/draft").then().statusCode(201);
        String walkingEtag = editor().get("/editor/exercises/walking/draft").header("ETag");
        Map<String, Object> walking = content("Walking");
        walking.put("harder", List.of(slug));
        editor().header("If-Match", walkingEtag)
                .body(update(walking))
                .put("/editor/exercises/walking/draft")
                .then()
                .statusCode(200);
        editor().post("/editor/exercises/walking/publish")
                .then()
                .statusCode(422)
                .body("errors[0].message", containsString("cycle"));
        given().get("/exercises/walking").then().body("version", equalTo(1)).body("harder.slug", not(hasItem(slug)));
        editor().header("If-Match", "\"1\"")
                .delete("/editor/exercises/walking/draft")
                .then()
                .statusCode(204);
        retire(slug);
    }
}
