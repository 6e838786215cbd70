package org.limber.simulator;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo simulator: enrolls members through the real APIs (a Keycloak user each, a clinician,
 * an intake) and plays their weeks of sessions with a clock it controls. The clock starts
 * {@code weeks} weeks and a few days in the past and runs, a day at a time, up to now: intakes
 * are backdated with {@code takenAt} (the routine service accepts that only when
 * INTAKE_MAX_BACKDATE allows it) and sessions carry their own {@code performedAt}. So when it
 * ends, every figure the services compute from the real clock (trends, streaks, alerts for
 * inactivity, the twelve-week outcomes report) reads as after twelve real weeks.
 *
 * <p>Also a load generator: {@link #run()} reports how many calls were made and how long they took.
 */
public final class Simulator {

    /** Where the stack is and what to play. */
    public record Config(
            String routineUrl,
            String progressUrl,
            String keycloakUrl,
            String realm,
            String clientId,
            String clientSecret,
            int members,
            int weeks,
            long seed,
            int concurrency,
            String usernamePrefix,
            String password,
            String admin,
            String adminPassword,
            List<String> clinicians,
            String clinicianPassword,
            String demoMember,
            String demoMemberPassword,
            boolean plainOutput) {

        public static Config local(int routinePort, int progressPort, int keycloakPort) {
            return new Config(
                    "http://localhost:" + routinePort,
                    "http://localhost:" + progressPort,
                    "http://localhost:" + keycloakPort,
                    "limber",
                    "limber-scripts",
                    "limber-scripts-secret",
                    300,
                    12,
                    42,
                    6,
                    "demo-member-",
                    "demo-limber",
                    "ada",
                    "limber",
                    List.of("casey", "robin"),
                    "limber",
                    "maria",
                    "limber",
                    false);
        }

        public Config withMembers(int count) {
            return new Config(
                    routineUrl,
                    progressUrl,
                    keycloakUrl,
                    realm,
                    clientId,
                    clientSecret,
                    count,
                    weeks,
                    seed,
                    concurrency,
                    usernamePrefix,
                    password,
                    admin,
                    adminPassword,
                    clinicians,
                    clinicianPassword,
                    demoMember,
                    demoMemberPassword,
                    plainOutput);
        }

        public Config withPlainOutput(boolean plain) {
            return new Config(
                    routineUrl,
                    progressUrl,
                    keycloakUrl,
                    realm,
                    clientId,
                    clientSecret,
                    members,
                    weeks,
                    seed,
                    concurrency,
                    usernamePrefix,
                    password,
                    admin,
                    adminPassword,
                    clinicians,
                    clinicianPassword,
                    demoMember,
                    demoMemberPassword,
                    plain);
        }

        public Config withUsernamePrefix(String prefix) {
            return new Config(
                    routineUrl,
                    progressUrl,
                    keycloakUrl,
                    realm,
                    clientId,
                    clientSecret,
                    members,
                    weeks,
                    seed,
                    concurrency,
                    prefix,
                    password,
                    admin,
                    adminPassword,
                    clinicians,
                    clinicianPassword,
                    demoMember,
                    demoMemberPassword,
                    plainOutput);
        }
    }

    /**
     * What was played. {@code suspended} members reported a red flag and had their plan suspended, and
     * {@code needsReview} members got no plan because nothing safe fitted them: expected outcomes, not errors.
     */
    public record Summary(
            int enrolled,
            int referred,
            int suspended,
            int needsReview,
            int sessions,
            int intakes,
            int errors,
            Map<Persona, Integer> personas,
            long calls,
            Duration took,
            JsonNode outcomes,
            JsonNode panel,
            int openAlerts) {}

    /** A member being played: their script, identity, plan in force and this plan week's count. */
    private static final class Player {
        final int index;
        final String username;
        final MemberScript script;
        final String clinician;
        Keycloak.UserToken token;
        String memberId;
        JsonNode plan;
        LocalDate planStart;
        LocalDate weekStart;
        int doneThisWeek;
        boolean referred;
        boolean suspended;
        boolean needsReview;
        boolean idle;
        LocalDate lastHighPain;

        Player(int index, String username, MemberScript script, String clinician) {
            this.index = index;
            this.username = username;
            this.script = script;
            this.clinician = clinician;
        }
    }

    private final Config config;
    private final PrintStream out;
    /** The real "now" and "today" the played weeks end at (the system clock in UTC, from {@link #main}). */
    private final Clock clock;

    private final JsonHttp http = new JsonHttp();
    private final Keycloak keycloak;
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger intakes = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    private Keycloak.UserToken admin;

    public Simulator(Config config, PrintStream out, Clock clock) {
        this.config = config;
        this.out = out;
        this.clock = clock;
        this.keycloak =
                new Keycloak(http, config.keycloakUrl(), config.realm(), config.clientId(), config.clientSecret());
    }

    /** Plays the weeks, then waits for progress-service and reports: {@link #play()} and {@link #report(Played)}. */
    public Summary run() throws InterruptedException {
        return report(play());
    }

    /** What {@link #play()} did, for {@link #report(Played)}. */
    public record Played(
            Instant started,
            int enrolled,
            int referred,
            int suspended,
            int needsReview,
            Map<Persona, Integer> personas,
            Map<String, LocalDate> lastHighPain) {}

    /**
     * Enrolls the members and plays their weeks through routine-service and Keycloak only; progress-service
     * need not run meanwhile (it reads the events afterwards from Kafka).
     */
    public Played play() throws InterruptedException {
        Instant started = clock.instant();
        LocalDate today = LocalDate.ofInstant(started, ZoneOffset.UTC);
        int enrolmentDays = 6;
        int days = config.weeks() * 7 + enrolmentDays - 1;
        if (days >= 90) {
            throw new IllegalArgumentException("at most 12 weeks: sessions older than 90 days are refused");
        }
        LocalDate first = today.minusDays(days);
        awaitReady(config.routineUrl());
        admin = keycloak.user(config.admin(), config.adminPassword());
        List<String> clinicianIds =
                config.clinicians().stream().map(keycloak::userId).toList();
        List<Player> players = cast(first, enrolmentDays, clinicianIds);
        Map<Persona, Integer> personas = new EnumMap<>(Persona.class);
        players.forEach(p -> personas.merge(p.script.persona(), 1, Integer::sum));
        out.printf(
                "Demo: %d members enrolled from %s, %d weeks played up to today (%s)%n",
                players.size(), first, config.weeks(), personas);

        ExecutorService pool = Executors.newFixedThreadPool(config.concurrency());
        try {
            Progress progress = new Progress(out, days + 1, config.plainOutput());
            for (int d = 0; d <= days; d++) {
                LocalDate day = first.plusDays(d);
                Instant now = clock.instant().minusSeconds(120);
                List<Callable<Void>> work = new ArrayList<>();
                for (Player player : players) {
                    if (!player.script.enrolled().isAfter(day)) {
                        work.add(() -> {
                            playDay(player, day, now);
                            return null;
                        });
                    }
                }
                pool.invokeAll(work);
                progress.show(d + 1, "day " + day + "  sessions " + sessions.get() + "  errors " + errors.get());
            }
            progress.done();
        } finally {
            pool.shutdownNow();
        }
        firstErrors.forEach(e -> out.println("  error: " + e));
        int referred = (int) players.stream().filter(p -> p.referred).count();
        int suspended = (int) players.stream().filter(p -> p.suspended).count();
        int needsReview = (int) players.stream().filter(p -> p.needsReview).count();
        int enrolled = (int) players.stream().filter(p -> p.memberId != null).count();
        out.printf(
                "Played %d sessions and %d intakes in %d s (%d calls, %d errors)%n",
                sessions.get(),
                intakes.get(),
                Duration.between(started, clock.instant()).toSeconds(),
                calls.get(),
                errors.get());
        out.printf(
                "Expected outcomes: %d referred at intake, %d plans suspended by a red flag, %d intakes for a clinician's review%n",
                referred, suspended, needsReview);
        Map<String, LocalDate> lastHighPain = new HashMap<>();
        players.stream().filter(p -> p.lastHighPain != null).forEach(p -> lastHighPain.put(p.memberId, p.lastHighPain));
        return new Played(started, enrolled, referred, suspended, needsReview, personas, lastHighPain);
    }

    /**
     * Once progress-service has read the events: the clinicians follow up their older alerts (a high
     * pain more than two weeks ago is resolved, a red flag acknowledged), then the figures the APIs show.
     */
    public Summary report(Played played) {
        if (admin == null) {
            admin = keycloak.user(config.admin(), config.adminPassword());
        }
        JsonNode outcomes = awaitOutcomes(admin, played.enrolled() - played.referred() - played.needsReview());
        LocalDate twoWeeksAgo =
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(14);
        int followedUp = 0;
        for (String username : config.clinicians()) {
            Keycloak.UserToken clinician = keycloak.user(username, config.clinicianPassword());
            JsonNode open = http.get(config.progressUrl() + "/care-team/alerts?status=OPEN&size=100", clinician.get())
                    .body();
            for (JsonNode alert : open.path("items")) {
                String kind = alert.path("kind").asText();
                String url = config.progressUrl() + "/care-team/alerts/"
                        + alert.path("id").asText();
                LocalDate highPain =
                        played.lastHighPain().get(alert.path("memberId").asText());
                if (kind.equals("HIGH_PAIN") && highPain != null && highPain.isBefore(twoWeeksAgo)) {
                    followedUp += http.post(
                                            url + "/resolve",
                                            clinician.get(),
                                            Map.of(
                                                    "note",
                                                    "Called the member: the pain settled within days; plan kept."))
                                    .ok()
                            ? 1
                            : 0;
                } else if (kind.equals("RED_FLAG_SYMPTOM") || kind.equals("REFERRAL")) {
                    followedUp += http.post(
                                            url + "/acknowledge",
                                            clinician.get(),
                                            Map.of("note", "Called the member; booked an in-person assessment."))
                                    .ok()
                            ? 1
                            : 0;
                }
            }
        }
        Keycloak.UserToken clinician = keycloak.user(config.clinicians().get(0), config.clinicianPassword());
        JsonNode panel = http.get(config.progressUrl() + "/care-team/panel", clinician.get())
                .body();
        JsonNode alerts = http.get(config.progressUrl() + "/care-team/alerts?status=OPEN&size=1", clinician.get())
                .body();
        out.printf("The clinicians followed up %d older alerts (resolved or acknowledged)%n", followedUp);
        return new Summary(
                played.enrolled(),
                played.referred(),
                played.suspended(),
                played.needsReview(),
                sessions.get(),
                intakes.get(),
                errors.get(),
                played.personas(),
                calls.get(),
                Duration.between(played.started(), clock.instant()),
                outcomes,
                panel,
                alerts.path("total").asInt());
    }

    /** Who is who: the demo member first (an improver), one member with a red flag, the rest drawn from the mix. */
    private List<Player> cast(LocalDate first, int enrolmentDays, List<String> clinicianIds) {
        Random random = new Random(config.seed());
        List<Player> players = new ArrayList<>();
        int flares = 0;
        for (int i = 0; i < config.members(); i++) {
            Persona persona;
            String username;
            if (i == 0 && config.demoMember() != null) {
                persona = Persona.IMPROVER;
                username = config.demoMember();
            } else {
                persona = i == 1 ? Persona.RED_FLAG : Persona.pick(random.nextDouble());
                username = config.usernamePrefix() + String.format("%04d", i);
            }
            boolean redFlagInFlare = persona == Persona.FLARE && flares++ == 0;
            LocalDate enrolled = first.plusDays(i == 0 ? 0 : random.nextInt(enrolmentDays));
            MemberScript script = new MemberScript(persona, config.seed() * 31 + i, enrolled, redFlagInFlare);
            players.add(new Player(i, username, script, clinicianIds.get(i % clinicianIds.size())));
        }
        return players;
    }

    private void playDay(Player player, LocalDate day, Instant now) {
        try {
            if (player.idle) {
                return;
            }
            if (player.memberId == null) {
                enroll(player, day);
                return;
            }
            if (player.script.retakesIntakeOn(day)) {
                takeIntake(player, player.script.flareIntake(at(day, 8)));
            }
            MemberScript.Report report = player.script.sessionOn(day, player.planStart, now);
            if (report != null) {
                logSession(player, report);
            }
        } catch (RuntimeException e) {
            errors.incrementAndGet();
            if (firstErrors.size() < 5) {
                firstErrors.add(player.username + " on " + day + ": " + e.getMessage());
            }
        }
    }

    private void enroll(Player player, LocalDate day) {
        String password =
                player.index == 0 && config.demoMember() != null ? config.demoMemberPassword() : config.password();
        calls.incrementAndGet();
        player.memberId = player.index == 0 && config.demoMember() != null
                ? keycloak.userId(player.username)
                : keycloak.ensureUser(player.username, password, "Demo", "Member " + player.index, "/members");
        calls.incrementAndGet();
        http.put(
                        config.routineUrl() + "/members/" + player.memberId + "/care-team",
                        admin.get(),
                        Map.of("clinicianId", player.clinician))
                .expect("assigning a clinician to " + player.username);
        player.token = keycloak.user(player.username, password);
        if (player.index == 0
                && config.demoMember() != null
                && http.get(config.routineUrl() + "/members/me/plan", player.token.get())
                        .ok()) {
            player.idle = true; // the demo member has a plan from an earlier run: leave it alone
            return;
        }
        takeIntake(player, player.script.intake(at(day, 7)));
    }

    private void takeIntake(Player player, Map<String, Object> body) {
        JsonHttp.Reply reply = null;
        for (int attempt = 1; attempt <= 30; attempt++) {
            calls.incrementAndGet();
            reply = http.post(config.routineUrl() + "/members/me/intake", player.token.get(), body);
            if (reply.status() != 503) {
                break;
            }
            JsonHttp.sleep(2000); // the catalog copy is still loading: the service says when to retry
        }
        if (isPlanSuspended(reply)) {
            stopSuspended(player);
            return;
        }
        JsonNode outcome = reply.expect("intake of " + player.username);
        intakes.incrementAndGet();
        if ("REFERRED".equals(outcome.path("outcome").asText())) {
            player.referred = true;
            player.idle = true;
            return;
        }
        if ("NEEDS_REVIEW".equals(outcome.path("outcome").asText())) {
            // Nothing safe fits this member: a clinician reviews the intake; the member waits for them.
            player.needsReview = true;
            player.idle = true;
            return;
        }
        player.plan = outcome.path("plan");
        player.planStart = LocalDate.parse(player.plan.path("startDate").asText());
        player.weekStart = null;
    }

    private void logSession(Player player, MemberScript.Report report) {
        LocalDate day = LocalDate.ofInstant(report.performedAt(), ZoneOffset.UTC);
        LocalDate weekStart = player.planStart.plusDays((day.toEpochDay() - player.planStart.toEpochDay()) / 7 * 7);
        if (!weekStart.equals(player.weekStart)) {
            player.weekStart = weekStart;
            player.doneThisWeek = 0;
        }
        JsonNode planSessions = player.plan.path("sessions");
        int number = player.doneThisWeek % planSessions.size() + 1;
        List<Map<String, Object>> exercises = new ArrayList<>();
        for (JsonNode item : planSessions.get(number - 1).path("items")) {
            if (item.path("paused").asBoolean()) {
                continue;
            }
            String skip = player.script.skipReason(report);
            exercises.add(
                    skip == null
                            ? Map.of("slug", item.path("slug").asText(), "status", "DONE")
                            : Map.of("slug", item.path("slug").asText(), "status", "SKIPPED", "skipReason", skip));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sessionId", player.script.sessionId());
        body.put("planVersion", player.plan.path("version").asInt());
        body.put("sessionNumber", number);
        body.put("performedAt", report.performedAt().toString());
        body.put("exercises", exercises);
        body.put("painBefore", report.painBefore());
        body.put("painDuring", report.painDuring());
        body.put("painAfter", report.painAfter());
        body.put("effort", report.effort());
        body.put("redFlagSymptoms", report.redFlagSymptoms());
        calls.incrementAndGet();
        JsonHttp.Reply reply = http.post(config.routineUrl() + "/members/me/sessions", player.token.get(), body);
        if (isPlanSuspended(reply)) {
            stopSuspended(player);
            return;
        }
        reply.expect("session of " + player.username);
        player.doneThisWeek++;
        sessions.incrementAndGet();
        if (!report.redFlagSymptoms().isEmpty()) {
            // The session was kept, and its red flag suspended the plan: the member stops, as the safety message says.
            stopSuspended(player);
        }
        if (Math.max(report.painBefore(), Math.max(report.painDuring(), report.painAfter())) >= 7) {
            player.lastHighPain = day;
        }
    }

    /** A 409 plan-suspended: a red flag suspended the plan until a clinician has looked. */
    static boolean isPlanSuspended(JsonHttp.Reply reply) {
        return reply.status() == 409 && reply.body().path("type").asText().endsWith("/plan-suspended");
    }

    private static void stopSuspended(Player player) {
        player.suspended = true;
        player.idle = true;
    }

    /** Waits until the service is ready (routine-service: its catalog copy has caught up), at most five minutes. */
    private void awaitReady(String serviceUrl) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        boolean told = false;
        while (!http.get(serviceUrl + "/q/health/ready", null).ok()) {
            if (System.nanoTime() - deadline > 0) {
                throw new JsonHttp.CallFailed(serviceUrl + " was not ready within five minutes");
            }
            if (!told) {
                out.println("Waiting for " + serviceUrl + " to be ready (its copy of the catalog is loading)...");
                told = true;
            }
            JsonHttp.sleep(1000);
        }
    }

    /** Waits until progress-service has applied the sessions (the outcomes report stops changing), at most two minutes. */
    private JsonNode awaitOutcomes(Keycloak.UserToken admin, int expectedMembers) {
        JsonNode last = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() - deadline < 0) {
            JsonNode outcomes = http.get(config.progressUrl() + "/reports/outcomes", admin.get())
                    .body();
            boolean allThere = expectedMembers < 10 || outcomes.path("members").asInt() >= expectedMembers;
            if (outcomes.equals(last) && allThere) {
                return outcomes;
            }
            last = outcomes;
            JsonHttp.sleep(2000);
        }
        return last;
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
    }

    /** Prints what was played and the figures the APIs now show. */
    public static void print(Summary summary, PrintStream out) {
        JsonNode o = summary.outcomes();
        if (o != null && o.has("members")) {
            out.printf(
                    "Outcomes report (GET /reports/outcomes as ada): %s members, %s completers, mean pain change %s%%, "
                            + "reaching the MCID %s%n",
                    o.path("members").asText("-"),
                    o.path("completers").asText("-"),
                    o.path("meanPainChangePercent").asText("-"),
                    o.path("shareReachingMcid").asText("-"));
        }
        JsonNode panel = summary.panel();
        out.printf(
                "Casey's panel (GET /care-team/panel as casey): %d members, %d open alerts%n",
                panel == null ? 0 : panel.path("total").asInt(), summary.openAlerts());
    }

    /** Standalone: {@code --members=N --routine=URL --progress=URL --keycloak=URL --prefix=demo-member- --plain}. */
    public static void main(String[] args) throws InterruptedException {
        Clock clock = Clock.systemUTC();
        // A cohort of its own: user names that no earlier run used.
        Config config = Config.local(
                        port("ROUTINE_PORT", 8082), port("PROGRESS_PORT", 8083), port("KEYCLOAK_PORT", 8180))
                .withUsernamePrefix("demo-" + Long.toString(clock.millis() / 1000 % 1_000_000, 36) + "-");
        for (String arg : args) {
            if (arg.startsWith("--members=")) {
                config = config.withMembers(Integer.parseInt(arg.substring("--members=".length())));
            } else if (arg.startsWith("--prefix=")) {
                config = config.withUsernamePrefix(arg.substring("--prefix=".length()));
            } else if (arg.equals("--plain")) {
                config = config.withPlainOutput(true);
            } else {
                throw new IllegalArgumentException("unknown option " + arg + " (--members=N, --prefix=NAME, --plain)");
            }
        }
        Summary summary = new Simulator(config, System.out, clock).run();
        print(summary, System.out);
        System.exit(summary.errors() == 0 ? 0 : 1);
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
