package org.limber.catalog.rest;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.limber.testsupport.RequestFuzzer;
import org.limber.testsupport.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.limber.catalog.rest.DraftBodies.content;
import static org.limber.catalog.rest.DraftBodies.newDraft;
import static org.limber.catalog.rest.DraftBodies.uniqueSlug;

/** Random and mutated requests to every operation, each with an editor's token: never a 5xx. */
@QuarkusTest
class FuzzedRequestsTest {

    @Test
    void noInputAnswers5xx() {
        String token = Tokens.editor("fuzz-edna");
        new RequestFuzzer()
                .run(
                        200,
                        operation -> token,
                        Map.of(
                                "POST /editor/exercises",
                                newDraft(uniqueSlug("fuzz"), content("Fuzz")),
                                "PUT /editor/exercises/{slug}/draft",
                                Map.of("revision", 1, "content", content("Fuzz")),
                                "POST /editor/exercises/{slug}/publish",
                                Map.of("revision", 1, "note", "fuzz"),
                                "POST /editor/exercises/{slug}/retire",
                                Map.of("reason", "fuzz")),
                        Map.of("slug", "cat-cow", "version", "1"));
    }

    @Test
    void aNulCharacterInAPathQueryOrBodyIsA400NamingTheField() {
        String token = Tokens.editor("fuzz-edna");
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(token)
                .get("/editor/exercises/cat%00cow/draft")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("slug"));
        given().urlEncodingEnabled(false)
                .get("/exercises?q=bridge%00")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("q"));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("reason", "no\u0000"))
                .post("/editor/exercises/cat-cow/retire")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("reason"));
    }
}
