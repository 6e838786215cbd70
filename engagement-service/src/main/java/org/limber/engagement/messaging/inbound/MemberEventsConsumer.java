package org.limber.engagement.messaging.inbound;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.limber.common.messaging.EventIntake;
import org.limber.common.messaging.Headers;
import org.limber.engagement.service.IntakeService;

/**
 * Takes routine's member events in (topic routine.member-events) through the shared {@link EventIntake}: a
 * record that can never be applied goes to the dead-letter topic (the channel's failure strategy) with the
 * reason; a passing fault of the database is retried. Types this service does not use are passed over. The
 * offset is committed after the transaction, and applying an event twice changes nothing.
 */
@ApplicationScoped
public class MemberEventsConsumer {

    public static final String CHANNEL = "member-events";

    private final IntakeService intakeService;
    private final EventIntake intake;

    public MemberEventsConsumer(IntakeService intakeService, EventIntake intake) {
        this.intakeService = intakeService;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        if (!EventKinds.ours(Headers.text(record, Headers.CE_TYPE), EventKinds.MEMBER_EVENTS)) {
            return;
        }
        intake.take(record, EventKinds.MEMBER_EVENTS, intakeService::memberEvent, "a member event");
    }
}
