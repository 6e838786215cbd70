package org.limber.common.outbox;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The Kafka side of {@link OutboxRelay}: an outbox event as a CloudEvent record in binary mode, waiting
 * for the broker's acknowledgement, and telling a failure that sending again may cure from one it never can.
 */
final class OutboxRecords {

    /** Failures that sending again can never cure. Anything else (broker down, timeouts) is retried. */
    private static final List<Class<? extends Throwable>> NEVER_SENDABLE = List.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            SerializationException.class,
            InvalidTopicException.class);

    private OutboxRecords() {}

    /** The event as a Kafka record: its topic and key, the CloudEvent headers, and the trace it continues. */
    static Message<String> message(OutboxEvent event, URI source) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.key)
                .build();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.eventId.toString())
                .withType(event.type)
                .withSource(source)
                .withSubject(event.key)
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        Metadata metadata = Metadata.of(kafka, cloudEvent);
        // The record continues the trace of the request that wrote the event (when tracing is on).
        Context trace = TraceContext.fromTraceParent(event.traceParent);
        if (trace != null) {
            metadata = metadata.with(TracingMetadata.with(trace, trace));
        }
        return Message.of(event.payload, metadata);
    }

    /** Null once the broker has acknowledged, else why not (a timeout included). */
    static Throwable awaitAck(CompletableFuture<Void> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    static boolean neverSendable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> type : NEVER_SENDABLE) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
