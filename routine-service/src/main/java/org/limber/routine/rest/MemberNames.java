package org.limber.routine.rest;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.limber.common.privacy.ErasedMembers;
import org.limber.common.problem.ProblemException;
import org.limber.routine.repository.PersonRepository.Names;
import org.limber.routine.service.PersonDirectory;

/**
 * A member's names come from their own token (the claims {@code given_name}, {@code family_name},
 * {@code preferred_username} and {@code email} of Keycloak's profile and e-mail scopes) whenever they
 * call the API; the directory writes them only when they changed. A member who has been erased is
 * refused (403) whatever they call but their erasure request (a repeat answers it): a token issued
 * before the account went must not write their data back.
 */
@Singleton
public class MemberNames {

    static final String ERASURE_PATH = "members/me/erasure";

    private final PersonDirectory directory;
    private final SecurityIdentity identity;
    private final ErasedMembers erased;

    public MemberNames(PersonDirectory directory, SecurityIdentity identity, ErasedMembers erased) {
        this.directory = directory;
        this.identity = identity;
        this.erased = erased;
    }

    @ServerRequestFilter
    public void note(ContainerRequestContext request) {
        if (identity.isAnonymous()
                || !identity.hasRole("member")
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        if (erased.isErased(token.getName())) {
            if (request.getUriInfo().getPath().endsWith(ERASURE_PATH)) {
                return;
            }
            throw ProblemException.forbidden("this account has been erased");
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
