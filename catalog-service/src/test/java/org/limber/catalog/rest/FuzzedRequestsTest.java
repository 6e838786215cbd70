package org.limber.catalog.rest;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import org.limber.testsupport.RequestFuzzer;
import org.limber.testsupport.Tokens;

import static org.limber.catalog.rest.DraftBodies.content;
import static org.limber.catalog.rest.DraftBodies.newDraft;
import static org.limber.catalog.rest.DraftBodies.uniqueSlug;

/** Random and mutated requests to every operation, each with an editor's token: never a 5xx. */
@QuarkusTest
class FuzzedRequestsTest {

    @Test
    @Disabled(
            "unfinished (issue 14, inputs fuzzed): Vert.x answers a 5000-character URI with a bare 414, not problem+json; decide and re-enable")
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
}
