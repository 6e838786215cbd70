package org.limber.progress.messaging.inbound;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.limber.events.member.PlanAssigned;
import org.limber.events.member.SessionCompleted;
import org.limber.events.member.SymptomsReported;
import org.limber.progress.MemberEventFixtures;
import org.limber.testsupport.RecordFuzzer;
import org.limber.testsupport.RecordFuzzer.OutOfBounds;
import org.limber.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.limber.progress.MemberEventFixtures.member;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;
import static org.limber.progress.MemberEventFixtures.symptoms;

/**
 * A seeded stream of malformed member events (test-support {@link RecordFuzzer}) interleaved with valid
 * sessions, plans and symptom reports, on the real broker: every malformed record is a dead letter with
 * its reason, every valid event is applied, and the consumer keeps going.
 */
@QuarkusTest
class FuzzedRecordsTest {

    static final List<OutOfBounds> OUT_OF_BOUNDS = List.of(
            new OutOfBounds("memberId", "m".repeat(10_000)),
            new OutOfBounds("memberId", ""),
            new OutOfBounds("performedAt", "+1000000000-01-01T00:00:00Z"),
            new OutOfBounds("performedAt", "+200000-01-01T00:00:00Z"),
            new OutOfBounds("performedAt", "-200000-01-01T00:00:00Z"),
            new OutOfBounds("reportedAt", "+200000-01-01T00:00:00Z"),
            new OutOfBounds("occurredAt", "+200000-01-01T00:00:00Z"),
            new OutOfBounds("startDate", "+200000-01-01"),
            new OutOfBounds("startDate", "-999999999-01-01"),
            new OutOfBounds("painDuring", 11),
            new OutOfBounds("painBefore", -1),
            new OutOfBounds("baselinePain", 99),
            new OutOfBounds("sessionsPerWeek", 1_000_000),
            new OutOfBounds("planVersion", -1),
            new OutOfBounds("effort", "e".repeat(10_000)),
            new OutOfBounds(
                    "redFlagSymptoms",
                    IntStream.range(0, 500).mapToObj(i -> "FLAG_" + i).toList()),
            new OutOfBounds("exercises", Collections.nCopies(5_000, Map.of("slug", "cat-cow", "status", "DONE"))),
            new OutOfBounds("conditions", Collections.nCopies(5_000, "X".repeat(100))),
            new OutOfBounds("sessions", Collections.nCopies(5_000, Map.of("number", 1, "items", List.of()))));

    @Test
    void everyMalformedRecordIsADeadLetterAndEveryValidEventIsApplied() {
        String member = newMember();
        send(plan(member, 1, 3, 3, "clin-fuzz", LocalDate.now(ZoneOffset.UTC)));
        AtomicInteger n = new AtomicInteger();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RecordFuzzer.Sent sent = new RecordFuzzer()
                .send(
                        120,
                        () -> {
                            int i = n.incrementAndGet();
                            Object event = switch (i % 3) {
                                case 0 -> plan(newMember(), 1, 3, 3, "clin-fuzz", LocalDate.now(ZoneOffset.UTC));
                                case 1 -> symptoms(member, "SADDLE_NUMBNESS");
                                default -> session(member, start.minusSeconds(60L * i), 3, 3, 3, "JUST_RIGHT");
                            };
                            return MemberEventFixtures.outgoing(event);
                        },
                        OUT_OF_BOUNDS);
        RecordFuzzer.awaitDeadLetters("progress.member-events.dlq", sent, Duration.ofSeconds(60));
        long sessions = payloads(sent, SessionCompleted.class).size();
        await().atMost(Duration.ofSeconds(30)).until(() -> total(member) == sessions);
        for (PlanAssigned plan : payloads(sent, PlanAssigned.class)) {
            member(plan.memberId()).get("/members/me/progress").then().statusCode(200);
        }
        assertThat(payloads(sent, SymptomsReported.class)).isNotEmpty();
    }

    private static <T> List<T> payloads(RecordFuzzer.Sent sent, Class<T> type) {
        return sent.valid().stream()
                .map(TestEvents.Outgoing::payload)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static long total(String memberId) {
        return member(memberId)
                .get("/members/me/sessions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
    }

    /** Erasure requests: a malformed one is a dead letter; a valid one erases a member who has nothing here. */
    @Test
    void everyMalformedErasureRequestIsADeadLetter() {
        RecordFuzzer.Sent sent = new RecordFuzzer()
                .send(
                        40,
                        () -> {
                            org.limber.events.privacy.MemberErasureRequested e =
                                    new org.limber.events.privacy.MemberErasureRequested(
                                            java.util.UUID.randomUUID(), Instant.now(), 1, newMember());
                            return new TestEvents.Outgoing(
                                    org.limber.events.privacy.PrivacyTopics.ERASURE_REQUESTS,
                                    e.memberId(),
                                    org.limber.events.privacy.MemberErasureRequested.TYPE,
                                    e.eventId(),
                                    e);
                        },
                        List.of(
                                new OutOfBounds("memberId", "m".repeat(10_000)),
                                new OutOfBounds("memberId", " "),
                                new OutOfBounds("occurredAt", "+200000-01-01T00:00:00Z"),
                                new OutOfBounds("schemaVersion", 99)));
        RecordFuzzer.awaitDeadLetters("progress.erasure-requests.dlq", sent, Duration.ofSeconds(60));
    }
}
