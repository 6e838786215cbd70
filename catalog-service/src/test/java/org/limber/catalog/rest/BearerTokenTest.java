package org.limber.catalog.rest;

import java.util.List;
import java.util.Set;
import java.util.logging.Level;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import org.limber.testsupport.LogCapture;
import org.limber.testsupport.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only signed JWT access tokens, verified locally: a garbage bearer token is a 401 without any
 * call to the OIDC provider (no introspection) and without an ERROR line. The setting is shared
 * by every service (service-common's defaults).
 */
@QuarkusTest
class BearerTokenTest {

    @OidcWireMock
    WireMockServer provider;

    @Test
    void garbageBearerTokensAre401sWithoutIntrospectionOrAnErrorLine() {
        // A valid token first, so that the provider's keys are fetched and cached before counting.
        given().auth()
                .oauth2(Tokens.editor("edna"))
                .get("/editor/exercises")
                .then()
                .statusCode(200);
        List<String> calls;
        List<String> errors;
        try (LogCapture log = LogCapture.atLeast(Level.SEVERE)) {
            int before = providerCalls().size();
            for (int i = 0; i < 10; i++) {
                for (String token :
                        List.of("garbage", "not.a.jwt", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")) {
                    given().auth().oauth2(token).get("/editor/exercises").then().statusCode(401);
                }
            }
            calls = providerCalls().subList(before, providerCalls().size());
            errors = log.lines();
        }
        // A JWT signed with an unknown key may make the service refresh the provider's keys (for key
        // rotation), at most once per quarkus.oidc.token.forced-jwk-refresh-interval; nothing else.
        assertThat(calls)
                .as("calls to the OIDC provider for 30 bad tokens")
                .allMatch(url -> url.endsWith("/certs"))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(errors).as("ERROR lines").isEmpty();
    }

    private List<String> providerCalls() {
        return provider.findAll(anyRequestedFor(anyUrl())).stream()
                .map(request -> request.getUrl())
                .toList();
    }

    @Test
    void theAudienceAndTheRealmRolesAreCheckedAsInProduction() {
        // A token of the same provider for another audience (another client's API) is refused.
        given().auth()
                .oauth2(Tokens.token(Set.of("account", "other-api"), "edna", "content-editor"))
                .get("/editor/exercises")
                .then()
                .statusCode(401);
        // The roles come from realm_access.roles only: a token with the role elsewhere has none.
        String groupsOnly = OidcWiremockTestResource.generateJwtToken(
                "edna", Set.of("content-editor"), "edna", "Bearer", Set.of(Tokens.AUDIENCE));
        given().auth().oauth2(groupsOnly).get("/editor/exercises").then().statusCode(403);
    }

    @Test
    void aValidTokenStillWorks() {
        given().auth()
                .oauth2(Tokens.editor("edna"))
                .get("/editor/exercises")
                .then()
                .statusCode(200);
    }
}
