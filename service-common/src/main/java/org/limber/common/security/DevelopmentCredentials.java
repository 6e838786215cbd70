package org.limber.common.security;

import java.util.Optional;
import java.util.Set;

/**
 * The rule that keeps the development passwords out of production: the local launcher and the
 * development realm use well-known passwords (a database role's password is its name); a service
 * built for production refuses to start with one of them, unless it is told it runs on the local
 * launcher (loopback only, {@code ALLOW_DEV_CREDENTIALS=true}).
 */
public final class DevelopmentCredentials {

    /** The passwords the repository itself uses somewhere (launcher, realm file, tests, old compose defaults). */
    static final Set<String> KNOWN =
            Set.of("catalog", "routine", "progress", "postgres", "keycloak", "admin", "limber", "password");

    private DevelopmentCredentials() {}

    /**
     * Why the datasource credentials must not be used in production, or empty when they may.
     *
     * @param user the datasource user
     * @param password the datasource password (empty when none is set)
     * @param allowed whether development credentials are explicitly allowed (the local launcher)
     */
    public static Optional<String> refusal(String user, Optional<String> password, boolean allowed) {
        if (allowed) {
            return Optional.empty();
        }
        String value = password.orElse("");
        if (value.isBlank()) {
            return Optional.of("no database password is set (DB_PASSWORD)");
        }
        if (KNOWN.contains(value.toLowerCase()) || value.equalsIgnoreCase(user)) {
            return Optional.of("the database password (DB_PASSWORD) is a development password of this repository");
        }
        return Optional.empty();
    }

    /**
     * Why the pseudonym key ({@code LIMBER_PSEUDONYM_KEY}) must not be used in production, or empty
     * when it may: the development key, a development password, or fewer than 32 characters.
     */
    public static Optional<String> pseudonymKeyRefusal(String key, boolean allowed) {
        if (allowed) {
            return Optional.empty();
        }
        String value = key == null ? "" : key;
        if (value.equals(org.limber.common.privacy.Pseudonyms.DEVELOPMENT_KEY) || KNOWN.contains(value.toLowerCase())) {
            return Optional.of("the pseudonym key (LIMBER_PSEUDONYM_KEY) is the development key of this repository");
        }
        if (value.length() < 32) {
            return Optional.of("the pseudonym key (LIMBER_PSEUDONYM_KEY) is shorter than 32 characters");
        }
        return Optional.empty();
    }
}
