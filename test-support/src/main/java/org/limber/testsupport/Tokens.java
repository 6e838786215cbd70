package org.limber.testsupport;

import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Real signed bearer tokens for tests, issued with the key that
 * {@link OidcWiremockTestResource} publishes, so the real quarkus-oidc code validates them.
 * The subject is the user's id (a member's id is the token's subject).
 */
public final class Tokens {

    private Tokens() {
    }

    public static String token(String subject, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(subject, Set.of(roles), subject);
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
