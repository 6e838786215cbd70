package org.limber.console.rest;

import java.net.URI;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-out: a form post (its CSRF token checked like every form's), never a link, so another site cannot sign a
 * user out. It ends the console's session (its cookies) and then Keycloak's: the browser is sent to Keycloak's
 * end-session endpoint with the ID token, and comes back to {@code /signed-out}.
 */
@Path("/logout")
@Authenticated
public class SignOutResource {

    private final OidcSession session;
    private final OidcConfigurationMetadata provider;
    private final boolean forceHttps;
    private final String clientId;

    public SignOutResource(
            OidcSession session,
            OidcConfigurationMetadata provider,
            @ConfigProperty(name = "quarkus.oidc.authentication.force-redirect-https-scheme", defaultValue = "false")
                    boolean forceHttps,
            @ConfigProperty(name = "quarkus.oidc.client-id") String clientId) {
        this.session = session;
        this.provider = provider;
        this.forceHttps = forceHttps;
        this.clientId = clientId;
    }

    @POST
    public Uni<Response> signOut(@Context UriInfo uri) {
        UriBuilder back = uri.getBaseUriBuilder().path("signed-out");
        if (forceHttps) {
            back.scheme("https");
        }
        URI signedOut = back.build();
        String idToken =
                session.getIdToken() == null ? null : session.getIdToken().getRawToken();
        String endSession = provider.getEndSessionUri();
        URI next = endSession == null
                ? signedOut
                : UriBuilder.fromUri(endSession)
                        .queryParam("client_id", clientId)
                        .queryParam("post_logout_redirect_uri", signedOut)
                        .queryParam("id_token_hint", idToken == null ? new Object[0] : new Object[] {idToken})
                        .build();
        return session.logout().replaceWith(Response.seeOther(next).build());
    }
}
