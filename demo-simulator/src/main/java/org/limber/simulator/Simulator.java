package org.limber.simulator;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final SimulatorConfig config;
    private final PrintStream out;
    /** The real "now" and "today" the played weeks end at (the system clock in UTC, from {@link #main}). */
    private final Clock clock;

    private final JsonHttp http = new JsonHttp();
    private final Keycloak keycloak;
    private final AtomicInteger errors = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    private Keycloak.UserToken admin;
    /** The played members' calls, from {@link #play()} on. */
    private MemberActions actions;

    public Simulator(SimulatorConfig config, PrintStream out, Clock clock) {
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
        actions = new MemberActions(http, keycloak, config, admin);
        List<String> clinicianIds =
                config.clinicians().stream().map(keycloak::userId).toList();
        List<Player> players = Player.cast(config, first, enrolmentDays, clinicianIds);
        Map<Persona, Integer> personas = new EnumMap<>(Persona.class);
        players.forEach(p -> personas.merge(p.script.persona(), 1, Integer::sum));
        out.printf(
                "Demo: %d members enrolled from %s, %d weeks played up to today (%s)%n",
                players.size(), first, config.weeks(), personas);

        playDays(players, first, days);
        firstErrors.forEach(e -> out.println("  error: " + e));
        int referred = (int) players.stream().filter(p -> p.referred).count();
        int suspended = (int) players.stream().filter(p -> p.suspended).count();
        int needsReview = (int) players.stream().filter(p -> p.needsReview).count();
        int enrolled = (int) players.stream().filter(p -> p.memberId != null).count();
        out.printf(
                "Played %d sessions and %d intakes in %d s (%d calls, %d errors)%n",
                actions.sessions.get(),
                actions.intakes.get(),
                Duration.between(started, clock.instant()).toSeconds(),
                actions.calls.get(),
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
        int followedUp = new AlertFollowUp(http, keycloak, config).followUp(played.lastHighPain(), twoWeeksAgo);
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
                actions.sessions.get(),
                actions.intakes.get(),
                errors.get(),
                played.personas(),
                actions.calls.get(),
                Duration.between(played.started(), clock.instant()),
                outcomes,
                panel,
                alerts.path("total").asInt());
    }

    /** Plays every day from {@code first} on, each day's members side by side. */
    private void playDays(List<Player> players, LocalDate first, int days) throws InterruptedException {
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
                progress.show(
                        d + 1, "day " + day + "  sessions " + actions.sessions.get() + "  errors " + errors.get());
            }
            progress.done();
        } finally {
            pool.shutdownNow();
        }
    }

    private void playDay(Player player, LocalDate day, Instant now) {
        try {
            if (player.idle) {
                return;
            }
            if (player.memberId == null) {
                actions.enroll(player, day);
                return;
            }
            if (player.script.retakesIntakeOn(day)) {
                actions.takeIntake(player, player.script.flareIntake(MemberActions.at(day, 8)));
            }
            MemberScript.Report report = player.script.sessionOn(day, player.planStart, now);
            if (report != null) {
                actions.logSession(player, report);
            }
        } catch (RuntimeException e) {
            errors.incrementAndGet();
            if (firstErrors.size() < 5) {
                firstErrors.add(player.username + " on " + day + ": " + e.getMessage());
            }
        }
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
        SimulatorConfig.Builder config = SimulatorConfig.local(
                        port("ROUTINE_PORT", 8082), port("PROGRESS_PORT", 8083), port("KEYCLOAK_PORT", 8180))
                .usernamePrefix("demo-" + Long.toString(clock.millis() / 1000 % 1_000_000, 36) + "-");
        for (String arg : args) {
            if (arg.startsWith("--members=")) {
                config.members(Integer.parseInt(arg.substring("--members=".length())));
            } else if (arg.startsWith("--prefix=")) {
                config.usernamePrefix(arg.substring("--prefix=".length()));
            } else if (arg.equals("--plain")) {
                config.plainOutput(true);
            } else {
                throw new IllegalArgumentException("unknown option " + arg + " (--members=N, --prefix=NAME, --plain)");
            }
        }
        Summary summary = new Simulator(config.build(), System.out, clock).run();
        print(summary, System.out);
        System.exit(summary.errors() == 0 ? 0 : 1);
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
