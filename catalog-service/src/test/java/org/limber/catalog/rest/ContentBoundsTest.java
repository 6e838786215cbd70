package org.limber.catalog.rest;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.limber.testsupport.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** An editor's content is bounded: no list without a maximum, no repeated values, no body over the limit. */
@QuarkusTest
class ContentBoundsTest {

    private static ValidatableResponse postDraft(Map<String, Object> content) {
        return postDraft(content, Map.of());
    }

    private static ValidatableResponse postDraft(Map<String, Object> content, Map<String, String> headers) {
        return given().headers(headers)
                .auth()
                .oauth2(Tokens.editor("edna"))
                .contentType(ContentType.JSON)
                .body(Map.of("slug", DraftBodies.uniqueSlug("bounds"), "content", content))
                .post("/editor/exercises")
                .then();
    }

    @Test
    void repeatedValuesInAListAreA400NamingTheList() {
        Map<String, Object> content = DraftBodies.content("Repeated regions");
        content.put("regions", List.of("LOWER_BACK", "LOWER_BACK"));
        content.put("safetyTags", Collections.nCopies(10_000, "FLARE_SAFE"));
        postDraft(content)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("content.regions"))
                .body("errors.field", hasItem("content.safetyTags"));
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        Map<String, Object> content = DraftBodies.content("Too large");
        content.put("description", "x".repeat(1_000_000));
        // As a careful client would: the service refuses the body from its declared length, so it is never sent.
        postDraft(content, Map.of("Expect", "100-continue"))
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }
}
