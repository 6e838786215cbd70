package org.limber.common.security;

import java.util.Optional;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A service built for production stops at start when its database password is one of the
 * development passwords ({@link DevelopmentCredentials}), or, when it keeps member data
 * ({@code limber.privacy.enabled}), with the development pseudonym key; the message names the variable to set.
 */
@Singleton
@IfBuildProfile("prod")
public class DevelopmentCredentialsCheck {

    @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @ConfigProperty(name = "limber.security.allow-development-credentials", defaultValue = "false")
    boolean allowed;

    @ConfigProperty(name = "limber.privacy.enabled", defaultValue = "false")
    boolean privacy;

    @ConfigProperty(name = "limber.privacy.pseudonym-key", defaultValue = "")
    String pseudonymKey;

    void onStart(@Observes StartupEvent event) {
        if (privacy) {
            DevelopmentCredentials.pseudonymKeyRefusal(pseudonymKey, allowed).ifPresent(reason -> {
                throw new IllegalStateException("Refusing to start: " + reason
                        + ". Set LIMBER_PSEUDONYM_KEY to the production secret (the same in every service).");
            });
        }
        DevelopmentCredentials.refusal(user, password, allowed).ifPresent(reason -> {
            throw new IllegalStateException("Refusing to start: " + reason
                    + ". Set DB_PASSWORD to the production secret; only the local launcher may use development passwords"
                    + " (ALLOW_DEV_CREDENTIALS=true).");
        });
    }
}
