package org.limber.engagement.rest;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import org.limber.common.privacy.ErasedMembers;
import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.engagement.repository.ContactStore;
import org.limber.engagement.service.MessageService.Caller;

/**
 * The caller from their token: the subject is their id, {@code given_name family_name} their name (the
 * {@code preferred_username} when the token has none), and the e-mail and roles are remembered so that
 * notifications can reach them (ContactStore).
 */
@RequestScoped
public class Callers {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;

    private final SecurityIdentity identity;
    private final ContactStore contacts;
    private final Clock clock;
    private final ErasedMembers erased;

    public Callers(SecurityIdentity identity, ContactStore contacts, Clock clock, ErasedMembers erased) {
        this.identity = identity;
        this.contacts = contacts;
        this.clock = clock;
        this.erased = erased;
    }

    public Caller caller() {
        return new Caller(id(), name(), identity.hasRole("admin"));
    }

    public String id() {
        return identity.getPrincipal().getName();
    }

    /**
     * Remembers the caller's e-mail, name and roles (for their notifications). An erased member (a token
     * issued before their account went) is refused: nothing of theirs is written back.
     */
    public Caller remembered() {
        Caller caller = caller();
        if (erased.isErased(caller.id())) {
            throw ProblemException.forbidden("this account has been erased");
        }
        List<String> roles = identity.getRoles().stream()
                .filter(r -> List.of("member", "clinician", "admin").contains(r))
                .toList();
        contacts.remember(caller.id(), email(), caller.name(), roles, Timestamps.now(clock));
        return caller;
    }

    private String name() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return id();
        }
        String name = Stream.of((String) token.getClaim("given_name"), (String) token.getClaim("family_name"))
                .filter(Objects::nonNull)
                .filter(s -> !s.isBlank())
                .collect(Collectors.joining(" "));
        if (name.isBlank()) {
            name = token.getClaim("preferred_username") instanceof String user ? user : id();
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    private String email() {
        if (identity.getPrincipal() instanceof JsonWebToken token
                && token.getClaim("email") instanceof String email
                && email.length() <= MAX_EMAIL
                && email.contains("@")) {
            return email;
        }
        return null;
    }
}
