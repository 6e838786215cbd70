package org.limber.progress.rest;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jakarta.inject.Singleton;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.limber.common.time.Timestamps;
import org.limber.progress.repository.AccessLogRepository;

/**
 * A clinician's or admin's name comes from their own token ({@code given_name family_name}, else
 * {@code preferred_username}) whenever they call progress-service, for the access log a member reads. The
 * names last written are kept in memory, so a request whose name has not changed writes nothing.
 */
@Singleton
public class StaffNames {

    static final int MAX_NAME = 200;
    private static final int MAX_REMEMBERED = 10_000;

    private final AccessLogRepository repository;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final Map<String, String> written = new ConcurrentHashMap<>();

    public StaffNames(AccessLogRepository repository, SecurityIdentity identity, Clock clock) {
        this.repository = repository;
        this.identity = identity;
        this.clock = clock;
    }

    @ServerRequestFilter
    public void note() {
        if (identity.isAnonymous()
                || !(identity.hasRole("clinician") || identity.hasRole("admin"))
                || !(identity.getPrincipal() instanceof JsonWebToken token)
                || token.getSubject() == null) {
            return;
        }
        String id = token.getSubject();
        String name = name(token);
        if (name == null || name.equals(written.get(id))) {
            return;
        }
        repository.rememberName(id, name, Timestamps.now(clock));
        if (written.size() >= MAX_REMEMBERED) {
            written.clear();
        }
        written.put(id, name);
    }

    static String name(JsonWebToken token) {
        String name = Stream.of(token.<String>getClaim("given_name"), token.<String>getClaim("family_name"))
                .filter(Objects::nonNull)
                .filter(s -> !s.isBlank())
                .collect(Collectors.joining(" "));
        if (name.isBlank()) {
            name = token.getClaim("preferred_username") instanceof String user ? user : null;
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }
}
