package org.limber.progress.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.limber.events.member.CareTeamAssigned;
import org.limber.events.member.MemberNeedsReview;
import org.limber.events.member.MemberReferred;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.PlanResumed;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.SessionCompleted;
import org.limber.events.member.SymptomsReported;
import org.limber.progress.service.Ingestor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Consumes routine-service's member events in batches. A record that cannot be understood goes to
 * the dead-letter topic with the reason in its headers; the rest of the batch is applied in one
 * transaction. Offsets are acknowledged only after that transaction (and the dead letters) are
 * done, so a crash loses nothing, and the writes are idempotent, so a redelivery counts nothing
 * twice. While the database is unreachable the batch is retried, never skipped. Batches are applied
 * concurrently (parsing one while the database writes another); the writes are commutative and
 * take their row locks in one order, and offsets are committed only up to the last batch done.
 */
@ApplicationScoped
public class MemberEventsConsumer {

    public static final String CHANNEL = "member-events";
    public static final String DEAD_LETTERS = "member-events-dlq";

    private static final Logger LOG = Logger.getLogger(MemberEventsConsumer.class);
    private static final int SUPPORTED_SCHEMA = 1;

    /** A record's parse outcome: the event, or why it is dead. */
    private record Parsed(Object event, String deadReason) {
    }

    private final Ingestor ingestor;
    private final MutinyEmitter<byte[]> deadLetters;
    private final ObjectReader sessionReader;
    private final ObjectReader planReader;
    private final ObjectReader referralReader;
    private final ObjectReader assignmentReader;
    private final ObjectReader suspensionReader;
    private final ObjectReader resumptionReader;
    private final ObjectReader reportReader;
    private final ObjectReader reviewReader;
    private final Counter dead;

    public MemberEventsConsumer(Ingestor ingestor, @Channel(DEAD_LETTERS) MutinyEmitter<byte[]> deadLetters, ObjectMapper mapper,
            MeterRegistry registry) {
        this.ingestor = ingestor;
        this.deadLetters = deadLetters;
        ObjectMapper json = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.sessionReader = json.readerFor(SessionCompleted.class);
        this.planReader = json.readerFor(PlanAssigned.class);
        this.referralReader = json.readerFor(MemberReferred.class);
        this.assignmentReader = json.readerFor(CareTeamAssigned.class);
        this.suspensionReader = json.readerFor(PlanSuspended.class);
        this.resumptionReader = json.readerFor(PlanResumed.class);
        this.reportReader = json.readerFor(SymptomsReported.class);
        this.reviewReader = json.readerFor(MemberNeedsReview.class);
        this.dead = registry.counter("limber.events.dead-lettered", "service", "progress");
    }

