package org.limber.routine.rest;

import jakarta.inject.Singleton;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.limber.routine.repository.PersonRepository.Names;
import org.limber.routine.service.PersonDirectory;

/**
 * A member's names come from their own token (the claims {@code given_name}, {@code family_name},
 * {@code preferred_username} and {@code email} of Keycloak's profile and e-mail scopes) whenever they
 * call the API; the directory writes them only when they changed.
 */
@Singleton
public class MemberNames {

    private final PersonDirectory directory;
    private final SecurityIdentity identity;

    public MemberNames(PersonDirectory directory, SecurityIdentity identity) {
        this.directory = directory;
        this.identity = identity;
    }

    @ServerRequestFilter
    public void note() {
        if (identity.isAnonymous()
                || !identity.hasRole("member")
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        directory.noteMember(
                token.getName(),
                new Names(
                        token.getClaim("given_name"),
                        token.getClaim("family_name"),
                        token.getClaim("preferred_username"),
                        token.getClaim("email")));
    }
}
