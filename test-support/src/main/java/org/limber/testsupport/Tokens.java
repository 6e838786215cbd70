package org.limber.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;

/**
 * Real signed bearer tokens for tests, shaped as Keycloak issues them for the realm {@code limber}
 * (audience {@code limber-api}, roles in {@code realm_access.roles}, no {@code groups} claim) and
 * signed with the key that {@link OidcWiremockTestResource} publishes, so the real quarkus-oidc code
 * validates them on the production path: the audience check and the role claim apply in every profile.
 * The subject is the user's id (a member's id is the token's subject).
 */
public final class Tokens {

    /** The audience of access tokens (the realm's limber-api audience mapper). */
    public static final String AUDIENCE = "limber-api";
    /** The issuer the wiremock provider announces (quarkus.oidc.token.issuer in the test profile). */
    static final String ISSUER = "https://server.example.com";

    /**
     * How long a test token lives: longer than any test run (a fuzz run with many tries included), so that a
     * token minted at a test's start never expires in the middle of it and turns its answers into 401s.
     */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private Tokens() {}

    public static String token(String subject, String... roles) {
        return token(Set.of(AUDIENCE, "account"), subject, roles);
    }

    /** A token for other audiences (for tests of the audience check). */
    public static String token(Set<String> audiences, String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(audiences)
                .subject(subject)
                .preferredUserName(subject)
                .claim("typ", "Bearer")
                .claim("azp", "limber-app")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(LIFETIME)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }

    /**
     * A member's token carrying their names as Keycloak's profile and e-mail scopes put them in
     * ({@code given_name}, {@code family_name}, {@code email}; {@code preferred_username} is the subject).
     */
    public static String member(String subject, String givenName, String familyName, String email) {
        return Jwt.issuer(ISSUER)
                .audience(Set.of(AUDIENCE, "account"))
                .subject(subject)
                .preferredUserName(subject)
                .claim("given_name", givenName)
                .claim("family_name", familyName)
                .claim("email", email)
                .claim("typ", "Bearer")
                .claim("azp", "limber-app")
                .claim("realm_access", Map.of("roles", List.of("member")))
                .expiresIn(LIFETIME)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }

    /** A clinician's or admin's token carrying their names ({@code given_name}, {@code family_name}), from the console. */
    public static String staff(String subject, String role, String givenName, String familyName) {
        return Jwt.issuer(ISSUER)
                .audience(Set.of(AUDIENCE, "account"))
                .subject(subject)
                .preferredUserName(subject)
                .claim("given_name", givenName)
                .claim("family_name", familyName)
                .claim("typ", "Bearer")
                .claim("azp", "limber-console")
                .claim("realm_access", Map.of("roles", List.of(role)))
                .expiresIn(LIFETIME)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }

    public static String member(String subject) {
        return token(subject, "member");
    }

    public static String clinician(String subject) {
        return token(subject, "clinician");
    }

    public static String editor(String subject) {
        return token(subject, "content-editor");
    }

    public static String admin(String subject) {
        return token(subject, "admin");
    }
}
