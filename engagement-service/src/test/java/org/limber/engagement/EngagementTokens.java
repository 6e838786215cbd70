package org.limber.engagement;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

import org.limber.testsupport.Tokens;

/**
 * Tokens for engagement-service: Keycloak-shaped like test-support's {@link Tokens}, with this service's audience
 * ({@value #AUDIENCE}) and the profile claims (names, e-mail) the service reads.
 */
public final class EngagementTokens {

    public static final String AUDIENCE = "engagement-service";

    private EngagementTokens() {}

    public static String token(String subject, String role) {
        return Tokens.token(Set.of(AUDIENCE, "account"), subject, role);
    }

    public static String member(String subject) {
        return withProfile(subject, "member", "Mia", "Member", subject + "@example.org");
    }

    public static String clinician(String subject) {
        return withProfile(subject, "clinician", "Carl", "Clinician", subject + "@example.org");
    }

    public static String admin(String subject) {
        return withProfile(subject, "admin", "Ada", "Admin", subject + "@example.org");
    }

    public static String withProfile(String subject, String role, String given, String family, String email) {
        return Jwt.issuer("https://server.example.com")
                .audience(Set.of(AUDIENCE, "account"))
                .subject(subject)
                .preferredUserName(subject)
                .claim("given_name", given)
                .claim("family_name", family)
                .claim("email", email)
                .claim("typ", "Bearer")
                .claim("azp", "limber-app")
                .claim("realm_access", Map.of("roles", List.of(role)))
                .expiresIn(Tokens.LIFETIME)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }
}
