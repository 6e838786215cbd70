package org.limber.progress.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.limber.common.audit.AccessRecorder;
import org.limber.events.member.SessionCompleted;
import org.limber.progress.MemberEventFixtures;
import org.limber.testsupport.KafkaTestResource;
import org.limber.testsupport.PostgresTestResource;
import org.limber.testsupport.TestEvents;
import org.limber.testsupport.TestServers;
import org.limber.testsupport.Tokens;

/**
 * The progress-service benchmark: a harness that prints figures, not a test with time limits.
 * It runs the real service on the real broker and database of the test infrastructure.
 * <p>
 * Ingestion: {@code bench.events} SessionCompleted events through Kafka into the read models (weekly assessments
 * on), beside two ceilings for the same rows into a table like session_fact: a plain JDBC batch insert and a binary
 * {@code COPY}. The broker runs in a JVM of its own ({@link BrokerInOwnProcess}), as in production; the events are
 * produced as routine-service's relay sends them (LZ4, {@code -Dbench.compression=none} to change) and the
 * production rate is printed, since no end-to-end rate can exceed it. Reads: a small and a large data set
 * ({@code bench.members}/10 and {@code bench.members} members, {@code bench.sessionsPerMember} sessions each, seeded
 * inside PostgreSQL, then vacuumed as autovacuum keeps a live database), panels of {@code bench.panel} (500) members,
 * 8 concurrent clients of {@code bench.requests} requests each (lean blocking clients in this JVM, see {@link #load}).
 * <p>
 * Run: {@code ./mvnw -B -pl progress-service -am verify -Dtest=ProgressBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}
 * (sizes: {@code -Dbench.events=200000 -Dbench.members=100000 -Dbench.sessionsPerMember=50}; only the ingestion
 * part, a quick run: {@code -Dbench.only=ingestion -Dbench.events=100000}; only the reads: {@code -Dbench.only=latency},
 * smaller data sets: {@code -Dbench.members=20000}; only what the access audit adds to the reads, off and on in
 * one run: {@code -Dbench.only=audit}). A profile of the service while it
 * ingests: add {@code "-DargLine=-XX:StartFlightRecording=filename=/tmp/ingest.jfr,settings=profile"}, then
 * {@code jfr print --events jdk.ExecutionSample} (CPU) or {@code jdk.SocketRead} (time waiting on the database).
 */
@QuarkusTest
@TestProfile(ProgressBenchmark.BrokerInOwnProcess.class)
class ProgressBenchmark {

    /**
     * The servers of the other tests, but the Kafka broker in a JVM of its own, as in production: in the test's JVM
     * it took cores, heap and garbage collections from the service it measures.
     */
    public static class BrokerInOwnProcess implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestServers.class, Map.of(KafkaTestResource.OWN_PROCESS, "true")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    /** Events of the unmeasured warm-up run before the measured one. */
    static final int WARM_UP = Integer.getInteger("bench.warmUp", Math.max(10_000, EVENTS / 10));

    static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    static final int SESSIONS_PER_MEMBER = Integer.getInteger("bench.sessionsPerMember", 50);
    /** The producer's compression of the member events, as routine-service's relay has it. */
    static final String COMPRESSION = System.getProperty("bench.compression", "lz4");

    /** "ingestion" or "latency" to run one part only; both by default. */
    static final String ONLY = System.getProperty("bench.only", "");
    /** Every clinician has a panel of this many members, in both data sets. */
    static final int PANEL = Integer.getInteger("bench.panel", 500);

    /** Concurrent clients, each sending its requests one after the other. */
    static final int THREADS = 8;

    static final int REQUESTS = Integer.getInteger("bench.requests", 1_000);

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    Counter consumed;

    @Inject
    void consumed(MeterRegistry registry) {
        consumed = registry.counter("limber.events.consumed", "service", "progress");
    }

    @Test
    void run() throws Exception {
        System.out.println(
                "=== progress-service benchmark (" + Runtime.getRuntime().availableProcessors() + " cores) ===");
        if (!ONLY.equals("latency")) {
            ingestion(WARM_UP, false); // warm-up: the JIT compiles the hot paths
            ingestion(EVENTS, true);
        }
        if (!ONLY.equals("ingestion") && !ONLY.equals("audit")) {
            latency(MEMBERS / 10, "small", "s");
            latency(MEMBERS, "large", "l");
        }
        if (ONLY.isEmpty() || ONLY.equals("audit")) {
            auditCost(MEMBERS / 10, "a");
        }
    }

