package org.limber.catalog.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.limber.catalog.domain.Exercise;
import org.limber.catalog.domain.Origin;
import org.limber.testsupport.Tokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Loading the exercise files again, or from two instances at once, never duplicates or overwrites. */
@QuarkusTest
class SeedLoaderTest {

    @Inject
    SeedLoader seeds;

    @Inject
    EntityManager em;

    private long versions() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from exercise_version")
                                .getSingleResult())
                        .longValue());
    }

    private Exercise exercise(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(Exercise.class, slug));
    }

    /** Makes the service believe the file of {@code slug} changed since it was loaded. */
    private void pretendFileChanged(String slug) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update exercise set seed_hash = 'older' where slug = ?1")
                        .setParameter(1, slug)
                        .executeUpdate());
    }

    @Test
    void loadingAgainChangesNothing() {
        long before = versions();
        assertThat(seeds.load()).isEmpty();
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aChangedFileIsRepublishedOnceEvenByTwoInstancesAtOnce() {
        int version = exercise("glute-bridge").version;
        pretendFileChanged("glute-bridge");
        var first = CompletableFuture.supplyAsync(seeds::load);
        var second = CompletableFuture.supplyAsync(seeds::load);
        List<String> published = new ArrayList<>(first.join());
        published.addAll(second.join());
        assertThat(published).containsExactly("glute-bridge");
        assertThat(exercise("glute-bridge").version).isEqualTo(version + 1);
        assertThat(exercise("glute-bridge").origin).isEqualTo(Origin.SEED);
    }

    @Test
    void anEditorsNewerVersionIsNeverOverwrittenByTheFiles() {
        var editor = given().auth().oauth2(Tokens.editor("edna")).contentType(ContentType.JSON);
        editor.post("/editor/exercises/dead-bug/draft").then().statusCode(201);
        given().auth()
                .oauth2(Tokens.editor("edna"))
                .contentType(ContentType.JSON)
                .body(Map.of("note", "reviewed"))
                .post("/editor/exercises/dead-bug/publish")
                .then()
                .statusCode(200);
        Exercise edited = exercise("dead-bug");
        assertThat(edited.origin).isEqualTo(Origin.EDITOR);
        pretendFileChanged("dead-bug");
        assertThat(seeds.load()).doesNotContain("dead-bug");
        assertThat(exercise("dead-bug").version).isEqualTo(edited.version);
        assertThat(exercise("dead-bug").origin).isEqualTo(Origin.EDITOR);
    }
}
