package org.limber.progress.messaging.inbound;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.limber.events.member.CareAlertRaised;
import org.limber.events.member.MemberTopics;
import org.limber.events.member.SessionCompleted;
import org.limber.postgres.EmbeddedPostgresServer;
import org.limber.progress.MemberEventFixtures;
import org.limber.progress.domain.ProgressMath;
import org.limber.testsupport.KafkaBroker;
import org.limber.testsupport.PackagedService;
import org.limber.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a process of its own, on a
 * real broker and database: it is killed hard ({@code SIGKILL}) while it consumes a stream of
 * sessions, started again, and then every session must be counted exactly once: none lost (the
 * batches in flight at the kill are consumed again), none doubled (the records that were stored
 * but whose offsets were not committed yet come again, and change nothing).
 */
class RestartMidStreamIT {

    static final String GROUP = "progress-restart-it";
    static final int MEMBERS = 60;
    static final int SESSIONS = 3_000;
    /** Small polls, so the stream is many batches and the kill lands in the middle of it. */
    static final int BATCH = 100;

    /** Held, so that their levels stay. */
    static final List<Logger> QUIET = new ArrayList<>();

    static Path dir;
    static EmbeddedPostgresServer postgres;
    static KafkaBroker broker;
    static OidcWiremockTestResource oidc;
    static Map<String, String> oidcConfig;
    static Connection db;

