package org.limber.console.client;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.oidc.AccessTokenCredential;

/**
 * Sends the signed-in user's own access token (from the authorization code flow) to the services, so
 * the console never sees more than the user may and has no privileges of its own. (The Quarkus
 * extension quarkus-rest-client-oidc-token-propagation does the same; it does not resolve here.)
 */
@jakarta.enterprise.context.ApplicationScoped
public class BearerToken implements ClientRequestFilter {

    @Inject
    Instance<AccessTokenCredential> token;

    @Override
    public void filter(ClientRequestContext request) {
        if (!token.isResolvable()) {
            return;
        }
        try {
            AccessTokenCredential credential = token.get();
            if (credential != null && credential.getToken() != null) {
                request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + credential.getToken());
            }
        } catch (RuntimeException noSignedInUser) {
            // No code-flow session on this request: the call goes without a token and the service answers 401.
        }
    }
}