    // ---------------------------------------------------------------- what the access audit adds to a read

    @Inject
    AccessRecorder recorder;

    /**
     * The two audited reads the issue names, a clinician's member-progress read and panel read, each timed with the
     * access audit off and on in the same run: off, on, off, on (two runs of each, so that a drift of the shared
     * machine falls on both), p99 of each mode over its two runs, and their ratio beside the budget (under 10%
     * more). With the audit on, every request writes its entries (one per member touched: 1 for a progress read,
     * a page of 20 for a panel) into the outbox in one statement, and the relay and progress's own consumer of
     * audit.member-access run meanwhile on the same machine, as in production.
     */
    private void auditCost(int members, String prefix) throws Exception {
        int clinicians = Math.max(1, members / PANEL);
        seed(members, clinicians, prefix);
        String[] tokens = new String[clinicians];
        for (int c = 0; c < clinicians; c++) {
            tokens[c] = Tokens.clinician("bench-" + prefix + "-c" + c);
        }
        System.out.printf(
                "Access audit cost: %,d members, panels of %d, %d threads, %,d requests each per run;"
                        + " runs off, on, off, on%n",
                members, PANEL, THREADS, REQUESTS);
        RequestFactory progress = i -> {
            int m = ThreadLocalRandom.current().nextInt(members);
            return request("/members/bench-" + prefix + "-m" + m + "/progress", tokens[m % clinicians]);
        };
        RequestFactory panel = i ->
                request("/care-team/panel", tokens[ThreadLocalRandom.current().nextInt(clinicians)]);
        compare("  GET /members/{memberId}/progress", progress);
        compare("  GET /care-team/panel            ", panel);
        recorder.enabled(true);
    }

    private void compare(String what, RequestFactory requests) throws Exception {
        long[][] off = new long[2][];
        long[][] on = new long[2][];
        long written0 = auditEntriesWritten();
        for (int round = 0; round < 2; round++) {
            recorder.enabled(false);
            off[round] = load(requests).sorted();
            recorder.enabled(true);
            on[round] = load(requests).sorted();
        }
        double p99Off = p99(off);
        double p99On = p99(on);
        double ratio = p99On / p99Off;
        System.out.printf(
                "%s p99 audit off %.1f ms, on %.1f ms: x%.3f (%+.1f%%); p50 off %.1f ms, on %.1f ms;"
                        + " %,d entries written; budget under +10%%: %s%n",
                what,
                p99Off,
                p99On,
                ratio,
                (ratio - 1) * 100,
                p50(off),
                p50(on),
                auditEntriesWritten() - written0,
                ratio < 1.10 ? "met" : "NOT met");
    }

    private static long[] merged(long[][] runs) {
        long[] all = new long[runs[0].length + runs[1].length];
        System.arraycopy(runs[0], 0, all, 0, runs[0].length);
        System.arraycopy(runs[1], 0, all, runs[0].length, runs[1].length);
        Arrays.sort(all);
        return all;
    }

    private static double p99(long[][] runs) {
        long[] all = merged(runs);
        return all[(int) (all.length * 0.99)] / 1e6;
    }

    private static double p50(long[][] runs) {
        long[] all = merged(runs);
        return all[all.length / 2] / 1e6;
    }

