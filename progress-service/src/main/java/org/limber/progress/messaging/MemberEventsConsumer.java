package org.limber.progress.messaging;

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

import org.limber.common.messaging.EventBounds;
import org.limber.common.messaging.EventIntake;
import org.limber.common.messaging.EventIntake.EventType;
import org.limber.common.messaging.EventIntake.Rejected;
import org.limber.events.member.CareTeamAssigned;
import org.limber.events.member.MemberNeedsReview;
import org.limber.events.member.MemberReferred;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.PlanResumed;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.SessionCompleted;
import org.limber.events.member.SymptomsReported;
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
    private static final int SUPPORTED_SCHEMA = 1;
    static final int MAX_REASONS = 20;
    static final String REASONS = "reasons: 1 to " + MAX_REASONS + ", each a code and a text of at most "
            + EventBounds.MAX_TEXT_LENGTH + " characters";
    /** Sessions a week (routine-service plans 2 to 7), and so the sessions of a plan week. */
    static final int MAX_SESSIONS = 7;

    static final List<EventType<?>> KINDS = List.of(
            new EventType<>(
                    SessionCompleted.TYPE,
                    SessionCompleted.class,
                    SUPPORTED_SCHEMA,
                    SessionCompleted::schemaVersion,
                    e -> EventBounds.key(e.memberId())
                            && EventBounds.time(e.occurredAt())
                            && e.sessionId() != null
                            && EventBounds.time(e.performedAt())
                            && e.planVersion() >= 1
                            && EventBounds.code(e.effort())
                            && EventBounds.list(e.exercises(), EventBounds.MAX_EXERCISES)
                            && e.redFlagSymptoms() != null
                            && pain(e.painBefore())
                            && pain(e.painDuring())
                            && pain(e.painAfter())
                            && (e.redFlagSymptoms().isEmpty() || EventBounds.codes(e.redFlagSymptoms(), false)),
                    EventBounds.KEY + "; sessionId, effort (a code), exercises (at most " + EventBounds.MAX_EXERCISES
                            + ") required; planVersion 1 or more; pains 0..10; redFlagSymptoms " + EventBounds.CODES
                            + "; " + EventBounds.TIME + " (a longer note is clipped, not refused: it may come with a"
                            + " red flag)",
                    MemberEventsConsumer::normalised),
            new EventType<>(
                    PlanAssigned.TYPE,
                    PlanAssigned.class,
                    SUPPORTED_SCHEMA,
                    PlanAssigned::schemaVersion,
                    e -> EventBounds.key(e.memberId())
                            && EventBounds.time(e.occurredAt())
                            && EventBounds.time(e.startDate())
                            && e.planVersion() >= 1
                            && EventBounds.codes(e.conditions(), false)
                            && e.sessionsPerWeek() >= 1
                            && e.sessionsPerWeek() <= MAX_SESSIONS
                            && (e.sessions() == null
                                    || (EventBounds.list(e.sessions(), MAX_SESSIONS)
                                            && e.sessions().stream()
                                                    .allMatch(s ->
                                                            EventBounds.list(s.items(), EventBounds.MAX_EXERCISES))))
                            && EventBounds.id(e.clinicianId())
                            && pain(e.baselinePain()),
                    EventBounds.KEY + "; startDate, conditions (" + EventBounds.CODES + ") required; planVersion 1 or"
                            + " more; sessionsPerWeek 1.." + MAX_SESSIONS + " (and sessions, each of at most "
                            + EventBounds.MAX_EXERCISES + " items); baselinePain 0..10; " + EventBounds.TIME,
                    e -> e),
            new EventType<>(
                    MemberReferred.TYPE,
                    MemberReferred.class,
                    SUPPORTED_SCHEMA,
                    MemberReferred::schemaVersion,
                    e -> EventBounds.key(e.memberId())
                            && e.intakeId() != null
                            && EventBounds.time(e.occurredAt())
                            && (e.redFlags() == null || EventBounds.codes(e.redFlags(), false))
                            && EventBounds.id(e.clinicianId()),
                    "memberId, intakeId, occurredAt required; redFlags " + EventBounds.CODES + ", clinicianId "
                            + EventBounds.ID + "; " + EventBounds.KEY + "; " + EventBounds.TIME,
                    e -> e),
            new EventType<>(
                    CareTeamAssigned.TYPE,
                    CareTeamAssigned.class,
                    SUPPORTED_SCHEMA,
                    CareTeamAssigned::schemaVersion,
                    e -> EventBounds.key(e.memberId())
                            && EventBounds.time(e.occurredAt())
                            && e.sequence() >= 1
                            && EventBounds.id(e.clinicianId())
                            && EventBounds.id(e.assignedBy()),
                    "memberId, occurredAt and a sequence of 1 or more are required; clinicianId and assignedBy "
                            + EventBounds.ID + "; " + EventBounds.KEY + "; " + EventBounds.TIME,
                    e -> e),
            new EventType<>(
                    PlanSuspended.TYPE,
                    PlanSuspended.class,
                    SUPPORTED_SCHEMA,
                    PlanSuspended::schemaVersion,
                    e -> EventBounds.key(e.memberId())
                            && EventBounds.time(e.occurredAt())
                            && e.sequence() >= 1
                            && e.planVersion() >= 0
                            && e.sourceId() != null
                            && EventBounds.code(e.cause())
                            && EventBounds.codes(e.redFlags(), false),
                    "memberId, occurredAt, sourceId, a cause and a sequence of 1 or more are required; redFlags "
                            + EventBounds.CODES + "; " + EventBounds.KEY + "; " + EventBounds.TIME,
                    e -> new PlanSuspended(
                            e.eventId(),
                            e.occurredAt(),
                            e.schemaVersion(),
                            e.memberId(),
                            e.planVersion(),
                            e.sequence(),
                            e.cause(),
                            EventBounds.distinct(e.redFlags()),
                            e.sourceId())),
            new EventType<>(
                    PlanResumed.TYPE,
                    PlanResumed.class,
                    SUPPORTED_SCHEMA,
                    PlanResumed::schemaVersion,
                    e -> EventBounds.key(e.memberId())
                            && EventBounds.time(e.occurredAt())
                            && e.sequence() >= 1
                            && e.planVersion() >= 0
                            && EventBounds.code(e.how())
                            && EventBounds.id(e.clinicianId())
                            && EventBounds.text(e.note()),
                    "memberId, occurredAt, how and a sequence of 1 or more are required; clinicianId " + EventBounds.ID
                            + ", note " + EventBounds.TEXT + "; " + EventBounds.KEY + "; " + EventBounds.TIME,
                    e -> e),
            new EventType<>(
                    SymptomsReported.TYPE,
                    SymptomsReported.class,
                    SUPPORTED_SCHEMA,
                    SymptomsReported::schemaVersion,
                    e -> EventBounds.key(e.memberId())
                            && EventBounds.time(e.occurredAt())
                            && e.reportId() != null
                            && EventBounds.time(e.reportedAt())
                            && EventBounds.codes(e.redFlagSymptoms(), true),
                    "memberId, reportId, reportedAt required; redFlagSymptoms " + EventBounds.CODES
                            + ", at least one; " + EventBounds.KEY + "; " + EventBounds.TIME
                            + " (a note over " + EventBounds.MAX_TEXT_LENGTH + " characters is clipped, not refused:"
                            + " a red flag is never dropped for it)",
                    e -> new SymptomsReported(
                            e.eventId(),
                            e.occurredAt(),
                            e.schemaVersion(),
                            e.memberId(),
                            e.reportId(),
                            e.reportedAt(),
                            EventBounds.distinct(e.redFlagSymptoms()),
                            EventBounds.clip(e.note()))),
            new EventType<>(
                    MemberNeedsReview.TYPE,
                    MemberNeedsReview.class,
                    SUPPORTED_SCHEMA,
                    MemberNeedsReview::schemaVersion,
                    e -> EventBounds.key(e.memberId())
                            && e.intakeId() != null
                            && EventBounds.time(e.occurredAt())
                            && EventBounds.id(e.clinicianId())
                            && reasons(e.reasons()),
                    "memberId, intakeId, occurredAt required; " + REASONS + "; clinicianId " + EventBounds.ID + "; "
                            + EventBounds.KEY + "; " + EventBounds.TIME,
                    e -> e));

    /** A record taken in, with its event. */
    private record Taken(ConsumerRecord<String, byte[]> record, Object event) {}

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
        List<Taken> taken = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Object event = intake.parse(record, KINDS);
                batch.add(event);
                taken.add(new Taken(record, event));
            } catch (Rejected e) {
                deadLetter(record, e.getMessage());
            }
        }
        long parsed = System.nanoTime();
        if (batch.size() > 0) {
            try {
                intake.applyWithRetry(() -> ingestor.ingest(batch), "the batch");
            } catch (Rejected e) {
                LOG.warnf(
                        "A batch of %d events was refused (%s); applying them one by one",
                        batch.size(), e.getMessage());
                oneByOne(taken);
            }
        }
        LOG.debugf(
                "Consumed %d records: parsed in %.1f ms, total %.1f ms",
                (Object) records.size(), (parsed - start) / 1e6, (System.nanoTime() - start) / 1e6);
    }

    /** After a refused batch: each event alone; one the database refuses is a dead letter. */
    private void oneByOne(List<Taken> taken) {
        for (Taken one : taken) {
            Ingestor.Batch single = Ingestor.Batch.empty();
            single.add(one.event());
            try {
                intake.applyWithRetry(() -> ingestor.ingest(single), "one event");
            } catch (Rejected e) {
                deadLetter(one.record(), e.getMessage());
            }
        }
    }

    /** A session's red flags with duplicates removed and its note clipped (the same event when neither changes). */
    private static SessionCompleted normalised(SessionCompleted e) {
        List<String> flags = EventBounds.distinct(e.redFlagSymptoms());
        String note = EventBounds.clip(e.note());
        return flags == e.redFlagSymptoms() && note == e.note()
                ? e
                : new SessionCompleted(
                        e.eventId(),
                        e.occurredAt(),
                        e.schemaVersion(),
                        e.memberId(),
                        e.sessionId(),
                        e.planVersion(),
                        e.sessionNumber(),
                        e.performedAt(),
                        e.exercises(),
                        e.painBefore(),
                        e.painDuring(),
                        e.painAfter(),
                        e.effort(),
                        note,
                        flags);
    }

    /** A review's reasons: 1 to {@value #MAX_REASONS}, each a code and a text. */
    static boolean reasons(List<MemberNeedsReview.Reason> reasons) {
        return reasons != null
                && !reasons.isEmpty()
                && reasons.size() <= MAX_REASONS
                && reasons.stream()
                        .allMatch(r -> r != null
                                && EventBounds.code(r.code())
                                && r.text() != null
                                && !r.text().isBlank()
                                && EventBounds.text(r.text()));
    }

    private static boolean pain(int value) {
        return value >= 0 && value <= 10;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        EventIntake.sendDeadLetter(deadLetters, record, reason);
        dead.increment();
    }
}
