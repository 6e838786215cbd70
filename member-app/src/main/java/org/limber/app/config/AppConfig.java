package org.limber.app.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the browser finds the services and the identity provider: addresses as the member's browser
 * reaches them (public URLs), handed to the app by {@code GET /config.json}.
 */
@ConfigMapping(prefix = "limber.app")
public interface AppConfig {

    /** catalog-service's public base URL. */
    @WithDefault("http://localhost:8081")
    String catalogUrl();

    /** routine-service's public base URL. */
    @WithDefault("http://localhost:8082")
    String routineUrl();

    /** progress-service's public base URL. */
    @WithDefault("http://localhost:8083")
    String progressUrl();

    /** engagement-service's public base URL (reminders, push subscriptions, messages with the care team). */
    @WithDefault("http://localhost:8086")
    String engagementUrl();

    /** The realm's issuer URL, from which the app reads the OpenID Connect discovery document. */
    @WithDefault("http://localhost:8180/realms/limber")
    String oidcUrl();

    /** The public client the app signs in with (authorization code and PKCE S256). */
    @WithDefault("limber-app")
    String clientId();
}