    private static long auditEntriesWritten() throws Exception {
        try (Connection db = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "");
                Statement sql = db.createStatement();
                ResultSet r =
                        sql.executeQuery("select count(*) from outbox_event where topic = 'audit.member-access'")) {
            r.next();
            return r.getLong(1);
        }
    }

    // ---------------------------------------------------------------- ingestion

    private void ingestion(int events, boolean print) throws Exception {
        int members = Math.max(1, events / 20);
        String prefix = "ingest-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        // Plans that start today: the hourly inactivity check (first run 30 s after start-up) finds none of these
        // members
        // inactive, whenever it runs. With plans weeks old it raised an alert for every member that had no session yet
        // if it
        // ran between the plans and the sessions, and whether it did changed the figures from one run to the next.
        LocalDate start = LocalDate.now(ZoneOffset.UTC);
        List<TestEvents.Outgoing> plans = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            plans.add(MemberEventFixtures.outgoing(
                    MemberEventFixtures.plan(prefix + m, 1, 3, 6, "bench-clinician", start)));
        }
        TestEvents.send(plans);
        List<SessionCompleted> sessions = new ArrayList<>(events);
        Instant now = Instant.now();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < events; i++) {
            sessions.add(MemberEventFixtures.session(
                    prefix + (i % members),
                    now.minus(random.nextInt(60 * 24 * 60), ChronoUnit.MINUTES),
                    random.nextInt(11),
                    random.nextInt(11),
                    random.nextInt(11),
                    "JUST_RIGHT"));
        }
        waitFor(
                "select count(*) from member_profile where member_id like '" + prefix + "%'",
                members,
                Duration.ofMinutes(5));

        Properties props = TestEvents.producerProperties();
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // As routine-service's outbox relay sends member events (its application.properties).
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        // The events as routine-service's relay sends them (serialized before the clock starts: that is the producer's
        // work).
        List<ProducerRecord<String, String>> records = new ArrayList<>(events);
        for (SessionCompleted s : sessions) {
            records.add(TestEvents.record(MemberEventFixtures.outgoing(s)));
        }
        if (print) {
            System.out.printf("Measuring: %,d SessionCompleted events...%n", events);
        }
        double consumedBefore = consumed.count();
        double jvm0 = jvmCpuSeconds();
        double pg0 = postgresCpuSeconds();
        double busy0 = machineBusySeconds();
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (var record : records) {
                producer.send(record);
            }
            producer.flush();
        }
        double produced = (System.nanoTime() - t0) / 1e9;
        // Poll the service's consumed-events counter (cheap, bumped after each commit); then check the rows themselves.
        // Counting
        // the rows every 100 ms instead would scan the growing table and take a good part of a core from the service.
        awaitCounter(consumedBefore + events, Duration.ofMinutes(10));
        waitFor(
                "select count(*) from session_fact where member_id like '" + prefix + "%'",
                events,
                Duration.ofMinutes(10));
        double endToEnd = (System.nanoTime() - t0) / 1e9;
        double rate = events / endToEnd;
        double perEvent = 1e6 / events;
        double jvm = (jvmCpuSeconds() - jvm0) * perEvent;
        double pg = (postgresCpuSeconds() - pg0) * perEvent;
        double busy = (machineBusySeconds() - busy0) * perEvent;
        if (!print) {
            return;
        }
        System.out.printf(
                "Ingestion: %,d SessionCompleted events (%,d members), produced in %.1f s (%,.0f events/s), all in the read"
                        + " models after %.1f s (broker in its own process, %s)%n",
                events, members, produced, events / produced, endToEnd, COMPRESSION);

        // Where the machine's CPU went, per event: what the cores would have to give for a higher rate.
        System.out.printf(
                "  CPU per event: this JVM (producer and service) %.1f µs, PostgreSQL %.1f µs, the rest (broker,"
                        + " system) %.1f µs; the machine's %d cores %.0f%% busy%n",
                jvm,
                pg,
                busy - jvm - pg,
                Runtime.getRuntime().availableProcessors(),
                100 * busy * events / 1e6 / endToEnd / Runtime.getRuntime().availableProcessors());

        // The ceilings: the same rows into a table of the same shape (its indexes too), by a plain JDBC batch insert
        // (2,000 rows a batch, a commit each) and by the fastest load PostgreSQL has, one binary COPY.
        double batch = ceiling(sessions, ProgressBenchmark::batchInsert);
        double copy = ceiling(sessions, ProgressBenchmark::binaryCopy);
        System.out.printf(
                "  end-to-end: %,.0f events/s; ceiling (plain JDBC batch insert of the same rows): %,.0f rows/s; ratio %.2f%n",
                rate, batch, rate / batch);
        System.out.printf("  ceiling (binary COPY of the same rows): %,.0f rows/s; ratio %.2f%n", copy, rate / copy);
        System.out.printf("  target >= 25,000 events/s: %s%n", rate >= 25_000 ? "met" : "NOT met");
    }

    private interface Load {
        void into(Connection db, List<SessionCompleted> sessions) throws Exception;
    }

    /** Rows per second of one way to load the sessions into an empty table like session_fact (indexes included). */
    private static double ceiling(List<SessionCompleted> sessions, Load load) throws Exception {
        try (Connection db = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("drop table if exists ceiling_session");
                ddl.execute("create table ceiling_session (like session_fact including all)");
            }
            db.setAutoCommit(false);
            long c0 = System.nanoTime();
            load.into(db, sessions);
            double rate = sessions.size() / ((System.nanoTime() - c0) / 1e9);
            try (Statement ddl = db.createStatement()) {
                ddl.execute("drop table ceiling_session");
            }
            db.commit();
            return rate;
        }
    }

    private static final String COLUMNS = "member_id, session_id, performed_at, plan_version, pain_before, pain_during,"
            + " pain_after, effort, skipped, skipped_for_pain, red_flags";

    private static void batchInsert(Connection db, List<SessionCompleted> sessions) throws Exception {
        try (PreparedStatement insert = db.prepareStatement(
                "insert into ceiling_session (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            String[] none = new String[0];
            for (int i = 0; i < sessions.size(); i++) {
                SessionCompleted s = sessions.get(i);
                insert.setString(1, s.memberId());
                insert.setObject(2, s.sessionId());
                insert.setTimestamp(3, Timestamp.from(s.performedAt()));
                insert.setInt(4, s.planVersion());
                insert.setShort(5, (short) s.painBefore());
                insert.setShort(6, (short) s.painDuring());
                insert.setShort(7, (short) s.painAfter());
                insert.setString(8, s.effort());
                insert.setShort(9, (short) 0);
                insert.setShort(10, (short) 0);
                insert.setArray(11, db.createArrayOf("text", none));
                insert.addBatch();
                if (i % 2000 == 1999) {
                    insert.executeBatch();
                    db.commit();
                }
            }
            insert.executeBatch();
            db.commit();
        }
    }

    /** PostgreSQL's binary COPY format: a header, per row its field count and each field's length and bytes, a trailer. */
    private static void binaryCopy(Connection db, List<SessionCompleted> sessions) throws Exception {
        CopyIn copy = db.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy ceiling_session (" + COLUMNS + ") from stdin (format binary)");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeBytes("PGCOPY\n");
        out.write(new byte[] {(byte) 0xff, '\r', '\n', 0});
        out.writeInt(0); // flags
        out.writeInt(0); // header extension length
        long epoch2000Micros = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli() * 1000;
        for (SessionCompleted s : sessions) {
            out.writeShort(11);
            byte[] member = s.memberId().getBytes(StandardCharsets.UTF_8);
            out.writeInt(member.length);
            out.write(member);
            out.writeInt(16);
            out.writeLong(s.sessionId().getMostSignificantBits());
            out.writeLong(s.sessionId().getLeastSignificantBits());
            out.writeInt(8);
            Instant at = s.performedAt();
            out.writeLong(at.getEpochSecond() * 1_000_000 + at.getNano() / 1000 - epoch2000Micros);
            out.writeInt(4);
            out.writeInt(s.planVersion());
            for (int pain : new int[] {s.painBefore(), s.painDuring(), s.painAfter()}) {
                out.writeInt(2);
                out.writeShort(pain);
            }
            byte[] effort = s.effort().getBytes(StandardCharsets.UTF_8);
            out.writeInt(effort.length);
            out.write(effort);
            out.writeInt(2);
            out.writeShort(0);
            out.writeInt(2);
            out.writeShort(0);
            out.writeInt(12); // an empty text[]: no dimensions, no nulls, element type text (oid 25)
            out.writeInt(0);
            out.writeInt(0);
            out.writeInt(25);
            if (buffer.size() >= 1 << 20) {
                copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                buffer.reset();
            }
        }
        out.writeShort(-1);
        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
        long rows = copy.endCopy();
        if (rows != sessions.size()) {
            throw new IllegalStateException("COPY loaded " + rows + " rows of " + sessions.size());
        }
        db.commit();
    }

    // ---------------------------------------------------------------- read latency

    private void latency(int members, String label, String prefix) throws Exception {
        int clinicians = Math.max(1, members / PANEL);
        long sessions = (long) members * SESSIONS_PER_MEMBER;
        long s0 = System.nanoTime();
        seed(members, clinicians, prefix);
        System.out.printf(
                "Read latency, %s data set: %,d members, %,d sessions stored (seeded in %.0f s), panels of %d members,"
                        + " %d threads, %,d requests each%n",
                label, members, sessions, (System.nanoTime() - s0) / 1e9, PANEL, THREADS, REQUESTS);
        String[] tokens = new String[clinicians];
        for (int c = 0; c < clinicians; c++) {
            tokens[c] = Tokens.clinician("bench-" + prefix + "-c" + c);
        }
        report("  GET /members/{memberId}/progress", 10, load(i -> {
            int m = ThreadLocalRandom.current().nextInt(members);
            return request("/members/bench-" + prefix + "-m" + m + "/progress", tokens[m % clinicians]);
        }));
        report("  GET /care-team/panel            ", 50, load(i -> {
            int c = ThreadLocalRandom.current().nextInt(clinicians);
            return request("/care-team/panel", tokens[c]);
        }));
    }

    /** Members with a plan, sessions spread over their 20 weeks, weekly sums, and a few open alerts; straight into the read models. */
    private void seed(int members, int clinicians, String prefix) throws Exception {
        try (Connection db = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "");
                Statement sql = db.createStatement()) {
            String m = "'bench-" + prefix + "-m' || g";
            String c = "'bench-" + prefix + "-c' || (g % " + clinicians + ")";
            sql.execute(
                    "insert into member_profile (member_id, plan_version, sessions_per_week, baseline_pain, conditions, clinician_id,"
                            + " plan_start, first_plan_start, updated_at)"
                            + " select " + m + ", 1, 3, 4 + g % 5, '{NON_SPECIFIC_LOW_BACK_PAIN}', " + c
                            + ", current_date - 140,"
                            + " current_date - 140, now() from generate_series(0, " + (members - 1) + ") g");
            sql.execute("insert into plan_prescription select " + m
                    + ", 1, current_date - 140, 3 from generate_series(0, " + (members - 1) + ") g");
            sql.execute(
                    "insert into session_fact (member_id, session_id, performed_at, plan_version, pain_before, pain_during, pain_after,"
                            + " effort, skipped, skipped_for_pain, red_flags)"
                            + " select " + m
                            + ", gen_random_uuid(), now() - (s * 2.7 + g % 3) * interval '1 day', 1, (g + s) % 11, (g * s) % 11,"
                            + " (g + 2 * s) % 11, 'JUST_RIGHT', 0, 0, '{}'"
                            + " from generate_series(0, " + (members - 1) + ") g, generate_series(1, "
                            + SESSIONS_PER_MEMBER + ") s");
            sql.execute(
                    "insert into weekly_stats select member_id, date_trunc('week', performed_at at time zone 'UTC')::date, count(*),"
                            + " sum(pain_before), sum(pain_during), sum(pain_after), max(pain_during), 0, 0 from session_fact"
                            + " where member_id like 'bench-" + prefix + "-%' group by 1, 2");
            sql.execute(
                    "insert into alert (id, member_id, kind, severity, severity_rank, status, reason, source_id, raised_at,"
                            + " last_occurred_at) select gen_random_uuid(), " + m
                            + ", 'HIGH_PAIN', 'HIGH', 2, 'OPEN', 'bench', 'bench', now(), now()"
                            + " from generate_series(0, " + (members - 1) + ", 7) g");
            // As autovacuum keeps a live database: the rows' hint bits set and the pages all-visible, the statistics
            // fresh. Without it, autovacuum (due after millions of inserts) and the first readers of each page (which
            // set its hint bits and dirty it) did that work during the measurement.
            sql.execute("vacuum (analyze) member_profile, plan_prescription, session_fact, weekly_stats, alert");
        }
    }

    /** A GET of the service with a bearer token. */
    private record Request(String uri, String authorization) {}

    private Request request(String path, String token) {
        return new Request("http://localhost:" + port + path, "Bearer " + token);
    }

    private interface RequestFactory {
        Request next(int i) throws Exception;
    }

    /**
     * The requests' latencies, sorted. The clients share the machine's cores with the service (one JVM), so they are
     * lean: a blocking client with a kept-alive connection per thread (no selector thread between a client thread and
     * its socket), that reads each whole body as bytes and checks the status. The service does all its work (the
     * token's signature, the queries, the JSON); a caller would parse the JSON, which is the caller's cost, not the
     * service's latency.
     */
    /** Sorted latencies, and the CPU the measured requests took, per request: this JVM's (service and clients) and PostgreSQL's. */
    private record Latencies(long[] sorted, double jvmCpuMs, double postgresCpuMs) {}

    private Latencies load(RequestFactory factory) throws Exception {
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setMaxTotal(THREADS);
        connections.setDefaultMaxPerRoute(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableCookieManagement()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableRedirectHandling()
                .build()) {
            // Warm up.
            for (int i = 0; i < 1000; i++) {
                call(client, factory.next(i));
            }
            double jvm0 = jvmCpuSeconds();
            double pg0 = postgresCpuSeconds();
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    long[] nanos = new long[REQUESTS];
                    for (int i = 0; i < REQUESTS; i++) {
                        Request request = factory.next(i);
                        long start = System.nanoTime();
                        call(client, request);
                        nanos[i] = System.nanoTime() - start;
                    }
                    return nanos;
                }));
            }
            long[] all = new long[THREADS * REQUESTS];
            int k = 0;
            for (Future<long[]> f : futures) {
                for (long n : f.get()) {
                    all[k++] = n;
                }
            }
            double perRequest = 1000.0 / all.length;
            double jvm = (jvmCpuSeconds() - jvm0) * perRequest;
            double pg = pg0 < 0 ? -1 : (postgresCpuSeconds() - pg0) * perRequest;
            Arrays.sort(all);
            return new Latencies(all, jvm, pg);
        } finally {
            pool.shutdown();
        }
    }

    private static void call(CloseableHttpClient client, Request request) throws Exception {
        HttpGet get = new HttpGet(request.uri());
        get.setHeader("Authorization", request.authorization());
        try (CloseableHttpResponse response = client.execute(get)) {
            byte[] body = EntityUtils.toByteArray(response.getEntity());
            if (response.getStatusLine().getStatusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.getStatusLine() + ": "
                        + new String(body, StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * The percentiles beside the target, and the CPU per request (which other work on the machine changes far less
     * than the latencies: on a busy machine, compare these).
     */
    private static void report(String what, double targetP99Ms, Latencies latencies) {
        long[] sorted = latencies.sorted();
        double p99 = sorted[(int) (sorted.length * 0.99)] / 1e6;
        System.out.printf(
                "%s p50 %.1f ms, p99 %.1f ms (%,d requests); target p99 <= %.0f ms: %s; CPU per request: this JVM %.2f ms,"
                        + " PostgreSQL %s%n",
                what,
                sorted[sorted.length / 2] / 1e6,
                p99,
                sorted.length,
                targetP99Ms,
                p99 <= targetP99Ms ? "met" : "NOT met",
                latencies.jvmCpuMs(),
                latencies.postgresCpuMs() < 0 ? "unknown" : String.format("%.2f ms", latencies.postgresCpuMs()));
    }

    private static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    /**
     * CPU seconds so far of the test PostgreSQL server, all its processes (the server and its children), read from
     * Linux's /proc (clock ticks of 10 ms); -1 where that cannot be read.
     */
    private static double postgresCpuSeconds() {
        try (Connection db = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "");
                Statement q = db.createStatement();
                ResultSet r = q.executeQuery("select pg_backend_pid()");
                Stream<Path> processes = Files.list(Path.of("/proc"))) {
            r.next();
            String server = procStat(Path.of("/proc", r.getString(1)))[1];
            long ticks = 0;
            for (Path process : processes
                    .filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                String[] stat = procStat(process);
                if (stat != null
                        && (stat[1].equals(server)
                                || process.getFileName().toString().equals(server))) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
            return ticks / 100.0;
        } catch (Exception e) {
            return -1;
        }
    }

    /** CPU seconds the whole machine was busy so far (Linux's /proc/stat, every core); -1 where it cannot be read. */
    private static double machineBusySeconds() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal: all but idle and iowait.
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[i]);
            }
            return busy / 100.0;
        } catch (Exception e) {
            return -1;
        }
    }

    /** A process's /proc stat fields after its name: state, parent, ..., user time (11), system time (12). */
    private static String[] procStat(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (Exception e) {
            return null; // gone meanwhile
        }
    }

    private void awaitCounter(double expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (consumed.count() < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "not consumed within " + timeout + ": " + consumed.count() + " of " + expected);
            }
            Thread.sleep(10);
        }
    }

    private static void waitFor(String countQuery, long expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (Connection db = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "")) {
            while (Instant.now().isBefore(deadline)) {
                try (Statement q = db.createStatement();
                        ResultSet r = q.executeQuery(countQuery)) {
                    r.next();
                    if (r.getLong(1) >= expected) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("not reached within " + timeout + ": " + countQuery);
    }
}
