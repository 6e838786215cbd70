package org.limber.progress.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.limber.common.outbox.Outbox;
import org.limber.common.time.Timestamps;
import org.limber.events.member.CareAlertRaised;
import org.limber.events.member.ProgressTopics;
import org.limber.progress.domain.RaisedAlert;

/** Writes CareAlertRaised events into the outbox, in the transaction that stored the alert. */
@ApplicationScoped
public class AlertEvents {

    private final Outbox outbox;

    public AlertEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void raised(RaisedAlert alert) {
        UUID id = UUID.randomUUID();
        var now = Timestamps.now();
        outbox.add(ProgressTopics.CARE_ALERTS, alert.memberId(), CareAlertRaised.TYPE, id, now,
                new CareAlertRaised(id, now, CareAlertRaised.SCHEMA_VERSION, alert.memberId(), alert.id(), alert.kind().name(),
                        alert.severity().name(), alert.reason(), alert.clinicianId()));
    }
}
