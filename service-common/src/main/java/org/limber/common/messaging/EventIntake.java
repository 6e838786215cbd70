package org.limber.common.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import org.limber.common.privacy.ErasedMembers;
import org.limber.events.privacy.MemberErased;
import org.limber.events.privacy.MemberErasureRequested;

/**
 * The one way a consumer takes an event in: read the {@code ce_type} header, parse the JSON value
 * (unknown fields allowed: a newer producer may add some), accept schema versions
 * {@code 1..supported}, check the required fields; then apply it, retrying a passing fault of the
 * database with back-off for as long as it lasts. Whatever can never be applied is a
 * {@link Rejected} with the reason, for the dead-letter topic (the channel's
 * {@code failure-strategy=dead-letter-queue} for a record-at-a-time consumer, or
 * {@link #deadLetterHeaders} for a batch consumer that sends its own). Works for single records
 * and for batches alike: {@link #parse} and {@link #isTransient} take one record or failure at a time.
 * <p>
 * A record keyed by a member erased here ({@link ErasedMembers}) is passed over ({@link Erased}, acknowledged
 * by {@link #take} or a batch consumer, never applied nor dead-lettered): a replay rebuilds nothing.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /** An event that can never be applied; its message is the dead-letter reason. */
    public static class Rejected extends RuntimeException {
        public Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A record about an erased member: acknowledged, neither applied nor dead-lettered. */
    public static class Erased extends RuntimeException {
        public Erased(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Exempt from the erased-member check: the erasure's own events, and the access audit (kept, pseudonymized). */
    static final Set<String> ERASURE_TYPES = Set.of(MemberErasureRequested.TYPE, MemberErased.TYPE);

    static final String AUDIT_TOPIC = "audit.member-access";

    /**
     * One type of event a consumer takes: its {@code ce_type}, its record class, the highest schema
     * version this consumer understands, its required-field check, the requirement that check stands
     * for (named in the dead-letter reason), and a normalising step applied to a complete event (for
     * example removing duplicate codes from a list).
     */
    public record EventType<T>(
            String type,
            Class<T> eventClass,
            int supported,
            ToIntFunction<T> schemaVersion,
            Predicate<T> complete,
            String requirement,
            UnaryOperator<T> normalise) {

        /** A type with no normalising step and the generic requirement. */
        public EventType(
                String type,
                Class<T> eventClass,
                int supported,
                ToIntFunction<T> schemaVersion,
                Predicate<T> complete) {
            this(
                    type,
                    eventClass,
                    supported,
                    schemaVersion,
                    complete,
                    "a required field is missing or out of range",
                    UnaryOperator.identity());
        }
    }

    private final ObjectMapper json;
    /** One reader per event class, so that a batch consumer's per-record parse looks nothing up twice. */
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    private final Predicate<String> erased;

    public EventIntake(ObjectMapper mapper) {
        this(mapper, key -> false);
    }

    @Inject
    public EventIntake(ObjectMapper mapper, ErasedMembers erasedMembers) {
        this(mapper, (Predicate<String>) erasedMembers::isErased);
    }

    public EventIntake(ObjectMapper mapper, Predicate<String> erased) {
        this.json = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.erased = erased;
    }

    /** {@link #parse} and {@link #applyWithRetry}; false (nothing applied) for an erased member's record. */
    public boolean take(ConsumerRecord<?, ?> record, List<EventType<?>> kinds, Consumer<Object> apply, String what) {
        Object event;
        try {
            event = parse(record, kinds);
        } catch (Erased e) {
            LOG.debugf("Passed over %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            return false;
        }
        applyWithRetry(() -> apply.accept(event), what);
        return true;
    }

    /** The record's event, as the first of {@code kinds} whose type matches; {@link Rejected} if it cannot be. */
    public Object parse(ConsumerRecord<?, ?> record, List<EventType<?>> kinds) {
        String type = Headers.text(record, Headers.CE_TYPE);
        if (type == null) {
            throw new Rejected("the record has no " + Headers.CE_TYPE + " header");
        }
        for (EventType<?> kind : kinds) {
            if (kind.type().equals(type)) {
                if (!ERASURE_TYPES.contains(type)
                        && !AUDIT_TOPIC.equals(record.topic())
                        && record.key() instanceof String key
                        && isErased(key)) {
                    throw new Erased("a " + type + " about an erased member");
                }
                return parse(record.value(), kind);
            }
        }
        throw new Rejected("unknown event type " + type);
    }

    /** The record's event of this one kind; {@link Rejected} if it cannot be. */
    @SuppressWarnings("unchecked")
    public <T> T parse(ConsumerRecord<?, ?> record, EventType<T> kind) {
        return (T) parse(record, List.<EventType<?>>of(kind));
    }

    private <T> T parse(Object value, EventType<T> kind) {
        T event;
        ObjectReader reader = readers.computeIfAbsent(kind.eventClass(), json::readerFor);
        try {
            if (value instanceof byte[] bytes) {
                event = reader.readValue(bytes);
            } else if (value instanceof String text) {
                event = reader.readValue(text);
            } else {
                throw new Rejected("the record of type " + kind.type() + " has no value");
            }
        } catch (IOException e) {
            throw new Rejected("malformed " + kind.eventClass().getSimpleName() + ": " + rootMessage(e));
        }
        if (event == null) {
            throw new Rejected("the record of type " + kind.type() + " has no value");
        }
        int version = kind.schemaVersion().applyAsInt(event);
        if (version < 1 || version > kind.supported()) {
            throw new Rejected("unsupported schema version " + version + " of "
                    + kind.eventClass().getSimpleName() + " (1.." + kind.supported() + ")");
        }
        if (!kind.complete().test(event)) {
            throw new Rejected("incomplete " + kind.eventClass().getSimpleName() + " (" + kind.requirement() + ")");
        }
        if (!EventBounds.ids(event)) {
            throw new Rejected("an id of " + kind.eventClass().getSimpleName() + " is blank or over "
                    + EventBounds.MAX_ID_LENGTH + " characters");
        }
        return kind.normalise().apply(event);
    }

    /** Whether the key is an erased member, asked again while the database is passingly unreachable. */
    private boolean isErased(String key) {
        boolean[] answer = new boolean[1];
        applyWithRetry(() -> answer[0] = erased.test(key), "the erased-member check");
        return answer[0];
    }

    /**
     * Runs {@code apply} until it succeeds, waiting between tries (200 ms doubling to 10 s) while the
     * failure is transient. A permanent failure is thrown as {@link Rejected}, for the dead-letter topic.
     */
    public void applyWithRetry(Runnable apply, String what) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                apply.run();
                return;
            } catch (Rejected e) {
                throw e;
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw new Rejected("refused by the database: " + rootMessage(e));
                }
                LOG.warnf("Database unavailable (%s); retrying %s in %d ms", rootMessage(e), what, backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Whether trying again later may succeed: the database unreachable or shutting down (SQL state
     * 08, 57P), out of resources (53), a serialization failure or deadlock (40), a lock or statement
     * timeout (55P03, 57014), or no connection from the pool in time.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("08")
                        || state.startsWith("57P")
                        || state.startsWith("40")
                        || state.startsWith("53")
                        || state.equals("55P03")
                        || state.equals("57014");
            }
            if (t instanceof SQLException sql
                    && sql.getMessage() != null
                    && sql.getMessage().contains("cquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause: its simple class name and message. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** A hand-sent dead letter's headers: the record's, why and whence (SmallRye's names). */
    public static RecordHeaders deadLetterHeaders(ConsumerRecord<?, ?> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /**
     * Sends the record as it came to a dead-letter channel (a batch consumer's own emitter), with
     * {@link #deadLetterHeaders}, and waits for the broker, so that its offset may be committed.
     */
    public static <V> void sendDeadLetter(MutinyEmitter<V> deadLetters, ConsumerRecord<?, V> record, String reason) {
        LOG.warnf("Dead letter from %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        OutgoingKafkaRecordMetadata<Object> metadata = OutgoingKafkaRecordMetadata.<Object>builder()
                .withKey(record.key())
                .withHeaders(deadLetterHeaders(record, reason))
                .build();
        deadLetters
                .sendMessage(Message.of(record.value(), Metadata.of(metadata)))
                .await()
                .atMost(Duration.ofSeconds(30));
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
