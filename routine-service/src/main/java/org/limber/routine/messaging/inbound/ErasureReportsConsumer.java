package org.limber.routine.messaging.inbound;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.limber.common.messaging.EventBounds;
import org.limber.common.messaging.EventIntake;
import org.limber.events.privacy.MemberErased;
import org.limber.routine.service.ErasureAccounts;
import org.limber.routine.service.ErasureService;

/**
 * Takes progress's and engagement's erasure reports (topic privacy.erasure-reports) through the shared
 * {@link EventIntake} (bad records to the dead-letter topic, passing database faults retried): each
 * marks that service's part of the request done, and once both are, the member's Keycloak account is
 * deleted ({@link ErasureAccounts}; a failure there is retried by its schedule). A repeat changes nothing.
 */
@ApplicationScoped
public class ErasureReportsConsumer {

    public static final String CHANNEL = "erasure-reports";

    static final EventIntake.EventType<MemberErased> KIND = new EventIntake.EventType<>(
            MemberErased.TYPE,
            MemberErased.class,
            MemberErased.SCHEMA_VERSION,
            MemberErased::schemaVersion,
            e -> EventBounds.key(e.memberId()) && EventBounds.code(e.service()) && EventBounds.time(e.occurredAt()),
            EventBounds.KEY + "; service a code; " + EventBounds.TIME,
            UnaryOperator.identity());

    private final ErasureService erasures;
    private final ErasureAccounts accounts;
    private final EventIntake intake;

    public ErasureReportsConsumer(ErasureService erasures, ErasureAccounts accounts, EventIntake intake) {
        this.erasures = erasures;
        this.accounts = accounts;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        @SuppressWarnings("unchecked")
        Optional<String>[] ready = new Optional[] {Optional.empty()};
        intake.take(
                record,
                List.of(KIND),
                event -> {
                    MemberErased erased = (MemberErased) event;
                    ready[0] = erasures.reported(erased.memberId(), erased.service());
                },
                "an erasure report");
        ready[0].ifPresent(accounts::deleteAccount);
    }
}
