package org.limber.app.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.limber.app.config.AppConfig;

/** The app's configuration document: the services' and Keycloak's addresses as the browser reaches them. */
@Path("/config.json")
public class ConfigResource {

    /** What the app reads at start (and its service worker keeps for offline starts). */
    public record AppSettings(
            String catalogUrl,
            String routineUrl,
            String progressUrl,
            String engagementUrl,
            String oidcUrl,
            String clientId) {}

    private final AppConfig config;

    public ConfigResource(AppConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response settings() {
        CacheControl noCache = new CacheControl();
        noCache.setNoCache(true);
        return Response.ok(new AppSettings(
                        trimmed(config.catalogUrl()),
                        trimmed(config.routineUrl()),
                        trimmed(config.progressUrl()),
                        trimmed(config.engagementUrl()),
                        trimmed(config.oidcUrl()),
                        config.clientId()))
                .cacheControl(noCache)
                .build();
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
