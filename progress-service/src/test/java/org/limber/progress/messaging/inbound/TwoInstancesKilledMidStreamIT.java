package org.limber.progress.messaging.inbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.limber.events.catalog.CatalogTopics;
import org.limber.events.member.CareAlertRaised;
import org.limber.events.member.MemberTopics;
import org.limber.postgres.EmbeddedPostgresServer;
import org.limber.testsupport.CatalogFixture;
import org.limber.testsupport.KafkaBroker;
import org.limber.testsupport.PackagedService;
import org.limber.testsupport.TestEvents;
import org.limber.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of routine-service and two of progress-service, packaged, as processes of their own
 * on one PostgreSQL and one broker: the instances of a service share their database and their
 * consumer groups (the partitions of {@code routine.member-events} and {@code progress.assessments},
 * 6 each, are split between them), and their outbox relays run under the outbox lock. Members take
 * their intake and log sessions through both routine instances in turn; progress assesses their
 * weeks and routine adapts their plans from the assessments; one member in six reports a red flag,
 * one in six a session of high pain. While the sessions flow, one routine instance and one progress
 * instance are killed ({@code SIGKILL}); a request the dead instance did not answer is sent again,
 * with the same session id, to the other (as the app retries). Then:
 * <ul>
 *   <li>every session routine accepted is stored once by each service, and counted once in its week;</li>
 *   <li>each red flag and each high pain raises its alert once, and each alert is published once;</li>
 *   <li>every assessment progress made is applied once by routine, every adaptation is exactly one
 *       plan version (versions 1..n without gaps), and every version reached progress;</li>
 *   <li>both outboxes are drained, nothing parked, no dead letter.</li>
 * </ul>
 */
class TwoInstancesKilledMidStreamIT {

    static final int MEMBERS = 30;
    /** Sessions each member logs (two a plan week, so each second one completes a week and adapts the plan). */
    static final int ROUNDS = 8;

    static final Duration START = Duration.ofMinutes(3);
    static final Duration SETTLE = Duration.ofMinutes(3);
    static final ObjectMapper JSON = TestEvents.JSON;
    static final List<Logger> QUIET = new ArrayList<>();

    static Path dir;
    static EmbeddedPostgresServer postgres;
    static KafkaBroker broker;
    static OidcWiremockTestResource oidc;
    static String oidcUrl;
    static Connection routineDb;
    static Connection progressDb;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The routine instances members call, in turn; a killed one is left out once a call to it fails. */
    final List<PackagedService> routines = new ArrayList<>();

