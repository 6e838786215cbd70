package org.limber.engagement.messaging.inbound;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.limber.common.messaging.EventIntake;
import org.limber.common.messaging.Headers;
import org.limber.engagement.service.EscalationService;

/**
 * Takes progress's care alerts in (topic progress.care-alerts): an URGENT or EMERGENCY alert notifies at once
 * and starts its escalation; an acknowledgement or resolution stops it. Dead letters and retries as
 * {@link MemberEventsConsumer}.
 */
@ApplicationScoped
public class CareAlertsConsumer {

    public static final String CHANNEL = "care-alerts";

    private final EscalationService escalations;
    private final EventIntake intake;

    public CareAlertsConsumer(EscalationService escalations, EventIntake intake) {
        this.escalations = escalations;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        if (!EventKinds.ours(Headers.text(record, Headers.CE_TYPE), EventKinds.CARE_ALERTS)) {
            return;
        }
        intake.take(record, EventKinds.CARE_ALERTS, escalations::alertEvent, "a care alert");
    }
}
