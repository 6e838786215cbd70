package org.limber.console.rest;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console with the production profile's own settings ({@code %prod.} in application.properties, the profile
 * active before {@code test}, which only points sign-in at the test provider and the services nowhere), as it runs
 * behind a TLS-terminating proxy: Secure cookies, https redirects, a {@code __Host-} CSRF cookie, forwarded
 * headers only from trusted proxies, and the security headers on every response.
 */
@QuarkusTest
@TestProfile(ProductionProfileTest.BehindAProxy.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProductionProfileTest {

    /** The production profile, with a proxy address that is not the test's (127.0.0.1): its headers are ignored. */
    public static class BehindAProxy implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "prod,test";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("TRUSTED_PROXIES", "10.9.9.9");
        }
    }

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'self'",
            "Referrer-Policy", "same-origin",
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff");

    static void hasTheSecurityHeaders(Response r, String what) {
        HEADERS.forEach((name, value) ->
                assertThat(r.header(name)).as(name + " on " + what).isEqualTo(value));
    }

    @Test
    void signInRedirectsToHttpsWithSecureStateCookiesAndIgnoresAnUntrustedProxysHeaders() {
        Response r = given().redirects()
                .follow(false)
                .header("X-Forwarded-Host", "attacker.example")
                .header("X-Forwarded-Proto", "http")
                .get("/panel");
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.header("Location");
        assertThat(location).contains("redirect_uri=https%3A%2F%2Flocalhost").doesNotContain("attacker.example");
        List<String> cookies = r.headers().getValues("Set-Cookie");
        assertThat(cookies)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c)
                        .contains("; Secure")
                        .containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));
        hasTheSecurityHeaders(r, "the sign-in redirect");
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        hasTheSecurityHeaders(given().get("/static/console.css"), "a static file");
        hasTheSecurityHeaders(given().get("/signed-out"), "the signed-out page");
        hasTheSecurityHeaders(given().get("/q/health/live"), "health");
    }

    @Test
    @TestSecurity(user = "casey", roles = "clinician")
    void pagesCarryTheHeadersAndTheCsrfCookieIsHostPrefixedSecureAndHttpOnly() {
        Response page = given().get("/panel");
        assertThat(page.statusCode()).isEqualTo(503);
        hasTheSecurityHeaders(page, "a page");
        Response missing = given().get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        hasTheSecurityHeaders(missing, "a page that does not exist");
        String csrf = page.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-csrf="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no __Host-csrf cookie: " + page.headers()));
        assertThat(csrf)
                .contains("; Secure")
                .containsIgnoringCase("HttpOnly")
                .contains("Path=/")
                .doesNotContain("Domain");
        assertThat(page.asString())
                .contains("<form method=\"post\" action=\"/logout\"")
                .doesNotContain("<script>")
                .doesNotContain("style=");
    }

    @Test
    @TestSecurity(user = "casey", roles = "clinician")
    void aFormWithTheHostPrefixedCookieIsAcceptedAndOneWithoutItsTokenRefused() {
        FormToken token = FormToken.of("/alerts");
        assertThat(token.cookie()).isEqualTo("__Host-csrf");
        // Accepted: it reaches progress-service, which does not answer here.
        token.form()
                .formParam("note", "seen")
                .post("/alerts/00000000-0000-0000-0000-000000000001/acknowledge")
                .then()
                .statusCode(503);
        given().contentType("application/x-www-form-urlencoded")
                .cookie(token.cookie(), token.cookieValue())
                .formParam("note", "seen")
                .post("/alerts/00000000-0000-0000-0000-000000000001/acknowledge")
                .then()
                .statusCode(400);
    }

    @Test
    @TestSecurity(user = "casey", roles = "clinician")
    void signOutIsAFormPostWithItsToken() {
        given().redirects().follow(false).get("/logout").then().statusCode(405);
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .post("/logout")
                .then()
                .statusCode(400);
    }
}
