package org.limber.engagement.messaging.inbound;

import java.util.List;
import java.util.function.UnaryOperator;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.limber.common.messaging.EventBounds;
import org.limber.common.messaging.EventIntake;
import org.limber.common.privacy.MemberErasure;
import org.limber.events.privacy.MemberErasureRequested;

/**
 * Takes routine-service's erasure requests (topic privacy.erasure-requests) through the shared
 * {@link EventIntake}: the member's rows here are erased and the erasure reported, in one transaction
 * ({@link MemberErasure}); a record that can never be applied goes to the dead-letter topic; a passing
 * fault of the database is retried. A repeat changes nothing.
 */
@ApplicationScoped
public class ErasureRequestsConsumer {

    public static final String CHANNEL = "erasure-requests";

    static final EventIntake.EventType<MemberErasureRequested> KIND = new EventIntake.EventType<>(
            MemberErasureRequested.TYPE,
            MemberErasureRequested.class,
            MemberErasureRequested.SCHEMA_VERSION,
            MemberErasureRequested::schemaVersion,
            e -> EventBounds.key(e.memberId()) && EventBounds.time(e.occurredAt()),
            EventBounds.KEY + "; " + EventBounds.TIME,
            UnaryOperator.identity());

    private final MemberErasure erasure;
    private final EventIntake intake;

    public ErasureRequestsConsumer(MemberErasure erasure, EventIntake intake) {
        this.erasure = erasure;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        intake.take(
                record,
                List.of(KIND),
                event -> erasure.erase(((MemberErasureRequested) event).memberId()),
                "an erasure request");
    }
}
