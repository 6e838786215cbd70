package org.limber.common.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.limber.common.outbox.Outbox;
import org.limber.common.time.Timestamps;
import org.limber.events.Ids;
import org.limber.events.audit.AuditTopics;
import org.limber.events.audit.MemberDataAccessed;

/**
 * Writes the access audit's entries into the outbox: one {@link MemberDataAccessed} per member, all of a
 * request in one statement ({@link Outbox#addAll}), in the request's transaction or, when it has none (a
 * read), in a short one of its own. {@code limber.audit.enabled} (default true) turns it off; the
 * benchmark switches it at run time ({@link #enabled(boolean)}) to time the same reads both ways.
 */
@ApplicationScoped
public class AccessRecorder {

    /** What a staff user did: who, through which client, what. */
    public record Access(String actorId, String actorRole, String client, String operation, String resource) {}

    private final Outbox outbox;
    private final Clock clock;
    private final String service;
    private volatile boolean enabled;

    public AccessRecorder(
            Outbox outbox,
            Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "limber.audit.enabled", defaultValue = "true") boolean enabled) {
        this.outbox = outbox;
        this.clock = clock;
        this.service = serviceName(application);
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Turns recording on or off (the benchmark's switch; the setting's value applies at start). */
    public void enabled(boolean on) {
        this.enabled = on;
    }

    public String service() {
        return service;
    }

    /** Records the access to each member (blank or over-long ids are left out: no event may carry one). */
    public void record(Access access, Collection<String> memberIds) {
        if (!enabled || memberIds.isEmpty()) {
            return;
        }
        Instant now = Timestamps.now(clock);
        List<Outbox.Entry> entries = new ArrayList<>(memberIds.size());
        for (String memberId : memberIds) {
            if (memberId.isBlank() || memberId.length() > Ids.MAX_LENGTH) {
                continue;
            }
            UUID eventId = UUID.randomUUID();
            MemberDataAccessed event = new MemberDataAccessed(
                    eventId,
                    now,
                    MemberDataAccessed.SCHEMA_VERSION,
                    memberId,
                    access.actorId(),
                    access.actorRole(),
                    access.operation(),
                    access.resource(),
                    service,
                    clip(access.client()));
            entries.add(new Outbox.Entry(
                    AuditTopics.MEMBER_ACCESS, memberId, MemberDataAccessed.TYPE, eventId, now, event));
        }
        if (!entries.isEmpty()) {
            QuarkusTransaction.joiningExisting().run(() -> outbox.addAll(entries));
        }
    }

    /** {@code routine-service} -> {@code routine}. */
    static String serviceName(String application) {
        return application.endsWith("-service")
                ? application.substring(0, application.length() - "-service".length())
                : application;
    }

    private static String clip(String client) {
        return client == null || client.length() <= MemberDataAccessed.MAX_NAME_LENGTH
                ? client
                : client.substring(0, MemberDataAccessed.MAX_NAME_LENGTH);
    }
}
