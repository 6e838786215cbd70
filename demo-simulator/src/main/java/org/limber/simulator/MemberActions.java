package org.limber.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a played member does through routine-service, as the app would: enrol (a Keycloak user, a clinician
 * assigned by the admin, an intake), take the intake again, and log sessions; a member whose plan a red flag
 * suspended stops. Counts the calls, intakes and sessions.
 */
final class MemberActions {

    final AtomicInteger sessions = new AtomicInteger();
    final AtomicInteger intakes = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();

    private final JsonHttp http;
    private final Keycloak keycloak;
    private final SimulatorConfig config;
    private final Keycloak.UserToken admin;

    MemberActions(JsonHttp http, Keycloak keycloak, SimulatorConfig config, Keycloak.UserToken admin) {
        this.http = http;
        this.keycloak = keycloak;
        this.config = config;
        this.admin = admin;
    }

    void enroll(Player player, LocalDate day) {
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

    void takeIntake(Player player, Map<String, Object> body) {
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
        if (player.programStart == null) {
            player.programStart = player.planStart;
        }
        player.weekStart = null;
    }

    void logSession(Player player, MemberScript.Report report) {
        LocalDate day = LocalDate.ofInstant(report.performedAt(), ZoneOffset.UTC);
        // The app shows questionnaires due when the member opens it for a session.
        calls.addAndGet(QuestionnaireAnswers.answerDue(http, config, player, day, report.performedAt()));
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
        Map<String, Object> body = sessionBody(player, report, number, exercises);
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

    /** The session as the app sends it: its id, the plan version and session number, when, each exercise, pains, effort. */
    private static Map<String, Object> sessionBody(
            Player player, MemberScript.Report report, int number, List<Map<String, Object>> exercises) {
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
        return body;
    }

    /** A 409 plan-suspended: a red flag suspended the plan until a clinician has looked. */
    static boolean isPlanSuspended(JsonHttp.Reply reply) {
        return reply.status() == 409 && reply.body().path("type").asText().endsWith("/plan-suspended");
    }

    private static void stopSuspended(Player player) {
        player.suspended = true;
        player.idle = true;
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
    }
}
