package org.limber.common.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventIntakeTest {

    record Thing(int schemaVersion, String memberId) {}

    private static final EventIntake.EventType<Thing> THING =
            new EventIntake.EventType<>("Thing", Thing.class, 2, Thing::schemaVersion, t -> t.memberId() != null);

    private final EventIntake intake = new EventIntake(new ObjectMapper());

    private static ConsumerRecord<String, String> record(String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("topic", 0, 7, "key", value);
        if (type != null) {
            record.headers().add(Headers.CE_TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void anEventOfASupportedVersionWithItsFieldsIsTakenUnknownFieldsAllowed() {
        assertThat(intake.parse(record("Thing", "{\"schemaVersion\":2,\"memberId\":\"m\",\"newField\":1}"), THING))
                .isEqualTo(new Thing(2, "m"));
        ConsumerRecord<String, byte[]> bytes = new ConsumerRecord<>(
                "topic", 0, 1, "key", "{\"schemaVersion\":1,\"memberId\":\"m\"}".getBytes(StandardCharsets.UTF_8));
        bytes.headers().add(Headers.CE_TYPE, "Thing".getBytes(StandardCharsets.UTF_8));
        assertThat(intake.parse(bytes, List.<EventIntake.EventType<?>>of(THING)))
                .isEqualTo(new Thing(1, "m"));
    }

    @Test
    void whatCanNeverBeAppliedIsRejectedWithTheReason() {
        assertThatThrownBy(() -> intake.parse(record(null, "{}"), THING))
                .isInstanceOf(EventIntake.Rejected.class)
                .hasMessageContaining("no ce_type");
        assertThatThrownBy(() -> intake.parse(record("Other", "{}"), THING))
                .hasMessageContaining("unknown event type Other");
        assertThatThrownBy(() -> intake.parse(record("Thing", "not json"), THING))
                .hasMessageContaining("malformed Thing");
        assertThatThrownBy(() -> intake.parse(record("Thing", null), THING)).hasMessageContaining("has no value");
        assertThatThrownBy(() -> intake.parse(record("Thing", "{\"schemaVersion\":3,\"memberId\":\"m\"}"), THING))
                .hasMessageContaining("unsupported schema version 3");
        assertThatThrownBy(() -> intake.parse(record("Thing", "{\"schemaVersion\":0,\"memberId\":\"m\"}"), THING))
                .hasMessageContaining("unsupported schema version 0");
        assertThatThrownBy(() -> intake.parse(record("Thing", "{\"schemaVersion\":1}"), THING))
                .hasMessageContaining("incomplete");
    }

    @Test
    void aKindNamesItsRequirementInTheReasonAndNormalisesWhatItTakes() {
        EventIntake.EventType<Thing> trimmed = new EventIntake.EventType<>(
                "Thing",
                Thing.class,
                1,
                Thing::schemaVersion,
                t -> t.memberId() != null && !t.memberId().isBlank(),
                "memberId required, not blank",
                t -> new Thing(t.schemaVersion(), t.memberId().strip()));
        assertThat(intake.parse(record("Thing", "{\"schemaVersion\":1,\"memberId\":\" m \"}"), trimmed))
                .isEqualTo(new Thing(1, "m"));
        assertThatThrownBy(() -> intake.parse(record("Thing", "{\"schemaVersion\":1,\"memberId\":\" \"}"), trimmed))
                .hasMessage("incomplete Thing (memberId required, not blank)");
    }

    @Test
    void passingFaultsOfTheDatabaseAreTransientAndRefusalsArePermanent() {
        assertThat(EventIntake.isTransient(new RuntimeException(new SQLException("gone", "08006"))))
                .as("unreachable")
                .isTrue();
        assertThat(EventIntake.isTransient(new SQLException("shutdown", "57P01")))
                .as("admin shutdown")
                .isTrue();
        assertThat(EventIntake.isTransient(new SQLException("deadlock", "40P01")))
                .as("deadlock")
                .isTrue();
        assertThat(EventIntake.isTransient(new SQLException("serialization", "40001")))
                .as("serialization failure")
                .isTrue();
        assertThat(EventIntake.isTransient(new SQLException("too many", "53300")))
                .as("too many connections")
                .isTrue();
        assertThat(EventIntake.isTransient(new SQLException("Acquisition timeout while waiting for new connection")))
                .as("pool timeout")
                .isTrue();
        assertThat(EventIntake.isTransient(new SQLTransientConnectionException("x")))
                .isTrue();
        assertThat(EventIntake.isTransient(new SQLException("duplicate", "23505")))
                .as("unique violation")
                .isFalse();
        assertThat(EventIntake.isTransient(new SQLException("bad value", "22P02")))
                .as("invalid text")
                .isFalse();
        assertThat(EventIntake.isTransient(new IllegalArgumentException("bad"))).isFalse();
    }

    @Test
    void aTransientFailureIsRetriedUntilItPassesAndAPermanentOneIsRejectedAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        intake.applyWithRetry(
                () -> {
                    if (tries.incrementAndGet() < 3) {
                        throw new IllegalStateException(new SQLException("deadlock", "40P01"));
                    }
                },
                "test");
        assertThat(tries).hasValue(3);

        AtomicInteger refused = new AtomicInteger();
        assertThatThrownBy(() -> intake.applyWithRetry(
                        () -> {
                            refused.incrementAndGet();
                            throw new IllegalStateException(new SQLException("duplicate", "23505"));
                        },
                        "test"))
                .isInstanceOf(EventIntake.Rejected.class)
                .hasMessageContaining("refused by the database");
        assertThat(refused).hasValue(1);
    }

    @Test
    void aDeadLetterCarriesTheRecordsHeadersAndWhyAndWhereFrom() {
        ConsumerRecord<String, String> record = record("Thing", "{}");
        var headers = EventIntake.deadLetterHeaders(record, "because");
        assertThat(new String(headers.lastHeader(Headers.CE_TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("Thing");
        assertThat(new String(headers.lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .isEqualTo("because");
        assertThat(new String(headers.lastHeader("dead-letter-offset").value(), StandardCharsets.UTF_8))
                .isEqualTo("7");
    }

    @Test
    void aRecordAboutAnErasedMemberIsPassedOverNeitherAppliedNorRejected() {
        EventIntake erasing = new EventIntake(new ObjectMapper(), key -> key.equals("key"));
        List<Object> applied = new java.util.ArrayList<>();
        ConsumerRecord<String, String> erased = record("Thing", "{\"schemaVersion\":1,\"memberId\":\"m\"}");

        assertThatThrownBy(() -> erasing.parse(erased, THING)).isInstanceOf(EventIntake.Erased.class);
        assertThat(erasing.take(erased, List.of(THING), applied::add, "a thing"))
                .isFalse();
        assertThat(applied).isEmpty();

        ConsumerRecord<String, String> other =
                new ConsumerRecord<>("topic", 0, 8, "other", "{\"schemaVersion\":1,\"memberId\":\"m\"}");
        other.headers().add(Headers.CE_TYPE, "Thing".getBytes(StandardCharsets.UTF_8));
        assertThat(erasing.take(other, List.of(THING), applied::add, "a thing")).isTrue();
        assertThat(applied).containsExactly(new Thing(1, "m"));
    }

    @Test
    void theErasuresOwnEventsAreExemptFromTheErasedCheck() {
        EventIntake erasing = new EventIntake(new ObjectMapper(), key -> true);
        EventIntake.EventType<Thing> erased = new EventIntake.EventType<>(
                org.limber.events.privacy.MemberErased.TYPE, Thing.class, 1, Thing::schemaVersion, t -> true);

        assertThat(erasing.parse(
                        record(org.limber.events.privacy.MemberErased.TYPE, "{\"schemaVersion\":1,\"memberId\":\"m\"}"),
                        erased))
                .isEqualTo(new Thing(1, "m"));
    }

    @Test
    void theAccessAuditIsExemptFromTheErasedCheck() {
        EventIntake erasing = new EventIntake(new ObjectMapper(), key -> true);
        ConsumerRecord<String, String> audit =
                new ConsumerRecord<>("audit.member-access", 0, 1, "key", "{\"schemaVersion\":1,\"memberId\":\"m\"}");
        audit.headers().add(Headers.CE_TYPE, "Thing".getBytes(StandardCharsets.UTF_8));

        assertThat(erasing.parse(audit, THING)).isEqualTo(new Thing(1, "m"));
    }
}
