package org.limber.routine.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.limber.common.messaging.Headers;
import org.limber.routine.service.CatalogCatchUp;
import org.limber.routine.service.CatalogReplica;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps this service's copy of the catalog from the catalog.exercises topic (from its beginning
 * for a new deployment). A record that cannot be applied goes to the dead-letter topic with the
 * reason in its headers, and consumption carries on; the offset is committed only after the
 * database transaction.
 */
@ApplicationScoped
public class CatalogConsumer {

    public static final String CHANNEL = "catalog-exercises";

    private final CatalogReplica replica;
    private final CatalogCatchUp catchUp;

    public CatalogConsumer(CatalogReplica replica, CatalogCatchUp catchUp) {
        this.replica = replica;
        this.catchUp = catchUp;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        try {
            replica.apply(Headers.text(record, Headers.CE_TYPE), record.value());
        } finally {
            // Applied, or on its way to the dead-letter topic: either way the copy has read it.
            catchUp.consumed(record.partition(), record.offset());
        }
    }
}