    @Incoming(CHANNEL)
    @Blocking(value = "progress-ingest", ordered = false)
    public void consume(ConsumerRecords<String, byte[]> records) {
        long start = System.nanoTime();
        Ingestor.Batch batch = Ingestor.Batch.empty();
        List<ConsumerRecord<String, byte[]>> good = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Parsed parsed = parse(record);
            if (parsed.deadReason() != null) {
                deadLetter(record, parsed.deadReason());
            } else {
                batch.add(parsed.event());
                good.add(record);
            }
        }
        long parsed = System.nanoTime();
        if (batch.size() > 0) {
            ingestWithRetry(batch, good);
        }
        LOG.debugf("Consumed %d records: parsed in %.1f ms, total %.1f ms", (Object) records.count(), (parsed - start) / 1e6,
                (System.nanoTime() - start) / 1e6);
    }

    private void ingestWithRetry(Ingestor.Batch batch, List<ConsumerRecord<String, byte[]>> records) {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                ingestor.ingest(batch);
                return;
            } catch (RuntimeException e) {
                if (!transient_(e)) {
                    LOG.warnf("A batch of %d events was refused (%s); applying them one by one", batch.size(), rootMessage(e));
                    oneByOne(records);
                    return;
                }
                LOG.warnf("Database unavailable (%s); retrying the batch in %d ms", rootMessage(e), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
    }

    /** After a refused batch: each event alone; one the database refuses is a dead letter. */
    private void oneByOne(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            Ingestor.Batch single = Ingestor.Batch.empty();
            single.add(parse(record).event());
            try {
                ingestor.ingest(single);
            } catch (RuntimeException e) {
                if (transient_(e)) {
                    ingestWithRetry(single, List.of(record));
                } else {
                    deadLetter(record, "refused by the database: " + rootMessage(e));
                }
            }
        }
    }

    private Parsed parse(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        try {
            if (type == null) {
                return new Parsed(null, "the record has no ce_type header");
            }
            return switch (type) {
                case SessionCompleted.TYPE -> checked((SessionCompleted) sessionReader.readValue(record.value()));
                case PlanAssigned.TYPE -> checked((PlanAssigned) planReader.readValue(record.value()));
                case MemberReferred.TYPE -> checked((MemberReferred) referralReader.readValue(record.value()));
                case CareTeamAssigned.TYPE -> checked((CareTeamAssigned) assignmentReader.readValue(record.value()));
                case PlanSuspended.TYPE -> checked((PlanSuspended) suspensionReader.readValue(record.value()));
                case PlanResumed.TYPE -> checked((PlanResumed) resumptionReader.readValue(record.value()));
                case SymptomsReported.TYPE -> checked((SymptomsReported) reportReader.readValue(record.value()));
                case MemberNeedsReview.TYPE -> checked((MemberNeedsReview) reviewReader.readValue(record.value()));
                default -> new Parsed(null, "unknown event type " + type);
            };
        } catch (Exception e) {
            return new Parsed(null, "malformed " + type + ": " + rootMessage(e));
        }
    }

    private static Parsed checked(SessionCompleted e) {
        if (e.schemaVersion() < 1 || e.schemaVersion() > SUPPORTED_SCHEMA) {
            return new Parsed(null, "unsupported schema version " + e.schemaVersion());
        }
        if (e.memberId() == null || e.sessionId() == null || e.performedAt() == null || e.effort() == null || e.exercises() == null
                || e.redFlagSymptoms() == null || !pain(e.painBefore()) || !pain(e.painDuring()) || !pain(e.painAfter())) {
            return new Parsed(null, "incomplete or out-of-range SessionCompleted");
        }
        if (e.redFlagSymptoms().isEmpty()) {
            return new Parsed(e, null);
        }
        if (!EventBounds.codes(e.redFlagSymptoms(), false)) {
            return new Parsed(null, "SessionCompleted: redFlagSymptoms " + EventBounds.CODES);
        }
        List<String> flags = EventBounds.distinct(e.redFlagSymptoms());
        return new Parsed(flags == e.redFlagSymptoms() ? e : new SessionCompleted(e.eventId(), e.occurredAt(), e.schemaVersion(),
                e.memberId(), e.sessionId(), e.planVersion(), e.sessionNumber(), e.performedAt(), e.exercises(), e.painBefore(),
                e.painDuring(), e.painAfter(), e.effort(), e.note(), flags), null);
    }

    private static Parsed checked(PlanAssigned e) {
        if (e.schemaVersion() < 1 || e.schemaVersion() > SUPPORTED_SCHEMA) {
            return new Parsed(null, "unsupported schema version " + e.schemaVersion());
        }
        if (e.memberId() == null || e.startDate() == null || e.conditions() == null || e.sessionsPerWeek() < 1
                || !pain(e.baselinePain())) {
            return new Parsed(null, "incomplete or out-of-range PlanAssigned");
        }
        return new Parsed(e, null);
    }

    private static Parsed checked(MemberReferred e) {
        if (e.schemaVersion() < 1 || e.schemaVersion() > SUPPORTED_SCHEMA) {
            return new Parsed(null, "unsupported schema version " + e.schemaVersion());
        }
        if (e.memberId() == null || e.intakeId() == null || e.occurredAt() == null) {
            return new Parsed(null, "incomplete MemberReferred");
        }
        if ((e.redFlags() != null && !EventBounds.codes(e.redFlags(), false)) || !EventBounds.id(e.clinicianId())) {
            return new Parsed(null, "MemberReferred: redFlags " + EventBounds.CODES + ", clinicianId " + EventBounds.ID);
        }
        return new Parsed(e, null);
    }

    private static Parsed checked(CareTeamAssigned e) {
        if (!supported(e.schemaVersion())) {
            return new Parsed(null, "unsupported schema version " + e.schemaVersion());
        }
        if (e.memberId() == null || e.occurredAt() == null || e.sequence() < 1 || !EventBounds.id(e.clinicianId())
                || !EventBounds.id(e.assignedBy())) {
            return new Parsed(null, "incomplete or out-of-range CareTeamAssigned: memberId, occurredAt and a sequence of 1 or more"
                    + " are required; clinicianId and assignedBy " + EventBounds.ID);
        }
        return new Parsed(e, null);
    }

    private static Parsed checked(PlanSuspended e) {
        if (!supported(e.schemaVersion())) {
            return new Parsed(null, "unsupported schema version " + e.schemaVersion());
        }
        if (e.memberId() == null || e.occurredAt() == null || e.sequence() < 1 || e.planVersion() < 0 || e.sourceId() == null
                || !EventBounds.code(e.cause()) || !EventBounds.codes(e.redFlags(), false)) {
            return new Parsed(null, "incomplete or out-of-range PlanSuspended: memberId, occurredAt, sourceId, a cause and a sequence"
                    + " of 1 or more are required; redFlags " + EventBounds.CODES);
        }
        return new Parsed(new PlanSuspended(e.eventId(), e.occurredAt(), e.schemaVersion(), e.memberId(), e.planVersion(), e.sequence(),
                e.cause(), EventBounds.distinct(e.redFlags()), e.sourceId()), null);
    }

    private static Parsed checked(PlanResumed e) {
        if (!supported(e.schemaVersion())) {
            return new Parsed(null, "unsupported schema version " + e.schemaVersion());
        }
        if (e.memberId() == null || e.occurredAt() == null || e.sequence() < 1 || e.planVersion() < 0 || !EventBounds.code(e.how())
                || !EventBounds.id(e.clinicianId()) || !EventBounds.text(e.note())) {
            return new Parsed(null, "incomplete or out-of-range PlanResumed: memberId, occurredAt, how and a sequence of 1 or more are"
                    + " required; clinicianId " + EventBounds.ID + ", note " + EventBounds.TEXT);
        }
        return new Parsed(e, null);
    }

    private static Parsed checked(SymptomsReported e) {
        if (!supported(e.schemaVersion())) {
            return new Parsed(null, "unsupported schema version " + e.schemaVersion());
        }
        if (e.memberId() == null || e.reportId() == null || e.reportedAt() == null || !EventBounds.codes(e.redFlagSymptoms(), true)
                || !EventBounds.text(e.note())) {
            return new Parsed(null, "incomplete or out-of-range SymptomsReported: memberId, reportId, reportedAt required; redFlagSymptoms "
                    + EventBounds.CODES + ", at least one; note " + EventBounds.TEXT);
        }
        return new Parsed(new SymptomsReported(e.eventId(), e.occurredAt(), e.schemaVersion(), e.memberId(), e.reportId(), e.reportedAt(),
                EventBounds.distinct(e.redFlagSymptoms()), e.note()), null);
    }

    private static Parsed checked(MemberNeedsReview e) {
        if (!supported(e.schemaVersion())) {
            return new Parsed(null, "unsupported schema version " + e.schemaVersion());
        }
        if (e.memberId() == null || e.intakeId() == null || e.occurredAt() == null || !EventBounds.id(e.clinicianId())
                || !EventBounds.reasons(e.reasons())) {
            return new Parsed(null, "incomplete or out-of-range MemberNeedsReview: memberId, intakeId, occurredAt required; "
                    + EventBounds.REASONS + "; clinicianId " + EventBounds.ID);
        }
        return new Parsed(e, null);
    }

    private static boolean supported(int schemaVersion) {
        return schemaVersion >= 1 && schemaVersion <= SUPPORTED_SCHEMA;
    }

    private static boolean pain(int value) {
        return value >= 0 && value <= 10;
    }

    /** Sends the record as it came to the dead-letter topic, with why and where from; waits for the broker. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("Dead letter from %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(record.key()).withHeaders(headers).build();
        deadLetters.sendMessage(Message.of(record.value(), Metadata.of(metadata))).await().atMost(Duration.ofSeconds(30));
        dead.increment();
    }

    private static boolean transient_(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // Connection errors (08), shutdown (57P), serialization and deadlock (40) are worth retrying.
                return state == null || state.startsWith("08") || state.startsWith("57P") || state.startsWith("40")
                        || state.startsWith("53");
            }
            if (t instanceof java.sql.SQLTransientException || t.getClass().getName().contains("Acquisition")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
