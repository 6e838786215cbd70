package org.limber.progress.messaging.inbound;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import org.limber.common.messaging.EventIntake;
import org.limber.common.messaging.EventIntake.Rejected;
import org.limber.progress.service.Ingestor;

/**
 * Consumes routine-service's member events in batches, each record taken in through the shared
 * {@link EventIntake} (header, schema versions {@code 1..1}, required fields). A record that cannot
 * be understood goes to the dead-letter topic with the reason in its headers; the rest of the batch
 * is applied in one transaction. Offsets are acknowledged only after that transaction (and the dead
 * letters) are done, so a crash loses nothing, and the writes are idempotent, so a redelivery counts
 * nothing twice. While the database is unreachable the batch is retried, never skipped.
 * <p>
 * One poll at a time, split by partition into up to {@code limber.progress.ingest.concurrency} groups
 * applied at once, each in a transaction of its own. Records are keyed by member, so the groups
 * share no member and their transactions no row: none waits for another's locks (two polls applied
 * at once did, as their members overlapped). The poll's offsets are acknowledged when every group
 * is done.
 */
@ApplicationScoped
public class MemberEventsConsumer {

    public static final String CHANNEL = "member-events";
    public static final String DEAD_LETTERS = "member-events-dlq";

    private static final Logger LOG = Logger.getLogger(MemberEventsConsumer.class);
    /** A record taken in, with the event parsed from it. */
    private record ParsedRecord(ConsumerRecord<String, byte[]> record, Object event) {}

    private final Ingestor ingestor;
    private final EventIntake intake;
    private final MutinyEmitter<byte[]> deadLetters;
    private final Counter dead;
    private final int concurrency;
    /** Quarkus's worker pool: applies all groups of a poll but the first (which the consumer's own thread applies). */
    private final ManagedExecutor groups;

    public MemberEventsConsumer(
            Ingestor ingestor,
            EventIntake intake,
            @Channel(DEAD_LETTERS) MutinyEmitter<byte[]> deadLetters,
            MeterRegistry registry,
            ManagedExecutor groups,
            @ConfigProperty(name = "limber.progress.ingest.concurrency", defaultValue = "2") int concurrency) {
        this.ingestor = ingestor;
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.dead = registry.counter("limber.events.dead-lettered", "service", "progress");
        this.concurrency = Math.max(1, concurrency);
        this.groups = groups;
    }

    @Incoming(CHANNEL)
    @Blocking("progress-ingest")
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<List<ConsumerRecord<String, byte[]>>> split = byPartition(records, concurrency);
        if (split.size() == 1) {
            take(split.get(0));
            return;
        }
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (List<ConsumerRecord<String, byte[]>> group : split.subList(1, split.size())) {
            others.add(CompletableFuture.runAsync(() -> take(group), groups));
        }
        RuntimeException failure = null;
        try {
            take(split.get(0));
        } catch (RuntimeException e) {
            failure = e;
        }
        // Every group is done (applied, or failed) before the poll is acknowledged or refused.
        for (CompletableFuture<Void> other : others) {
            try {
                other.join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * The records in up to {@code groups} groups of whole partitions, each partition's records in
     * their order, the largest partitions first into the group with the fewest records so far.
     */
    static <K, V> List<List<ConsumerRecord<K, V>>> byPartition(ConsumerRecords<K, V> records, int groups) {
        List<TopicPartition> partitions = new ArrayList<>(records.partitions());
        partitions.sort(
                Comparator.comparingInt((TopicPartition p) -> records.records(p).size())
                        .reversed());
        int n = Math.max(1, Math.min(groups, partitions.size()));
        List<List<ConsumerRecord<K, V>>> split = new ArrayList<>(n);
        for (int g = 0; g < n; g++) {
            split.add(new ArrayList<>());
        }
        for (TopicPartition partition : partitions) {
            split.stream()
                    .min(Comparator.comparingInt(List::size))
                    .orElseThrow()
                    .addAll(records.records(partition));
        }
        return split;
    }

    /** Takes in one group of records: its dead letters sent, the rest applied in one transaction. */
    private void take(List<ConsumerRecord<String, byte[]>> records) {
        long start = System.nanoTime();
        Ingestor.Batch batch = Ingestor.Batch.empty();
        List<ParsedRecord> parsed = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Object event = intake.parse(record, MemberEventKinds.KINDS);
                batch.add(event);
                parsed.add(new ParsedRecord(record, event));
            } catch (EventIntake.Erased e) {
                // About a member erased here: acknowledged with the poll, neither applied nor dead-lettered.
            } catch (Rejected e) {
                deadLetter(record, e.getMessage());
            }
        }
        long parsedAt = System.nanoTime();
        if (batch.size() > 0) {
            try {
                intake.applyWithRetry(() -> ingestor.ingest(batch), "the batch");
            } catch (Rejected e) {
                LOG.warnf(
                        "A batch of %d events was refused (%s); applying them one by one",
                        batch.size(), e.getMessage());
                oneByOne(parsed);
            }
        }
        LOG.debugf(
                "Consumed %d records: parsed in %.1f ms, total %.1f ms",
                (Object) records.size(), (parsedAt - start) / 1e6, (System.nanoTime() - start) / 1e6);
    }

    /** After a refused batch: each event alone; one the database refuses is a dead letter. */
    private void oneByOne(List<ParsedRecord> parsed) {
        for (ParsedRecord one : parsed) {
            Ingestor.Batch single = Ingestor.Batch.empty();
            single.add(one.event());
            try {
                intake.applyWithRetry(() -> ingestor.ingest(single), "one event");
            } catch (Rejected e) {
                deadLetter(one.record(), e.getMessage());
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        EventIntake.sendDeadLetter(deadLetters, record, reason);
        dead.increment();
    }
}
