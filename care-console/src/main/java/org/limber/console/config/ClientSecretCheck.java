package org.limber.console.config;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console built for production stops at start when it signs in with the demo realm's client secret, which
 * this repository publishes; only the local launcher, on loopback, may use it ({@code ALLOW_DEV_CREDENTIALS=true}).
 */
@Singleton
@IfBuildProfile("prod")
public class ClientSecretCheck {

    /** The secret of the demo realm's {@code limber-console} client (ops/keycloak/limber-realm.json). */
    static final String DEMO_SECRET = "limber-console-secret";

    @ConfigProperty(name = "quarkus.oidc.credentials.secret", defaultValue = "")
    String secret;

    @ConfigProperty(name = "limber.security.allow-development-credentials", defaultValue = "false")
    boolean allowed;

    void onStart(@Observes StartupEvent event) {
        String refusal = refusal(secret, allowed);
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
    }

    /** Why the console must not start with this secret, or null when it may. */
    static String refusal(String secret, boolean allowed) {
        if (allowed) {
            return null;
        }
        if (secret == null || secret.isBlank() || secret.trim().equals(DEMO_SECRET)) {
            return "Refusing to start: the console's client secret (CONSOLE_CLIENT_SECRET) is "
                    + (secret == null || secret.isBlank() ? "not set" : "the demo realm's, which is public")
                    + ". Set CONSOLE_CLIENT_SECRET to the secret of the limber-console client in your realm;"
                    + " only the local launcher may use the demo secret (ALLOW_DEV_CREDENTIALS=true).";
        }
        return null;
    }
}
