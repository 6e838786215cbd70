package org.limber.common.outbox;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.limber.common.topic.TopicSetup;

import io.micrometer.core.instrument.Gauge;
import io.opentelemetry.context.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * Relays outbox events to Kafka in the order they were written, as CloudEvents in binary mode
 * ({@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_time}, {@code ce_subject} headers;
 * the JSON payload as value; the aggregate id as key). An event is marked published only once
 * the broker has acknowledged it and every event before it; anything else is retried on the
 * next run, so delivery is at least once and consumers deduplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> emitter;
    private final OutboxRepository repository;
    private final TopicSetup topics;
    private final OutboxConfig config;
    private final URI source;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final ReentrantLock running = new ReentrantLock();
    private final ManagedExecutor executor;
    private volatile boolean started;

    public OutboxRelay(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<String> emitter,
            OutboxRepository repository, TopicSetup topics, OutboxConfig config, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String application, ManagedExecutor executor) {
        this.executor = executor;
        this.emitter = emitter;
        this.repository = repository;
        this.topics = topics;
        this.config = config;
        this.source = URI.create("urn:limber:" + application);
        Gauge.builder("limber.outbox.backlog", backlog, AtomicLong::get).strongReference(true)
                .description("Events written to the outbox and not yet acknowledged by Kafka").register(registry);
    }

    /** Relaying starts once the application (and its Kafka channel) is up. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        started = true;
        executor.execute(this::drain);
    }

    /** Right after a transaction that wrote events commits, relay them. */
    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (started) {
            executor.execute(this::drain);
        }
    }

    /** The safety net: whatever could not be relayed at once (the broker was down) is retried. */
    @Scheduled(every = "${limber.outbox.interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        drain();
    }

    /** Relays until nothing is waiting; calls that arrive meanwhile are folded into this run. */
    void drain() {
        if (!started || !config.enabled()) {
            return;
        }
        wanted.set(true);
        while (wanted.get() && running.tryLock()) {
            try {
                wanted.set(false);
                relayAll();
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay failed, will retry: %s", e.toString());
            } finally {
                running.unlock();
            }
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanUp() {
        QuarkusTransaction.requiringNew().run(() -> repository.deletePublishedBefore(Instant.now().minus(config.retention())));
    }

    /** Relays everything waiting now; returns how many events the broker acknowledged. */
    int relayAll() {
        int total = 0;
        int relayed;
        do {
            relayed = QuarkusTransaction.requiringNew().call(this::relayBatch);
            total += relayed;
        } while (relayed == config.batchSize());
        backlog.set(QuarkusTransaction.requiringNew().call(repository::backlog));
        return total;
    }

    private int relayBatch() {
        if (!repository.tryRelayLock()) {
            return 0;
        }
        List<OutboxEvent> batch = repository.nextBatch(config.batchSize());
        if (batch.isEmpty() || !topics.ensureCreated()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = batch.stream()
                .map(event -> emitter.sendMessage(toMessage(event)).subscribeAsCompletionStage())
                .toList();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        List<Long> acknowledged = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                event.attempts++;
                event.lastError = String.valueOf(e.getCause() == null ? e : e.getCause());
                LOG.warnf("Outbox event %s (%s) not acknowledged yet, will retry: %s", event.eventId, event.type, event.lastError);
                break;
            }
            acknowledged.add(event.id);
        }
        // One statement marks the acknowledged run published (not an update of every row of the batch).
        repository.markPublished(acknowledged, Instant.now());
        return acknowledged.size();
    }

    private Message<String> toMessage(OutboxEvent event) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(event.topic)
                .withKey(event.key)
                .build();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String> builder()
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
}
