package org.limber.routine.messaging.inbound;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.limber.events.catalog.ExercisePublished;
import org.limber.events.member.ProgressAssessed;
import org.limber.events.member.ProgressTopics;
import org.limber.routine.Fixtures;
import org.limber.routine.repository.AdaptationRepository;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.CatalogFixture;
import org.limber.testsupport.RecordFuzzer;
import org.limber.testsupport.RecordFuzzer.OutOfBounds;
import org.limber.testsupport.TestEvents;

import static org.awaitility.Awaitility.await;
import static org.limber.routine.Fixtures.newMember;

/**
 * Seeded streams of malformed records (test-support {@link RecordFuzzer}) interleaved with valid events,
 * on the real broker, to both consumers: the catalog copy and the assessments. Every malformed record is
 * a dead letter with its reason, every valid event is applied, and each consumer keeps going.
 */
@QuarkusTest
class FuzzedRecordsTest {

    static final List<OutOfBounds> CATALOG_OUT_OF_BOUNDS = List.of(
            new OutOfBounds("slug", "s".repeat(10_000)),
            new OutOfBounds("slug", ""),
            new OutOfBounds("slug", "another-slug"),
            new OutOfBounds("version", -1),
            new OutOfBounds("version", 0),
            new OutOfBounds("exercise", null),
            new OutOfBounds("exercise.slug", "not-the-key"),
            new OutOfBounds("exercise.version", 99),
            new OutOfBounds("exercise.dose", null));

    static final List<OutOfBounds> ASSESSMENT_OUT_OF_BOUNDS = List.of(
            new OutOfBounds("memberId", "m".repeat(10_000)),
            new OutOfBounds("memberId", " "),
            new OutOfBounds("assessmentId", null),
            new OutOfBounds("occurredAt", "+200000-01-01T00:00:00Z"),
            new OutOfBounds("weekStart", "+1000000000-01-01"),
            new OutOfBounds("weekStart", "-200000-01-01"),
            new OutOfBounds("planVersion", -1),
            new OutOfBounds("trigger", "T".repeat(10_000)),
            new OutOfBounds("painTrend", ""),
            new OutOfBounds(
                    "safetySignals",
                    IntStream.range(0, 500).mapToObj(i -> "SIGNAL_" + i).toList()),
            new OutOfBounds(
                    "redFlagSymptoms",
                    IntStream.range(0, 500).mapToObj(i -> "FLAG_" + i).toList()),
            new OutOfBounds(
                    "skipped", Collections.nCopies(5_000, Map.of("slug", "cat-cow", "reason", "PAIN", "times", 1))),
            new OutOfBounds("baselinePain", 99),
            new OutOfBounds("latestPain", -1),
            new OutOfBounds("worstPainDuring", 11),
            new OutOfBounds("meanPain", 1e300),
            new OutOfBounds("adherencePercent", 1_000),
            new OutOfBounds("sessionsDone", -1),
            new OutOfBounds("effort.tooHard", -5));

    @Inject
    CatalogReplica replica;

    @Inject
    AdaptationRepository adaptations;

    @Test
    void everyMalformedCatalogRecordIsADeadLetterAndEveryValidExerciseIsKept() {
        Fixtures.catalogLoaded(replica);
        String run = "fuzz-" + System.nanoTime() + "-";
        AtomicInteger n = new AtomicInteger();
        RecordFuzzer.Sent sent = new RecordFuzzer()
                .send(
                        80,
                        () -> CatalogFixture.outgoing(CatalogFixture.published(
                                CatalogFixture.renamed(Fixtures.CATALOG.get(0), run + n.incrementAndGet(), "Fuzzed"))),
                        CATALOG_OUT_OF_BOUNDS);
        RecordFuzzer.awaitDeadLetters(CatalogConsumerTest.DLQ, sent, Duration.ofSeconds(60));
        List<String> kept = sent.valid().stream()
                .map(e -> ((ExercisePublished) e.payload()).slug())
                .toList();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> kept.stream().allMatch(slug -> replica.find(slug).isPresent()));
    }

    @Test
    void everyMalformedAssessmentIsADeadLetterAndEveryValidOneIsApplied() {
        RecordFuzzer.Sent sent = new RecordFuzzer()
                .send(
                        80,
                        () -> {
                            ProgressAssessed a = AdaptationFlowTest.easyWeek(newMember(), 1);
                            return new TestEvents.Outgoing(
                                    ProgressTopics.ASSESSMENTS, a.memberId(), ProgressAssessed.TYPE, a.eventId(), a);
                        },
                        ASSESSMENT_OUT_OF_BOUNDS);
        RecordFuzzer.awaitDeadLetters("routine.progress-assessments.dlq", sent, Duration.ofSeconds(60));
        List<ProgressAssessed> applied =
                sent.valid().stream().map(e -> (ProgressAssessed) e.payload()).toList();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> applied.stream()
                                .allMatch(a ->
                                        adaptations.assessment(a.assessmentId()).isPresent())));
    }

    static final List<OutOfBounds> REPORT_OUT_OF_BOUNDS = List.of(
            new OutOfBounds("memberId", "m".repeat(10_000)),
            new OutOfBounds("memberId", " "),
            new OutOfBounds("service", "s".repeat(10_000)),
            new OutOfBounds("service", null),
            new OutOfBounds("occurredAt", "+200000-01-01T00:00:00Z"),
            new OutOfBounds("schemaVersion", 99));

    /** Erasure reports: a malformed one is a dead letter; a valid one for a member with no request changes nothing. */
    @Test
    void everyMalformedErasureReportIsADeadLetter() {
        RecordFuzzer.Sent sent = new RecordFuzzer()
                .send(
                        40,
                        () -> {
                            org.limber.events.privacy.MemberErased e = new org.limber.events.privacy.MemberErased(
                                    java.util.UUID.randomUUID(), java.time.Instant.now(), 1, newMember(), "progress");
                            return new TestEvents.Outgoing(
                                    org.limber.events.privacy.PrivacyTopics.ERASURE_REPORTS,
                                    e.memberId(),
                                    org.limber.events.privacy.MemberErased.TYPE,
                                    e.eventId(),
                                    e);
                        },
                        REPORT_OUT_OF_BOUNDS);
        RecordFuzzer.awaitDeadLetters("routine.erasure-reports.dlq", sent, Duration.ofSeconds(60));
    }
}
