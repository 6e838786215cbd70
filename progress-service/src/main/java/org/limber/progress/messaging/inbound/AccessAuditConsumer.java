package org.limber.progress.messaging.inbound;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.limber.common.messaging.EventBounds;
import org.limber.common.messaging.EventIntake;
import org.limber.common.messaging.EventIntake.EventType;
import org.limber.events.audit.MemberDataAccessed;
import org.limber.progress.service.AccessLogService;

/**
 * Takes the access audit in (topic {@code audit.member-access}, from routine, progress and engagement): each
 * entry stored once by its event id, so a redelivery or a replay adds nothing. A record that can never be
 * stored (malformed, unknown type or version, out of bounds, refused by the database) goes to
 * {@code progress.member-access.dlq} (the channel's dead-letter strategy); a passing database fault is retried.
 */
@ApplicationScoped
public class AccessAuditConsumer {

    public static final String CHANNEL = "member-access";

    static final EventType<MemberDataAccessed> KIND = new EventType<>(
            MemberDataAccessed.TYPE,
            MemberDataAccessed.class,
            MemberDataAccessed.SCHEMA_VERSION,
            MemberDataAccessed::schemaVersion,
            e -> e.complete() && EventBounds.key(e.memberId()) && EventBounds.time(e.occurredAt()),
            EventBounds.KEY + "; eventId, actorId required; actorRole clinician or admin; operation READ or CHANGE;"
                    + " resource and service 1 to " + MemberDataAccessed.MAX_NAME_LENGTH
                    + " characters, client at most "
                    + MemberDataAccessed.MAX_NAME_LENGTH + "; " + EventBounds.TIME,
            e -> e);

    private final AccessLogService log;
    private final EventIntake intake;

    public AccessAuditConsumer(AccessLogService log, EventIntake intake) {
        this.log = log;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        MemberDataAccessed event = intake.parse(record, KIND);
        intake.applyWithRetry(() -> log.record(event), "an access-log entry");
    }
}