    final Set<PackagedService> dead = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void servers() throws Exception {
        for (String category : new String[] {"kafka", "org.apache.kafka", "state.change.logger"}) {
            Logger logger = Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            QUIET.add(logger);
        }
        dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "two-instances-it-");
        postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0, true);
        postgres.createDatabase("routine");
        postgres.createDatabase("progress");
        broker = KafkaBroker.start(dir.resolve("kafka"));
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(CatalogTopics.EXERCISES, 3, (short) 1)))
                    .all()
                    .get();
        }
        // The library, as catalog-service publishes it: routine-service is ready once its copy has it.
        try (KafkaProducer<String, String> producer = producer()) {
            CatalogFixture.outgoing(CatalogFixture.snapshots().stream()
                            .map(CatalogFixture::published)
                            .toList())
                    .forEach(e -> producer.send(TestEvents.record(e)));
            producer.flush();
        }
        oidc = new OidcWiremockTestResource();
        oidcUrl = oidc.start().get("keycloak.url") + "/realms/quarkus/";
        routineDb = DriverManager.getConnection(postgres.jdbcUrl("routine"));
        progressDb = DriverManager.getConnection(postgres.jdbcUrl("progress"));
    }

    @AfterAll
    static void stopServers() throws SQLException {
        if (routineDb != null) {
            routineDb.close();
        }
        if (progressDb != null) {
            progressDb.close();
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
    void twoInstancesOfEachServiceWithOneOfEachKilledCountEverythingOnce() throws Exception {
        List<PackagedService> started = new ArrayList<>();
        Instant t0 = Instant.now();
        try {
            for (int i = 1; i <= 2; i++) {
                started.add(service("routine", i));
                started.add(service("progress", i));
            }
            started.forEach(s -> s.awaitReady(START));
            routines.add(started.get(0));
            routines.add(started.get(2));
            PackagedService progressToKill = started.get(3);
            System.out.printf(
                    "Four instances ready in %d s%n",
                    Duration.between(t0, Instant.now()).toSeconds());

            String prefix = "two-" + UUID.randomUUID().toString().substring(0, 6) + "-";
            String like = prefix + "%";
            Map<UUID, Logged> accepted = new ConcurrentHashMap<>();
            ExecutorService members = Executors.newFixedThreadPool(6);
            // Every intake first (an intake sent twice is a second plan version, by design), then the sessions.
            List<Future<?>> done = new ArrayList<>();
            for (int m = 0; m < MEMBERS; m++) {
                int member = m;
                done.add(members.submit(() -> intake(prefix + member, member)));
            }
            for (Future<?> intake : done) {
                intake.get(SETTLE.toSeconds(), TimeUnit.SECONDS);
            }
            done.clear();
            for (int m = 0; m < MEMBERS; m++) {
                int member = m;
                done.add(members.submit(() -> {
                    sessions(prefix + member, member, accepted);
                    return null;
                }));
            }
            // Mid-stream: a third of the sessions in, one instance of each service dies at once.
            await("a third of the sessions logged")
                    .atMost(SETTLE)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> accepted.size() >= MEMBERS * ROUNDS / 3);
            routines.get(1).kill();
            progressToKill.kill();
            int atKill = accepted.size();
            long progressAtKill = count(progressDb, "select count(*) from session_fact where member_id like ?", like);
            for (Future<?> member : done) {
                member.get(SETTLE.toSeconds(), TimeUnit.SECONDS);
            }
            members.shutdown();
            System.out.printf(
                    "Killed %s and %s with %d sessions logged (%d in progress); %d logged in all (%d with a red flag)%n",
                    routines.get(1),
                    progressToKill,
                    atKill,
                    progressAtKill,
                    accepted.size(),
                    accepted.values().stream().filter(Logged::redFlag).count());
            assertThat(atKill).as("killed mid-stream").isLessThan(accepted.size());

            // Everything settles on the survivors: sessions in, outboxes out, assessments applied.
            await("every session in progress, every outbox drained, every assessment applied")
                    .atMost(SETTLE)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        assertThat(count(progressDb, "select count(*) from session_fact where member_id like ?", like))
                                .as("sessions stored by progress")
                                .isEqualTo(accepted.size());
                        assertThat(count(routineDb, "select count(*) from outbox_event where published_at is null"))
                                .as("routine's outbox drained")
                                .isZero();
                        assertThat(count(progressDb, "select count(*) from outbox_event where published_at is null"))
                                .as("progress's outbox drained")
                                .isZero();
                        assertThat(lag("progress-service", MemberTopics.EVENTS))
                                .as("member events consumed")
                                .isZero();
                        assertThat(lag("routine-service-adaptation", "progress.assessments"))
                                .as("assessments consumed")
                                .isZero();
                        assertThat(ids(routineDb, "select id from assessment_received where member_id like ?", prefix))
                                .as("every assessment progress made applied by routine")
                                .isEqualTo(ids(progressDb, "select id from assessment where member_id like ?", prefix));
                        assertThat(versions(
                                        progressDb, "select member_id, plan_version from plan_prescription", prefix))
                                .as("every plan version routine made known to progress")
                                .isEqualTo(versions(routineDb, "select member_id, version from plan", prefix));
                    });
            System.out.printf(
                    "Settled %d s after the start%n",
                    Duration.between(t0, Instant.now()).toSeconds());

            // Sessions: each accepted one stored once by both services, and counted once in its week.
            Map<String, Long> perMember = new TreeMap<>();
            for (int m = 0; m < MEMBERS; m++) {
                perMember.put(prefix + m, 0L);
            }
            accepted.values().forEach(logged -> perMember.merge(logged.member(), 1L, Long::sum));
            assertThat(perMemberCount(routineDb, "select member_id, count(*) from session_log", prefix))
                    .as("routine: each accepted session once")
                    .isEqualTo(perMember);
            assertThat(perMemberCount(progressDb, "select member_id, count(*) from session_fact", prefix))
                    .as("progress: each session once")
                    .isEqualTo(perMember);
            assertThat(perMemberCount(progressDb, "select member_id, sum(sessions) from weekly_stats", prefix))
                    .as("progress: each session counted once in its week (adherence counts)")
                    .isEqualTo(perMember);

            // Alerts: each red flag once, each high pain once, each alert published once.
            long redFlags = accepted.values().stream().filter(Logged::redFlag).count();
            assertThat(redFlags).as("red flags were reported").isPositive();
            assertThat(count(
                            progressDb,
                            "select count(*) from alert where kind = 'RED_FLAG_SYMPTOM' and member_id like ?",
                            like))
                    .as("one RED_FLAG_SYMPTOM alert per session with a red flag")
                    .isEqualTo(redFlags);
            assertThat(count(
                            progressDb,
                            "select count(*) from alert where kind = 'HIGH_PAIN' and member_id like ?",
                            like))
                    .as("one HIGH_PAIN alert per member with a session of high pain")
                    .isEqualTo(highPainMembers());
            assertThat(count(
                            progressDb,
                            "select count(*) from outbox_event where event_type = '" + CareAlertRaised.TYPE + "'"))
                    .as("one CareAlertRaised per alert")
                    .isEqualTo(count(progressDb, "select count(*) from alert"));

            // Plans: every assessment applied once; every adaptation exactly one version; no gaps.
            long assessments = count(progressDb, "select count(*) from assessment where member_id like ?", like);
            // Every member without a red flag completes a week, so has an assessment. A member with one may have
            // none: when its first week's sessions and its suspension reach progress in one batch (a survivor
            // replaying a killed instance's partitions), the plan is suspended before the week is checked, and a
            // suspended plan is not assessed (a clinician decides; routine adapts nothing meanwhile).
            Map<String, Long> assessedPerMember =
                    perMemberCount(progressDb, "select member_id, count(*) from assessment", prefix);
            for (int m = 0; m < MEMBERS; m++) {
                if (!redFlag(m)) {
                    assertThat(assessedPerMember.get(prefix + m))
                            .as("weeks of %s were assessed", prefix + m)
                            .isPositive();
                }
            }
            long adapted = count(
                    routineDb,
                    "select count(*) from assessment_received where result_version is not null and member_id like ?",
                    like);
            assertThat(adapted).as("plans were adapted").isPositive();
            assertThat(count(
                            routineDb,
                            "select count(*) from plan where source = 'ADAPTATION' and member_id like ?",
                            like))
                    .as("one plan version per adaptation")
                    .isEqualTo(adapted)
                    .isEqualTo(count(
                            routineDb, "select count(distinct assessment_id) from plan where member_id like ?", like));
            assertThat(count(
                            routineDb,
                            "select count(*) from (select member_id from plan where member_id like ?"
                                    + " group by member_id having max(version) <> count(*)) gaps",
                            like))
                    .as("versions 1..n, no gaps")
                    .isZero();

            // Nothing parked by the relays, nothing dead-lettered by the consumers.
            assertThat(count(routineDb, "select count(*) from outbox_dead_letter"))
                    .isZero();
            assertThat(count(progressDb, "select count(*) from outbox_dead_letter"))
                    .isZero();
            assertThat(endOffsets("progress.member-events.dlq"))
                    .as("progress dead letters")
                    .isZero();
            assertThat(endOffsets("routine.progress-assessments.dlq"))
                    .as("routine dead letters")
                    .isZero();
            System.out.printf(
                    "%d sessions, %d red flags, %d assessments, %d adaptations; %d s in all%n",
                    accepted.size(),
                    redFlags,
                    assessments,
                    adapted,
                    Duration.between(t0, Instant.now()).toSeconds());
        } finally {
            started.forEach(PackagedService::close);
        }
    }

    // ---------------------------------------------------------------- a member

    /** Whether member {@code m} logs a session of high pain (its second). */
    static boolean highPain(int m) {
        return m % 6 == 4;
    }

    /** Whether member {@code m} reports a red flag (in its third session; the plan is then suspended). */
    static boolean redFlag(int m) {
        return m % 6 == 5;
    }

    static long highPainMembers() {
        long n = 0;
        for (int m = 0; m < MEMBERS; m++) {
            n += highPain(m) ? 1 : 0;
        }
        return n;
    }

    /** A session routine accepted: whose, and whether it reported a red flag. */
    record Logged(String member, boolean redFlag) {}

    private Void intake(String id, int m) throws Exception {
        Reply intake = call(m, "POST", "/members/me/intake", Tokens.member(id), intake());
        assertThat(intake.status()).as("intake of %s: %s", id, intake.body()).isEqualTo(201);
        assertThat(intake.body().path("outcome").asText()).isEqualTo("PLAN_CREATED");
        return null;
    }

    /** A member's {@link #ROUNDS} sessions of the plan in force, through the routine instances in turn. */
    private void sessions(String id, int m, Map<UUID, Logged> accepted) throws Exception {
        String token = Tokens.member(id);
        for (int round = 0; round < ROUNDS; round++) {
            Reply plan = call(m + round, "GET", "/members/me/plan", token, null);
            assertThat(plan.status()).as("plan of %s", id).isEqualTo(200);
            if ("SUSPENDED".equals(plan.body().path("status").asText())) {
                return; // a red flag: the member stops until a clinician has looked
            }
            boolean red = redFlag(m) && round == 2;
            Map<String, Object> session = session(plan.body(), round, highPain(m) && round == 1, red);
            Reply logged = call(m + round, "POST", "/members/me/sessions", token, session);
            for (int retry = 0; logged.status() == 422 && retry < 5; retry++) {
                // The plan changed between reading it and logging (an adaptation landed): log against the new one.
                plan = call(m + round, "GET", "/members/me/plan", token, null);
                session = session(plan.body(), round, highPain(m) && round == 1, red);
                logged = call(m + round, "POST", "/members/me/sessions", token, session);
            }
            if (logged.status() == 409 && logged.body().path("type").asText().endsWith("/plan-suspended")) {
                return;
            }
            assertThat(logged.status())
                    .as("session of %s: %s", id, logged.body())
                    .isIn(200, 201);
            accepted.put((UUID) session.get("sessionId"), new Logged(id, red));
        }
    }

    private static Map<String, Object> intake() {
        Map<String, Object> redFlags = new LinkedHashMap<>();
        for (String question : new String[] {
            "bladderOrBowelControl",
            "urinaryDifficulty",
            "saddleNumbness",
            "bothLegsNumbOrWeak",
            "sexualDysfunction",
            "worseningLegWeakness",
            "footDrop",
            "recentTrauma",
            "minorFallWithBoneRisk",
            "cancerHistory",
            "newEpisode",
            "boneFragility",
            "suddenOnset",
            "feverOrWeightLoss",
            "newPainOver50",
            "painNotEasedByRest",
            "constantNightPain",
            "infectionRisk",
            "recentInfection",
            "recentSpinalProcedure",
            "feelingUnwell",
            "inflammatoryBackPain"
        }) {
            redFlags.put(question, false);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conditions", List.of("NON_SPECIFIC_LOW_BACK_PAIN"));
        body.put("painNow", 4);
        body.put("painTypical", 4);
        body.put("duration", "OVER_12_WEEKS");
        body.put("spineSurgery", false);
        body.put("redFlags", redFlags);
        body.put("goals", List.of("REDUCE_PAIN", "STAY_ACTIVE"));
        body.put("equipment", List.of("MAT", "CHAIR"));
        body.put("cannotGetInto", List.of());
        body.put("minutesPerSession", 15);
        body.put("sessionsPerWeek", 2);
        body.put("experience", "BEGINNER");
        return body;
    }

    /** A session of the plan given, every exercise done: easy and painless, or of high pain, or with a red flag. */
    private static Map<String, Object> session(JsonNode plan, int round, boolean highPain, boolean redFlag) {
        JsonNode sessions = plan.path("sessions");
        int number = round % sessions.size() + 1;
        List<Map<String, Object>> exercises = new ArrayList<>();
        for (JsonNode item : sessions.get(number - 1).path("items")) {
            if (!item.path("paused").asBoolean()) {
                exercises.add(Map.of("slug", item.path("slug").asText(), "status", "DONE"));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sessionId", UUID.randomUUID());
        body.put("planVersion", plan.path("version").asInt());
        body.put("sessionNumber", number);
        body.put("performedAt", Instant.now().minusSeconds(1).toString());
        body.put("exercises", exercises);
        body.put("painBefore", 3);
        body.put("painDuring", highPain ? 8 : 3);
        body.put("painAfter", 2);
        body.put("effort", "JUST_RIGHT");
        body.put("redFlagSymptoms", redFlag ? List.of("WORSENING_LEG_WEAKNESS") : List.of());
        return body;
    }

    // ---------------------------------------------------------------- the instances

    private PackagedService service(String name, int instance) {
        String module = name + "-service";
        // A killed consumer leaves its group after 6 s, rather than after the default 45 s.
        String consumer =
                "-Dmp.messaging.incoming." + (name.equals("routine") ? "progress-assessments" : "member-events");
        List<String> jvm = List.of(
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dquarkus.oidc.token.issuer=https://server.example.com",
                consumer + ".session.timeout.ms=6000",
                consumer + ".heartbeat.interval.ms=1000");
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", postgres.jdbcUrl(name));
        env.put("DB_USER", EmbeddedPostgresServer.USER);
        env.put("DB_PASSWORD", "");
        // The embedded test server (loopback, no password): allowed like the local launcher.
        env.put("ALLOW_DEV_CREDENTIALS", "true");
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("OIDC_URL", oidcUrl);
        env.put("LOG_JSON", "false");
        return PackagedService.start(
                name + "-" + instance,
                PackagedService.jar(Path.of("..", module)),
                jvm,
                name.toUpperCase() + "_PORT",
                env,
                dir.resolve(name + "-" + instance + ".log"));
    }

    record Reply(int status, JsonNode body) {}

    /**
     * Calls routine instance {@code turn % 2}, or the other when that one is dead; a call the
     * instance did not answer (killed before or during it) is sent again to the other, unchanged.
     */
    private Reply call(int turn, String method, String path, String token, Object body) throws Exception {
        for (int attempt = 0; attempt < 4; attempt++) {
            PackagedService routine = routines.get((turn + attempt) % routines.size());
            if (dead.contains(routine)) {
                continue;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(routine.url() + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json");
            request.method(
                    method,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(
                        response.statusCode(),
                        response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
            } catch (IOException e) {
                if (routine.isAlive()) {
                    throw e;
                }
                dead.add(routine);
            }
        }
        throw new AssertionError("no routine instance answered " + method + " " + path);
    }

    // ---------------------------------------------------------------- the broker

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    /** Records of a topic the group has not committed yet (-1 while the topic or group is not there). */
    private static long lag(String group, String topic) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            long lag = 0;
            for (var end : ends(admin, topic).entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Records ever written to a topic (0 when it does not exist). */
    private static long endOffsets(String topic) {
        try (Admin admin = admin()) {
            return ends(admin, topic).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        } catch (Exception e) {
            return 0;
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    // ---------------------------------------------------------------- the databases

    private static long count(Connection db, String sql, Object... args) {
        try (var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            return -1; // not migrated yet
        }
    }

    private static Set<String> ids(Connection db, String sql, String prefix) {
        Set<String> ids = new TreeSet<>();
        try (var statement = db.prepareStatement(sql)) {
            statement.setString(1, prefix + "%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            ids.add("not migrated yet");
        }
        return ids;
    }

    /** Each member's plan versions, as "member version". */
    private static Set<String> versions(Connection db, String sql, String prefix) {
        Set<String> versions = new TreeSet<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                if (rows.getString(1).startsWith(prefix)) {
                    versions.add(rows.getString(1) + " " + rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            versions.add("not migrated yet");
        }
        return versions;
    }

    private static Map<String, Long> perMemberCount(Connection db, String select, String prefix) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (int m = 0; m < MEMBERS; m++) {
            counts.put(prefix + m, 0L);
        }
        try (var statement = db.prepareStatement(select + " where member_id like ? group by member_id")) {
            statement.setString(1, prefix + "%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }
}
