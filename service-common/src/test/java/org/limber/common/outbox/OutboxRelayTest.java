package org.limber.common.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.stream.IntStream;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.limber.testsupport.LogCapture;
import org.limber.testsupport.PostgresTestResource;
import org.limber.testsupport.TestClock;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox and its relay against a real PostgreSQL and Kafka broker. */
@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "common.outbox-test";
    private static final String TYPE = "TestHappened";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry registry;

    @Inject
    TestClock clock;

    /** One event in the test topic: its key and a number counting up per key. */
    record Numbered(String member, int n) {}

    @Test
    void concurrentWritersHaveEveryEventSentOnceInOrderPerKeyWithoutTransactionWarnings() throws Exception {
        String run = "c" + System.nanoTime();
        int writers = 6;
        int perWriter = 60;
        List<String> warnings;
        try (LogCapture log = LogCapture.atLeast(Level.WARNING);
                TopicReader topic = new TopicReader(TOPIC)) {
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String member = run + "-m" + w;
                done.add(pool.submit(() -> {
                    for (int n = 0; n < perWriter; n++) {
                        int number = n;
                        // Some transactions write one event, some several, as the services do.
                        QuarkusTransaction.requiringNew().run(() -> {
                            if (number % 3 == 0) {
                                outbox.add(
                                        TOPIC,
                                        member,
                                        TYPE,
                                        UUID.randomUUID(),
                                        Instant.now(),
                                        new Numbered(member, number));
                            } else {
                                outbox.addAll(List.of(new Outbox.Entry(
                                        TOPIC,
                                        member,
                                        TYPE,
                                        UUID.randomUUID(),
                                        Instant.now(),
                                        new Numbered(member, number))));
                            }
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(run) == 0);
            List<ConsumerRecord<String, String>> records = topic.readFor(Duration.ofSeconds(3)).stream()
                    .filter(r -> r.key().startsWith(run))
                    .toList();

            assertThat(records).as("every event sent exactly once").hasSize(writers * perWriter);
            Set<String> ids = new HashSet<>();
            records.forEach(r -> ids.add(TopicReader.header(r, "ce_id")));
            assertThat(ids).as("no event id twice").hasSize(writers * perWriter);
            Map<String, List<Integer>> perKey = new HashMap<>();
            for (ConsumerRecord<String, String> r : records) {
                int n = Integer.parseInt(r.value().replaceAll(".*\"n\":(\\d+).*", "$1"));
                perKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(n);
            }
            perKey.forEach((member, numbers) -> assertThat(numbers)
                    .as("order of " + member)
                    .isEqualTo(IntStream.range(0, perWriter).boxed().toList()));
            warnings = log.lines();
        }
        assertThat(warnings)
                .as("no transaction or relay warnings")
                .noneMatch(m -> m.contains("multiple threads active")
                        || m.contains("without active transaction")
                        || m.contains("Outbox relay failed")
                        || m.contains("org.limber.common.outbox"));
    }

    @Test
    void anEventTooLargeForTheBrokerIsParkedAndTheEventsAfterItAreSent() throws Exception {
        String member = "big" + System.nanoTime();
        UUID big = UUID.randomUUID();
        double parkedBefore =
                registry.get("limber.outbox.dead.letters").counter().count();
        try (TopicReader topic = new TopicReader(TOPIC)) {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.add(TOPIC, member, TYPE, UUID.randomUUID(), Instant.now(), new Numbered(member, 1));
                // Past Kafka's 1 MiB record limit: the broker can never take it.
                outbox.add(
                        TOPIC,
                        member,
                        TYPE,
                        big,
                        Instant.now(),
                        Map.of("member", member, "n", 2, "junk", "x".repeat(2_000_000)));
                outbox.add(TOPIC, member, TYPE, UUID.randomUUID(), Instant.now(), new Numbered(member, 3));
            });
            topic.await(r -> member.equals(r.key()) && r.value().contains("\"n\":3"), Duration.ofSeconds(60));
            topic.holdsFor(
                    Duration.ofSeconds(1),
                    records -> assertThat(records)
                            .filteredOn(r -> member.equals(r.key()))
                            .extracting(r -> r.value().replaceAll(".*\"n\":(\\d+).*", "$1"))
                            .containsExactly("1", "3"));
        }
        assertThat(query("select reason from outbox_dead_letter where event_id = '" + big + "'"))
                .contains("RecordTooLargeException");
        assertThat(query("select count(*) from outbox_event where event_id = '" + big + "'"))
                .isEqualTo("0");
        assertThat(registry.get("limber.outbox.dead.letters").counter().count()).isEqualTo(parkedBefore + 1);
    }

    @Test
    void theOldestUnsentEventsAgeIsMeasuredAndOneInstanceRelaysAtATime() throws Exception {
        String member = "old" + System.nanoTime();
        // The relay's clock stands still, so the age is exact: an hour.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.fixAt(now);
        try (Connection other = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "")) {
            // Another instance holds the relay lock: this one must not send. This instance's relay holds the lock
            // while a pass runs (longer on a busy machine), so the other takes it as soon as it is free.
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> query(other, "select pg_try_advisory_lock(" + 0x0b7b0c5L + ")")
                            .equals("t"));
            execute(
                    other,
                    "insert into outbox_event (event_id, topic, message_key, event_type, payload, occurred_at, created_at)"
                            + " values ('" + UUID.randomUUID() + "', '" + TOPIC + "', '" + member + "', '" + TYPE
                            + "', '{\"n\":1}', now(), '" + now.minus(1, ChronoUnit.HOURS) + "')");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                relay.drain();
                assertThat(registry.get("limber.outbox.oldest.unsent.age")
                                .gauge()
                                .value())
                        .isEqualTo(3600.0);
            });
            assertThat(unpublished(member))
                    .as("not sent while another instance holds the lock")
                    .isEqualTo(1);
            execute(other, "select pg_advisory_unlock(" + 0x0b7b0c5L + ")");
        } finally {
            clock.reset();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            relay.drain();
            assertThat(unpublished(member)).isZero();
            assertThat(registry.get("limber.outbox.oldest.unsent.age").gauge().value())
                    .isLessThan(60.0);
        });
    }

    private static long unpublished(String keyPrefix) throws SQLException {
        return Long.parseLong(
                query("select count(*) from outbox_event where published_at is null and message_key like '" + keyPrefix
                        + "%'"));
    }

    private static String query(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "")) {
            return query(db, sql);
        }
    }

    private static String query(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
