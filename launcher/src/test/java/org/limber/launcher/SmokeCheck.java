package org.limber.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;

import org.limber.simulator.JsonHttp;
import org.limber.simulator.Keycloak;
import org.limber.simulator.ScreeningAnswers;
import org.limber.testsupport.PackagedService;

import static org.awaitility.Awaitility.await;

/**
 * The CI smoke test of the one-command stack: runs {@code ./run --no-build --headless --fresh} with a
 * small demo, checks readiness, a token from Keycloak, one intake and one logged session reaching the
 * member's progress, a week of easy sessions adapting the plan, a referral at a first intake held until
 * the clinician's review and then a plan, the care console in a real browser
 * ({@link ConsoleCheck}, with a second referred member whose review casey records in the console's form;
 * then the intake makes that member a plan), the member app in a real browser ({@link MemberAppCheck}), the
 * privacy of issue 25 ({@link PrivacyCheck}: access log, export, erasure surviving a killed service), then
 * stops it as Ctrl-C would and
 * checks that nothing it started is left.
 * Prints "N passed, M failed" and exits non-zero on any failure.
 */
public final class SmokeCheck {

    private final Path root = Path.of("").toAbsolutePath();
    /** Free ports of this machine (other servers may hold the defaults), handed to ./run by environment. */
    private final Map<String, String> environment = freePorts();

    private final Ports ports = Ports.from(environment);
    private final JsonHttp http = new JsonHttp();
    private final List<String> failures = new ArrayList<>();
    private int passed;
    /** A member of casey's referred at the first intake, for the console's review form (null if not set up). */
    private String heldMember;
    /** That member's token, for the intake after the review. */
    private Keycloak.UserToken heldMemberToken;
    /** The member who wrote to the care team, and what, for the console's check of the thread (null if not sent). */
    private String messageMember;

    private String messageText;

    public static void main(String[] args) throws Exception {
        System.exit(new SmokeCheck().run(args.length > 0 ? Integer.parseInt(args[0]) : 12));
    }

