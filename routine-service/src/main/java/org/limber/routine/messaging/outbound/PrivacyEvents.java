package org.limber.routine.messaging.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import org.limber.common.outbox.Outbox;
import org.limber.events.privacy.MemberErasureRequested;
import org.limber.events.privacy.PrivacyTopics;

/** Writes the erasure's request to the other services into the outbox, in the erasure's transaction. */
@ApplicationScoped
public class PrivacyEvents {

    private final Outbox outbox;
    private final Clock clock;

    public PrivacyEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void erasureRequested(String memberId) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        outbox.add(
                PrivacyTopics.ERASURE_REQUESTS,
                memberId,
                MemberErasureRequested.TYPE,
                id,
                now,
                new MemberErasureRequested(id, now, MemberErasureRequested.SCHEMA_VERSION, memberId));
    }
}
