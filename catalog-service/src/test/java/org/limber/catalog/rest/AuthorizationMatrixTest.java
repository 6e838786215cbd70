package org.limber.catalog.rest;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.limber.testsupport.AuthorizationMatrix;
import org.limber.testsupport.Tokens;

import static org.limber.catalog.rest.DraftBodies.content;
import static org.limber.catalog.rest.DraftBodies.newDraft;
import static org.limber.catalog.rest.DraftBodies.uniqueSlug;

/**
 * Who may call what in catalog-service: every operation of its OpenAPI document as every kind of caller,
 * against the table below (also in docs/security.md). Callers in the order anonymous, member,
 * other member, clinician with the member on the panel, clinician without, content editor, admin.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** The editorial rows run in order on one exercise: start a draft, read, change, publish, discard, retire. */
    static final String SLUG = uniqueSlug("matrix");

    /** The draft's revision, or 0 once it is published (a caller after the editor then gets no further than the editor did). */
    static int revision() {
        var draft =
                RestAssured.given().auth().oauth2(Tokens.editor("edna")).get("/editor/exercises/" + SLUG + "/draft");
        return draft.statusCode() == 200 ? draft.jsonPath().getInt("revision") : 0;
    }

    static Map<String, Object> revised(Map<String, Object> body) {
        Map<String, Object> withRevision = new HashMap<>(body);
        withRevision.put("revision", revision());
        return withRevision;
    }

    static final AuthorizationMatrix MATRIX = new AuthorizationMatrix()
            .row("GET /exercises", "2xx 2xx 2xx 2xx 2xx 2xx 2xx")
            .row("GET /exercises/{slug}", "2xx 2xx 2xx 2xx 2xx 2xx 2xx")
            .row("GET /exercises/{slug}/variations", "2xx 2xx 2xx 2xx 2xx 2xx 2xx")
            .row("GET /editor/exercises", "401 403 403 403 403 2xx 403")
            .row(
                    "POST /editor/exercises",
                    "401 403 403 403 403 2xx 403",
                    () -> newDraft(uniqueSlug("matrix-new"), content("Matrix")))
            .row("POST /editor/exercises/{slug}/draft", "401 403 403 403 403 2xx 403")
            .row("GET /editor/exercises/{slug}/draft", "401 403 403 403 403 2xx 403")
            .row(
                    "PUT /editor/exercises/{slug}/draft",
                    "401 403 403 403 403 2xx 403",
                    () -> revised(Map.of("content", content("Matrix changed"))))
            .row(
                    "POST /editor/exercises/{slug}/publish",
                    "401 403 403 403 403 2xx 403",
                    () -> revised(Map.of("note", "matrix")))
            .row("DELETE /editor/exercises/{slug}/draft", "401 403 403 403 403 404 403")
            .row("GET /editor/exercises/{slug}/versions", "401 403 403 403 403 2xx 403")
            .row("GET /editor/exercises/{slug}/versions/{version}", "401 403 403 403 403 2xx 403")
            .row(
                    "POST /editor/exercises/{slug}/retire",
                    "401 403 403 403 403 2xx 403",
                    () -> Map.of("reason", "matrix clean-up"));

    @Test
    void everyOperationAnswersEachCallerAsTheTableSays() {
        // The exercise the rows work on: created and published once, so that it has a version and public reads.
        RestAssured.given()
                .auth()
                .oauth2(Tokens.editor("edna"))
                .contentType(ContentType.JSON)
                .body(newDraft(SLUG, content("Matrix")))
                .post("/editor/exercises")
                .then()
                .statusCode(201);
        RestAssured.given()
                .auth()
                .oauth2(Tokens.editor("edna"))
                .contentType(ContentType.JSON)
                .body(Map.of("revision", revision()))
                .post("/editor/exercises/" + SLUG + "/publish")
                .then()
                .statusCode(200);
        // The catalog has no member data: a member, clinician or panel changes nothing here.
        MATRIX.check(
                AuthorizationMatrix.tokens("matrix-mia", "matrix-max", "matrix-carl", "matrix-cleo"),
                path -> path.replace("{slug}", SLUG).replace("{version}", "1"));
        MATRIX.requireIn(Path.of("../docs/security.md"));
    }
}