    int run(int members) throws Exception {
        List<String> command = List.of("./run", "--no-build", "--headless", "--fresh", "--members=" + members);
        System.out.println("smoke: " + String.join(" ", command));
        System.out.println("smoke: ports " + environment);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process stack = builder.start();
        CountDownLatch ready = new CountDownLatch(1);
        AtomicReference<String> demoPlayed = new AtomicReference<>();
        Thread echo = new Thread(
                () -> {
                    try (BufferedReader lines =
                            new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = lines.readLine()) != null; ) {
                            System.out.println("  | " + line);
                            if (line.equals("READY")) {
                                ready.countDown();
                            }
                            if (line.startsWith("Played ") && line.contains(" errors)")) {
                                demoPlayed.set(
                                        line); // the simulator's summary: "Played N sessions ... (C calls, E errors)"
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "smoke-echo");
        echo.start();
        Instant start = Instant.now();
        // Until the launcher says READY, or exits (it could not start something: no use waiting the whole limit).
        Instant limit = start.plus(Duration.ofMinutes(20));
        while (ready.getCount() > 0 && stack.isAlive() && Instant.now().isBefore(limit)) {
            ready.await(1, TimeUnit.SECONDS);
        }
        boolean up = ready.getCount() == 0;
        check(
                "the stack is ready (" + Duration.between(start, Instant.now()).toSeconds() + " s)",
                () -> up && stack.isAlive());
        List<ProcessHandle> started = stack.descendants().toList();
        check(
                "the demo played every member with 0 errors (" + demoPlayed.get() + ")",
                () -> demoPlayed.get() != null && demoPlayed.get().endsWith(" 0 errors)"));
        if (up) {
            try {
                checkTheSystem();
            } catch (RuntimeException e) {
                fail("the checks stopped: " + e);
            }
            checkTheConsole();
            checkTheMemberApp();
            checkPrivacy();
        }

        System.out.println("smoke: stopping the stack (SIGTERM, as Ctrl-C)");
        // SIGTERM through the handle: Process.destroy() would also close the launcher's output, which the echo
        // thread is still reading (its shutdown lines belong in the log).
        stack.toHandle().destroy();
        boolean exited = stack.waitFor(2, TimeUnit.MINUTES);
        echo.join(5000);
        check("the launcher exits after SIGTERM", () -> exited);
        if (!exited) {
            stack.destroyForcibly();
        }
        check(
                "no process it started is left (" + started.size() + " were running)",
                () -> started.stream().noneMatch(ProcessHandle::isAlive));
        check(
                "no process of the stack is left (PostgreSQL, Kafka, Keycloak, services)",
                () -> ProcessHandle.allProcesses()
                        .filter(p -> p.pid() != ProcessHandle.current().pid())
                        .map(p -> p.info().commandLine().orElse(""))
                        .noneMatch(c -> c.contains(root.resolve(".local").toString())
                                || c.contains(
                                        root.resolve("launcher/target/keycloak").toString())
                                || c.contains("quarkus-app/quarkus-run.jar") && c.contains(root.toString())));
        for (int port : new int[] {
            ports.postgres(),
            ports.kafka(),
            ports.keycloak(),
            ports.catalog(),
            ports.routine(),
            ports.progress(),
            ports.console(),
            ports.memberApp(),
            ports.engagement()
        }) {
            check("port " + port + " is free again", () -> PackagedService.isFree(port));
        }
        System.out.println();
        failures.forEach(f -> System.out.println("FAILED: " + f));
        System.out.println(passed + " passed, " + failures.size() + " failed");
        return failures.isEmpty() ? 0 : 1;
    }

    /** The care console in a real headless Chromium through Keycloak's login page (ConsoleCheck); screenshots under launcher/target. */
    private void checkTheConsole() {
        if (!ConsoleCheck.available()) {
            fail("the console's browser checks need " + ConsoleCheck.CHROMIUM + " and " + ConsoleCheck.CHROMEDRIVER
                    + " (Debian's chromium and chromium-driver; .ci/run installs them)");
            return;
        }
        try {
            new ConsoleCheck(
                            "http://localhost:" + ports.console(),
                            "http://localhost:" + ports.catalog(),
                            root.resolve("launcher/target/console-screenshots"),
                            heldMember,
                            this::check)
                    .withMessage(messageMember, messageText)
                    .run();
        } catch (RuntimeException e) {
            fail("the console's browser checks stopped: " + e);
        }
        if (heldMember != null) {
            check(
                    "after casey's review in the console, the referred member's intake makes a plan (201, PLAN_CREATED)",
                    () -> {
                        JsonHttp.Reply planned = http.post(
                                "http://localhost:" + ports.routine() + "/members/me/intake",
                                heldMemberToken.get(),
                                intake(ScreeningAnswers.allNo()));
                        return planned.status() == 201
                                && planned.body().path("outcome").asText().equals("PLAN_CREATED");
                    });
        }
    }

    /** The member app in a real headless Chromium through Keycloak's pages (MemberAppCheck); screenshots under launcher/target. */
    private void checkTheMemberApp() {
        if (!ConsoleCheck.available()) {
            return; // said once by checkTheConsole
        }
        try {
            new MemberAppCheck(
                            "http://localhost:" + ports.memberApp(),
                            "http://localhost:" + ports.keycloak(),
                            "http://localhost:" + ports.routine(),
                            root.resolve("launcher/target/app-screenshots"),
                            this::check)
                    .withMessage(messageText)
                    .run();
        } catch (RuntimeException e) {
            fail("the member app's browser checks stopped: " + e);
        }
    }

    /**
     * Issue 25 ({@link PrivacyCheck}): the access log, the export, and an erasure that completes although
     * engagement-service is killed midway (the launcher starts it again); last, as it kills a service.
     */
    private void checkPrivacy() {
        try {
            new PrivacyCheck(http, ports, root, this::check).run();
        } catch (RuntimeException e) {
            fail("the privacy checks stopped: " + e);
        }
    }

    private void checkTheSystem() {
        for (int port : new int[] {ports.catalog(), ports.routine(), ports.progress(), ports.engagement()}) {
            JsonNode health = http.get("http://localhost:" + port + "/q/health/ready", null)
                    .body();
            check(
                    "service on " + port + " is ready: database, Kafka and the OIDC provider UP",
                    () -> health.path("status").asText().equals("UP")
                            && health.toString().contains("Database")
                            && health.toString().contains("Kafka")
                            && health.toString().contains("OIDC Provider"));
        }
        String keycloak = "http://localhost:" + ports.keycloak();
        Keycloak identity = new Keycloak(http, keycloak, "limber", "limber-scripts", "limber-scripts-secret");
        String username = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
        String memberId = identity.ensureUser(username, "smoke-password", "Smoke", "Test", "/members");
        String token = identity.user(username, "smoke-password").get();
        check("Keycloak issues a token for a new member", () -> token != null && token.length() > 100);
        check(
                "a request without a token is refused (401)",
                () -> http.get("http://localhost:" + ports.routine() + "/members/me/plan", null)
                                .status()
                        == 401);

        // Taken eight days ago (./run lets routine-service accept intakes backdated up to 91 days): a plan version must
        // have been in force for a week before a week done well makes it harder.
        Map<String, Object> intake = new java.util.HashMap<>(intake(ScreeningAnswers.allNo()));
        intake.put("takenAt", Instant.now().minus(Duration.ofDays(8)).toString());
        JsonHttp.Reply taken = http.post("http://localhost:" + ports.routine() + "/members/me/intake", token, intake);
        check(
                "the intake makes a plan (201, PLAN_CREATED)",
                () -> taken.status() == 201
                        && taken.body().path("outcome").asText().equals("PLAN_CREATED"));
        JsonNode plan = taken.body().path("plan");
        Instant now = Instant.now();
        JsonHttp.Reply logged = http.post(
                "http://localhost:" + ports.routine() + "/members/me/sessions",
                token,
                session(plan, 1, 4, "JUST_RIGHT", performedAt(now, 180)));
        check("the session is logged (201)", () -> logged.status() == 201);

        JsonNode seen = awaitBody(() -> {
            JsonHttp.Reply reply = http.get("http://localhost:" + ports.progress() + "/members/me/progress", token);
            return reply.ok() && reply.body().path("latestPain").asInt(-1) == 4 ? reply.body() : null;
        });
        check(
                "the session reaches the member's progress (baseline 6, latest pain 4)",
                () -> seen != null
                        && seen.path("baselinePain").asInt() == 6
                        && seen.path("memberId").asText().equals(memberId));

        // The rest of the week, easy and with pain falling: progress-service assesses the completed
        // week and routine-service makes the next version harder.
        boolean rest = http.post(
                                        "http://localhost:" + ports.routine() + "/members/me/sessions",
                                        token,
                                        session(plan, 2, 3, "TOO_EASY", performedAt(now, 120)))
                                .status()
                        == 201
                && http.post(
                                        "http://localhost:" + ports.routine() + "/members/me/sessions",
                                        token,
                                        session(plan, 3, 2, "TOO_EASY", performedAt(now, 60)))
                                .status()
                        == 201;
        check("the rest of the week is logged (201)", () -> rest);
        JsonNode next = awaitBody(() -> {
            JsonHttp.Reply reply = http.get("http://localhost:" + ports.routine() + "/members/me/plan", token);
            return reply.ok() && reply.body().path("version").asInt() == 2 ? reply.body() : null;
        });
        check(
                "an easy week with pain falling makes the next plan version, by adaptation",
                () -> next != null && next.path("source").asText().equals("ADAPTATION"));
        JsonHttp.Reply changes = http.get("http://localhost:" + ports.routine() + "/members/me/plan/changes", token);
        check(
                "the member reads what changed and why",
                () -> changes.ok()
                        && changes.body().path("total").asInt() >= 1
                        && changes.body()
                                .path("items")
                                .path(0)
                                .path("reason")
                                .asText()
                                .contains("the week was done as planned"));
        check(
                "routine-service counts the sessions in its metrics",
                () -> metrics(ports.routine()).contains("limber_sessions_logged_total"));
        check(
                "progress-service shows open alerts by kind",
                () -> metrics(ports.progress()).contains("limber_alerts_open{kind=\"HIGH_PAIN\"}"));
        checkAReferral(identity);
        referForTheConsole(identity);
        messageTheCareTeam(identity);
    }

    /**
     * maria writes to her care team (engagement-service): the answer says messages are not read at once, casey's
     * unread counts name her, and the console's check then reads the message in her thread.
     */
    private void messageTheCareTeam(Keycloak identity) {
        String engagement = "http://localhost:" + ports.engagement();
        String text = "Smoke " + UUID.randomUUID().toString().substring(0, 8) + ": the bridge felt easier today.";
        JsonHttp.Reply sent = http.post(
                engagement + "/members/me/messages",
                identity.user("maria", "limber").get(),
                Map.of("id", UUID.randomUUID().toString(), "text", text));
        check(
                "maria sends a message to her care team (201), told that messages are not read at once",
                () -> sent.status() == 201
                        && sent.body().path("notice").asText().contains("not read at once"));
        if (sent.status() != 201) {
            return;
        }
        messageMember = sent.body().path("memberId").asText();
        messageText = text;
        JsonNode unread = awaitBody(() -> {
            JsonHttp.Reply reply = http.get(
                    engagement + "/care-team/messages/unread",
                    identity.user("casey", "limber").get());
            return reply.ok() && reply.body().toString().contains(messageMember) ? reply.body() : null;
        });
        check(
                "casey's unread messages count maria's",
                () -> unread != null && unread.path("total").asInt() >= 1);
    }

    /**
     * The urgent path (issue 20): a red flag at a new member's first intake refers them and holds them (a
     * later intake with every answer no is refused) until their clinician records a review; then the
     * intake makes a plan.
     */
    private void checkAReferral(Keycloak identity) {
        String routine = "http://localhost:" + ports.routine();
        String username = "smoke-referral-" + UUID.randomUUID().toString().substring(0, 8);
        String memberId = identity.ensureUser(username, "smoke-password", "Smoke", "Referral", "/members");
        String token = identity.user(username, "smoke-password").get();
        String admin = identity.user("ada", ConsoleCheck.PASSWORD).get();
        String clinician = identity.user("casey", ConsoleCheck.PASSWORD).get();
        String caseyId = identity.userId("casey");
        JsonHttp.Reply assigned =
                http.put(routine + "/members/" + memberId + "/care-team", admin, Map.of("clinicianId", caseyId));
        check("an admin assigns the new member to casey (PUT /members/{id}/care-team)", assigned::ok);

        Map<String, Object> redFlags = ScreeningAnswers.allNo();
        redFlags.put("saddleNumbness", true);
        JsonHttp.Reply referred = http.post(routine + "/members/me/intake", token, intake(redFlags));
        check(
                "a red flag at the first intake refers the member (201, REFERRED, no plan)",
                () -> referred.status() == 201
                        && referred.body().path("outcome").asText().equals("REFERRED")
                        && !referred.body().path("plan").isObject());
        JsonHttp.Reply held = http.post(routine + "/members/me/intake", token, intake(ScreeningAnswers.allNo()));
        check(
                "the intake again with every answer no is refused while the referral waits (409 referral-under-review)",
                () -> held.status() == 409 && held.body().path("type").asText().endsWith("referral-under-review"));
        JsonHttp.Reply hold = http.get(routine + "/members/" + memberId + "/plan/suspension", clinician);
        check(
                "casey reads the referral (GET /members/{id}/plan/suspension: referral, SADDLE_NUMBNESS, no review yet)",
                () -> hold.ok()
                        && hold.body().path("referral").asBoolean()
                        && hold.body().path("redFlags").toString().contains("SADDLE_NUMBNESS")
                        && hold.body().path("reviews").isEmpty());
        JsonHttp.Reply reviewed = http.post(
                routine + "/members/" + memberId + "/plan/resume",
                clinician,
                Map.of(
                        "redFlagsAssessed", List.of("SADDLE_NUMBNESS"),
                        "outcome", "EXCLUDED_SAFE_TO_CONTINUE",
                        "note", "Smoke check: phoned the member, saddle sensation normal."));
        check(
                "casey records her review (EXCLUDED_SAFE_TO_CONTINUE): the referral is cleared (status NO_PLAN)",
                () -> reviewed.ok()
                        && reviewed.body().path("status").asText().equals("NO_PLAN")
                        && reviewed.body().path("reviewedBy").asText().equals(caseyId));
        JsonHttp.Reply planned = http.post(routine + "/members/me/intake", token, intake(ScreeningAnswers.allNo()));
        check(
                "after the review the intake makes a plan (201, PLAN_CREATED)",
                () -> planned.status() == 201
                        && planned.body().path("outcome").asText().equals("PLAN_CREATED"));
    }

    /**
     * A second member referred at the first intake (saddle numbness) and assigned to casey, left held for
     * {@link ConsoleCheck} to review in the console's form ({@link #heldMember}).
     */
    private void referForTheConsole(Keycloak identity) {
        String routine = "http://localhost:" + ports.routine();
        String username = "smoke-review-" + UUID.randomUUID().toString().substring(0, 8);
        String memberId = identity.ensureUser(username, "smoke-password", "Smoke", "Review", "/members");
        Keycloak.UserToken token = identity.user(username, "smoke-password");
        String admin = identity.user("ada", ConsoleCheck.PASSWORD).get();
        String caseyId = identity.userId("casey");
        JsonHttp.Reply assigned =
                http.put(routine + "/members/" + memberId + "/care-team", admin, Map.of("clinicianId", caseyId));
        check("an admin assigns a second new member to casey, for the console's review form", assigned::ok);
        Map<String, Object> redFlags = ScreeningAnswers.allNo();
        redFlags.put("saddleNumbness", true);
        JsonHttp.Reply referred = http.post(routine + "/members/me/intake", token.get(), intake(redFlags));
        boolean held = referred.status() == 201
                && referred.body().path("outcome").asText().equals("REFERRED");
        check(
                "a red flag at that member's first intake refers them too (201, REFERRED), held for casey's review",
                () -> held);
        if (assigned.ok() && held) {
            heldMember = memberId;
            heldMemberToken = token;
        }
    }

    /** An intake of a beginner with non-specific low back pain, the screening answered as given. */
    static Map<String, Object> intake(Map<String, Object> redFlags) {
        return Map.ofEntries(
                Map.entry("conditions", List.of("NON_SPECIFIC_LOW_BACK_PAIN")),
                Map.entry("painNow", 5),
                Map.entry("painTypical", 6),
                Map.entry("duration", "WEEKS_6_TO_12"),
                Map.entry("spineSurgery", false),
                Map.entry("redFlags", redFlags),
                Map.entry("goals", List.of("REDUCE_PAIN")),
                Map.entry("equipment", List.of("MAT")),
                Map.entry("cannotGetInto", List.of()),
                Map.entry("minutesPerSession", 15),
                Map.entry("sessionsPerWeek", 3),
                Map.entry("experience", "BEGINNER"));
    }

    /** The earliest session, in seconds before now. */
    static final int EARLIEST_SESSION = 180;

    /**
     * When a session was done: {@code secondsAgo} (at most {@value #EARLIEST_SESSION}) before {@code now}; but when the
     * earliest session would fall before today's midnight (UTC), in the first minutes of a day, every session falls
     * between midnight and now instead, in the same order: the stack's clock is the real one, and a session on the day
     * before would count in another day (and, on a Monday, another week) than the others.
     */
    static Instant performedAt(Instant now, int secondsAgo) {
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
        if (!now.minusSeconds(EARLIEST_SESSION).isBefore(midnight)) {
            return now.minusSeconds(secondsAgo);
        }
        long sinceMidnight = Duration.between(midnight, now).toMillis();
        return now.minusMillis(sinceMidnight * secondsAgo / (EARLIEST_SESSION + 1));
    }

    /** A session of the plan done in full at {@code performedAt}, with the pain before it and how it felt. */
    static Map<String, Object> session(JsonNode plan, int number, int painBefore, String effort, Instant performedAt) {
        List<Map<String, Object>> exercises = new ArrayList<>();
        plan.path("sessions")
                .path(number - 1)
                .path("items")
                .forEach(i -> exercises.add(Map.of("slug", i.path("slug").asText(), "status", "DONE")));
        return Map.of(
                "sessionId",
                UUID.randomUUID(),
                "planVersion",
                plan.path("version").asInt(),
                "sessionNumber",
                number,
                "performedAt",
                performedAt.toString(),
                "exercises",
                exercises,
                "painBefore",
                painBefore,
                "painDuring",
                3,
                "painAfter",
                2,
                "effort",
                effort,
                "redFlagSymptoms",
                List.of());
    }

    private String metrics(int port) {
        try {
            var client = HttpClient.newHttpClient();
            return client.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private void check(String what, Supplier<Boolean> test) {
        boolean ok;
        try {
            ok = test.get();
        } catch (RuntimeException e) {
            ok = false;
            what += " (" + e.getMessage() + ")";
        }
        if (ok) {
            passed++;
            System.out.println("smoke: ok    " + what);
        } else {
            fail(what);
        }
    }

    private void fail(String what) {
        failures.add(what);
        System.out.println("smoke: FAIL  " + what);
    }

    /**
     * A free port for each server ({@link PackagedService#freePort()}: below the ports of outgoing connections);
     * Kafka's controller (+1) and Keycloak's management port (+10) must be free too.
     */
    private static Map<String, String> freePorts() {
        Map<String, String> env = new LinkedHashMap<>();
        Set<Integer> taken = new HashSet<>();
        String[][] wanted = {
            {"POSTGRES_PORT", "0"},
            {"KAFKA_PORT", "1"},
            {"KEYCLOAK_PORT", "10"},
            {"CATALOG_PORT", "0"},
            {"ROUTINE_PORT", "0"},
            {"PROGRESS_PORT", "0"},
            {"CONSOLE_PORT", "0"},
            {"MEMBER_APP_PORT", "0"}
        };
        for (String[] port : wanted) {
            int offset = Integer.parseInt(port[1]);
            while (true) {
                int candidate = PackagedService.freePort();
                if (!taken.contains(candidate)
                        && !taken.contains(candidate + offset)
                        && PackagedService.isFree(candidate + offset)) {
                    taken.add(candidate);
                    taken.add(candidate + offset);
                    env.put(port[0], String.valueOf(candidate));
                    break;
                }
            }
        }
        return env;
    }

    /** The body {@code read} gives (null until it is the one wanted), polled each second for up to a minute; null if never. */
    private static JsonNode awaitBody(Supplier<JsonNode> read) {
        try {
            return await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(read::get, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            return null;
        }
    }
}
