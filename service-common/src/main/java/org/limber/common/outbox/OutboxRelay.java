package org.limber.common.outbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import org.limber.common.topic.TopicSetup;

/**
 * Relays outbox events to Kafka in the order they were written, as CloudEvents in binary mode
 * ({@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_time}, {@code ce_subject} headers;
 * the JSON payload as value; the aggregate id as key).
 *
 * <p>A run holds one database connection outside any transaction, with a session-level advisory
 * lock so that one instance relays at a time: it reads a batch, sends it and waits for the
 * broker's acknowledgements, then marks the acknowledged events published in one statement (a
 * short transaction of its own). No Kafka thread ever joins a database transaction. An event is
 * marked published only once the broker has acknowledged it and every event before it; anything
 * else is retried on the next run, so delivery is at least once (consumers deduplicate by business
 * keys). An event the broker can never take (too large, not serializable, an invalid topic) is
 * moved to {@code outbox_dead_letter} with its reason, counted and logged, and the relay goes on
 * with the events after it.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> emitter;
    private final OutboxRepository repository;
    private final DataSource dataSource;
    private final TopicSetup topics;
    private final OutboxConfig config;
    private final Clock clock;
    private final URI source;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicReference<Instant> oldestUnsent = new AtomicReference<>();
    private final Counter parked;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ReentrantLock running = new ReentrantLock();
    /** A thread of the relay's own: no request, CDI or transaction context is carried into a run. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean started;

    public OutboxRelay(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    MutinyEmitter<String> emitter,
            OutboxRepository repository,
            DataSource dataSource,
            TopicSetup topics,
            OutboxConfig config,
            Clock clock,
            MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.emitter = emitter;
        this.repository = repository;
        this.dataSource = dataSource;
        this.topics = topics;
        this.config = config;
        this.clock = clock;
        this.source = URI.create("urn:limber:" + application);
        Gauge.builder("limber.outbox.backlog", backlog, AtomicLong::get)
                .strongReference(true)
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("limber.outbox.oldest.unsent.age", oldestUnsent, this::ageSeconds)
                .strongReference(true)
                .baseUnit("seconds")
                .description("Age of the oldest event not yet acknowledged by Kafka (0 when none waits)")
                .register(registry);
        this.parked = Counter.builder("limber.outbox.dead.letters")
                .description("Events the broker can never take, parked in outbox_dead_letter")
                .register(registry);
    }

    /** Relaying starts once the application (and its Kafka channel) is up. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        started = true;
        wake();
    }

    /** Right after a transaction that wrote events commits, relay them. */
    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (started) {
            wake();
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** The safety net: whatever could not be relayed at once (the broker was down) is retried. */
    @Scheduled(
            every = "${limber.outbox.interval}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        drain();
    }

    /** Queues one run on the relay's thread (a run already queued covers this call too). */
    private void wake() {
        if (queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                queued.set(false);
                drain();
            });
        }
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
        try (Connection db = dataSource.getConnection()) {
            repository.deletePublishedBefore(db, clock.instant().minus(config.retention()));
        } catch (SQLException e) {
            LOG.warnf("Outbox clean-up failed, will retry: %s", e.toString());
        }
    }

    /** Relays everything waiting now; returns how many events the broker acknowledged. */
    int relayAll() {
        if (!topics.ensureCreated()) {
            return 0;
        }
        int total = 0;
        try (Connection db = dataSource.getConnection()) {
            if (repository.tryRelayLock(db)) {
                try {
                    List<OutboxEvent> batch;
                    Batch sent;
                    do {
                        batch = repository.nextBatch(db, config.batchSize());
                        sent = relay(db, batch);
                        total += sent.acknowledged();
                    } while (!sent.stalled() && batch.size() == config.batchSize());
                } finally {
                    repository.releaseRelayLock(db);
                }
            }
            // Every instance reports the backlog, the one relaying or not.
            OutboxRepository.Backlog waiting = repository.backlog(db);
            backlog.set(waiting.count());
            oldestUnsent.set(waiting.oldestCreatedAt());
        } catch (SQLException e) {
            throw new IllegalStateException("outbox database: " + e.getMessage(), e);
        }
        return total;
    }

    /** What one batch came to: events acknowledged, and whether a retriable failure stopped it. */
    private record Batch(int acknowledged, boolean stalled) {}

    private Batch relay(Connection db, List<OutboxEvent> batch) throws SQLException {
        List<CompletableFuture<Void>> acks = batch.stream()
                .map(event -> emitter.sendMessage(OutboxRecords.message(event, source))
                        .subscribeAsCompletionStage())
                .toList();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        List<Long> acknowledged = new ArrayList<>(batch.size());
        boolean stalled = false;
        for (int i = 0; i < batch.size() && !stalled; i++) {
            OutboxEvent event = batch.get(i);
            Throwable failure = OutboxRecords.awaitAck(acks.get(i), deadline);
            if (failure == null) {
                acknowledged.add(event.id);
            } else if (OutboxRecords.neverSendable(failure)) {
                repository.park(db, event.id, failure.toString());
                parked.increment();
                LOG.errorf(
                        "Outbox event %s (%s, key %s, %d characters) can never be sent; parked in outbox_dead_letter: %s",
                        event.eventId, event.type, event.key, event.payload.length(), failure);
            } else {
                stalled = true;
                repository.markFailed(db, event.id, failure.toString());
                LOG.warnf(
                        "Outbox event %s (%s) not acknowledged yet, will retry: %s",
                        event.eventId, event.type, failure);
            }
        }
        // One statement marks the acknowledged events published (its own short transaction).
        repository.markPublished(db, acknowledged, clock.instant());
        return new Batch(acknowledged.size(), stalled);
    }

    private double ageSeconds(AtomicReference<Instant> oldest) {
        Instant since = oldest.get();
        return since == null
                ? 0
                : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }
}
