package org.limber.progress.messaging.outbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import org.limber.common.outbox.Outbox;
import org.limber.common.time.Timestamps;
import org.limber.events.member.CareAlertAcknowledged;
import org.limber.events.member.CareAlertRaised;
import org.limber.events.member.CareAlertResolved;
import org.limber.events.member.ProgressTopics;
import org.limber.progress.domain.AlertStatusChange;
import org.limber.progress.domain.RaisedAlert;

/**
 * Writes CareAlertRaised, CareAlertAcknowledged and CareAlertResolved events into the outbox, in the transaction
 * that stored the alert or changed its status (the escalation of an alert stops on its acknowledgement or resolution).
 */
@ApplicationScoped
public class AlertEvents {

    private final Outbox outbox;
    private final Clock clock;

    public AlertEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One CareAlertRaised per alert (raised, or reopened by a new occurrence), written with one statement. */
    public void raised(List<RaisedAlert> alerts) {
        var now = Timestamps.now(clock);
        List<Outbox.Entry> entries = new ArrayList<>(alerts.size());
        for (RaisedAlert alert : alerts) {
            UUID id = UUID.randomUUID();
            entries.add(new Outbox.Entry(
                    ProgressTopics.CARE_ALERTS,
                    alert.memberId(),
                    CareAlertRaised.TYPE,
                    id,
                    now,
                    new CareAlertRaised(
                            id,
                            now,
                            CareAlertRaised.SCHEMA_VERSION,
                            alert.memberId(),
                            alert.id(),
                            alert.kind().name(),
                            alert.severity().name(),
                            alert.reason(),
                            alert.clinicianId(),
                            alert.details(),
                            alert.occurrences(),
                            alert.reopened())));
        }
        outbox.addAll(entries);
    }

    /** One CareAlertAcknowledged. */
    public void acknowledged(AlertStatusChange change) {
        var now = Timestamps.now(clock);
        UUID id = UUID.randomUUID();
        outbox.add(
                ProgressTopics.CARE_ALERTS,
                change.memberId(),
                CareAlertAcknowledged.TYPE,
                id,
                now,
                new CareAlertAcknowledged(
                        id,
                        now,
                        CareAlertAcknowledged.SCHEMA_VERSION,
                        change.memberId(),
                        change.alertId(),
                        change.by(),
                        change.at()));
    }

    /** One CareAlertResolved per alert resolved (by a clinician, or by a rule: {@code by} null). */
    public void resolved(List<AlertStatusChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        var now = Timestamps.now(clock);
        List<Outbox.Entry> entries = new ArrayList<>(changes.size());
        for (AlertStatusChange change : changes) {
            UUID id = UUID.randomUUID();
            entries.add(new Outbox.Entry(
                    ProgressTopics.CARE_ALERTS,
                    change.memberId(),
                    CareAlertResolved.TYPE,
                    id,
                    now,
                    new CareAlertResolved(
                            id,
                            now,
                            CareAlertResolved.SCHEMA_VERSION,
                            change.memberId(),
                            change.alertId(),
                            change.by(),
                            change.at())));
        }
        outbox.addAll(entries);
    }
}