    @BeforeAll
    static void servers() throws Exception {
        for (String category : new String[] {"kafka", "org.apache.kafka", "state.change.logger"}) {
            Logger logger = Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            QUIET.add(logger);
        }
        dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "restart-it-");
        postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0, true);
        broker = KafkaBroker.start(dir.resolve("kafka"));
        // The topic as the service would create it (a producer that creates it by writing to it can trip over itself).
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(MemberTopics.EVENTS, 6, (short) 1)))
                    .all()
                    .get();
        }
        oidc = new OidcWiremockTestResource();
        oidcConfig = oidc.start();
        try {
            db = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopServers() throws SQLException {
        if (db != null) {
            db.close();
        }
        if (oidc != null) {
            oidc.stop();
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aServiceKilledMidStreamAndStartedAgainCountsEverySessionOnce() throws Exception {
        String prefix = "restart-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<TestEvents.Outgoing> plans = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            plans.add(MemberEventFixtures.outgoing(
                    MemberEventFixtures.plan(prefix + m, 1, 3, 5, "clin-restart", today.minusWeeks(12))));
        }
        // Sessions over the last ten weeks, in random order: late ones land in weeks long past.
        Random random = new Random(42);
        Instant now = Instant.now();
        List<SessionCompleted> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(MemberEventFixtures.session(
                    prefix + random.nextInt(MEMBERS),
                    now.minus(random.nextInt(70 * 24), ChronoUnit.HOURS),
                    random.nextInt(11),
                    random.nextInt(11),
                    random.nextInt(11),
                    random.nextBoolean() ? "JUST_RIGHT" : "TOO_HARD"));
        }

        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, plans);
            PackagedService first = startService("first");
            try {
                first.awaitReady(Duration.ofSeconds(120));
                // The stream: a hundred sessions every 100 ms, still flowing while the service is killed and restarted.
                CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                    for (int from = 0; from < SESSIONS; from += 100) {
                        send(
                                producer,
                                sessions.subList(from, Math.min(SESSIONS, from + 100)).stream()
                                        .map(MemberEventFixtures::outgoing)
                                        .toList());
                        pause(100);
                    }
                });
                await(() -> stored(prefix) >= SESSIONS / 3, Duration.ofSeconds(120), "a third of the sessions stored");
                first.kill();
                long storedAtKill = stored(prefix);
                long committedAtKill = committedOffsets();
                System.out.printf(
                        "Killed with %d of %d sessions stored and %d records committed (%d plans first)%n",
                        storedAtKill, SESSIONS, committedAtKill, MEMBERS);
                assertThat(storedAtKill).as("killed mid-stream").isLessThan(SESSIONS);
                assertThat(committedAtKill)
                        .as("records stored but not yet committed when killed: the restart must see them again")
                        .isLessThan(MEMBERS + storedAtKill);

                try (PackagedService second = startService("second")) {
                    stream.get();
                    await(
                            () -> stored(prefix) >= SESSIONS && lag() == 0,
                            Duration.ofSeconds(180),
                            "all sessions stored, all offsets committed");
                }
            } finally {
                first.kill();
            }
        }

        assertThat(stored(prefix)).isEqualTo(SESSIONS);
        assertThat(weeks(prefix))
                .as("weekly sums, each session counted once in its own week")
                .isEqualTo(expectedWeeks(sessions));
        assertThat(query("select count(*) from outbox_event where event_type = '" + CareAlertRaised.TYPE + "'"))
                .as("one CareAlertRaised per alert")
                .isEqualTo(query("select count(*) from alert"));
    }

    // ---------------------------------------------------------------- the service process

    private PackagedService startService(String name) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", "jdbc:postgresql://localhost:" + postgres.port() + "/postgres");
        env.put("DB_USER", EmbeddedPostgresServer.USER);
        env.put("DB_PASSWORD", "");
        // The embedded test server (loopback, no password): allowed like the local launcher.
        env.put("ALLOW_DEV_CREDENTIALS", "true");
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("OIDC_URL", oidcConfig.get("keycloak.url") + "/realms/quarkus/");
        env.put("MEMBER_EVENTS_GROUP", GROUP);
        env.put("MEMBER_EVENTS_BATCH", String.valueOf(BATCH));
        return PackagedService.start(
                name,
                PackagedService.jar(Path.of(".")),
                List.of(
                        "-Xmx384m",
                        "-Dquarkus.oidc.token.issuer=https://server.example.com",
                        // A killed consumer leaves the group after this, rather than after the default 45 s.
                        "-Dmp.messaging.incoming.member-events.session.timeout.ms=6000",
                        "-Dmp.messaging.incoming.member-events.heartbeat.interval.ms=1000"),
                "PROGRESS_PORT",
                env,
                dir.resolve("service-" + name + ".log"));
    }

    // ---------------------------------------------------------------- the broker

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, List<TestEvents.Outgoing> events) {
        events.forEach(e -> producer.send(TestEvents.record(e)));
        producer.flush();
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    /** The group's committed offsets, added up over the partitions. */
    private static long committedOffsets() throws Exception {
        try (Admin admin = admin()) {
            return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        }
    }

    /** Records of the member-events topic the group has not committed yet. */
    private static long lag() {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(MemberTopics.EVENTS))
                    .allTopicNames()
                    .get()
                    .get(MemberTopics.EVENTS)
                    .partitions()
                    .forEach(p ->
                            latest.put(new TopicPartition(MemberTopics.EVENTS, p.partition()), OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- the database

    private static long stored(String prefix) {
        return query("select count(*) from session_fact where member_id like '" + prefix + "%'");
    }

    private static long query(String sql) {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return -1; // not migrated yet
        }
    }

    /** Member and week to sessions, sum of pain before, during and after, too hard. */
    private static Map<String, List<Integer>> weeks(String prefix) throws SQLException {
        Map<String, List<Integer>> weeks = new TreeMap<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select member_id, week_start, sessions, sum_pain_before, sum_pain_during,"
                                + " sum_pain_after, too_hard from weekly_stats where member_id like '" + prefix
                                + "%'")) {
            while (rows.next()) {
                weeks.put(
                        rows.getString(1) + " " + rows.getDate(2).toLocalDate(),
                        List.of(rows.getInt(3), rows.getInt(4), rows.getInt(5), rows.getInt(6), rows.getInt(7)));
            }
        }
        return weeks;
    }

    private static Map<String, List<Integer>> expectedWeeks(List<SessionCompleted> sessions) {
        Map<String, int[]> sums = new TreeMap<>();
        for (SessionCompleted s : sessions) {
            LocalDate week = ProgressMath.weekOf(LocalDate.ofInstant(s.performedAt(), ZoneOffset.UTC));
            int[] sum = sums.computeIfAbsent(s.memberId() + " " + week, k -> new int[5]);
            sum[0]++;
            sum[1] += s.painBefore();
            sum[2] += s.painDuring();
            sum[3] += s.painAfter();
            sum[4] += "TOO_HARD".equals(s.effort()) ? 1 : 0;
        }
        Map<String, List<Integer>> weeks = new TreeMap<>();
        sums.forEach((k, v) -> weeks.put(k, List.of(v[0], v[1], v[2], v[3], v[4])));
        return weeks;
    }

    // ---------------------------------------------------------------- waiting

    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        Awaitility.await(what + " (service logs in " + dir + ")")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
