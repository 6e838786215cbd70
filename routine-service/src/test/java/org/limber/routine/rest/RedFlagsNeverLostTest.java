package org.limber.routine.rest;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.routine.Fixtures;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.limber.routine.Fixtures.member;
import static org.limber.routine.Fixtures.sessionDoingToday;

/**
 * The invariant "no red flag in any request is lost", as a property: random sessions, each reporting
 * red-flag symptoms and broken in a random way (or not at all), are each answered with the safety
 * message, and each red flag is stored (as the session or as a symptom report under its id); a
 * referral flag leaves the plan suspended. CI runs 24 tries; {@code -Dredflags.tries=} runs more, {@code
 * -Dredflags.seed=} replays one run.
 */
@QuarkusTest
class RedFlagsNeverLostTest {

    /**
     * The service's clock runs from noon (UTC) of today while each test runs, and the test takes "now" from it: an
     * hour or two ago is today, after the plan's start, whatever the hour the test runs at.
     */
    static final Instant NOON = TestClock.noonToday();

    @Inject
    TestClock clock;

    /** The ways a session is broken: none, or one wrong part. */
    enum Break {
        NONE,
        EXERCISE_NOT_IN_PLAN,
        BEFORE_THE_PLAN,
        IN_THE_FUTURE,
        NO_SUCH_VERSION,
        MISSING_FIELD,
        WRONG_TYPE,
        UNKNOWN_FIELD,
        UNKNOWN_CODE_BESIDE,
        NO_SESSION_ID,
        PLAN_SUSPENDED
    }

    @Inject
    CatalogReplica replica;

    @Inject
    DataSource db;

    @BeforeEach
    void noon() {
        clock.runFrom(NOON);
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    @Test
    void everyRedFlagIsKeptAnsweredAndSuspendsThePlan() throws Exception {
        long seed = Long.getLong("redflags.seed", System.nanoTime());
        int tries = Integer.getInteger("redflags.tries", 24);
        Random random = new Random(seed);
        List<RedFlag> symptoms =
                Arrays.stream(RedFlag.values()).filter(RedFlag::symptom).toList();
        for (int i = 0; i < tries; i++) {
            Break kind = Break.values()[random.nextInt(Break.values().length)];
            String memberId = Fixtures.memberWithAPlan(replica);
            Map<String, Object> session =
                    new HashMap<>(sessionDoingToday(memberId, clock.instant().minus(1, ChronoUnit.HOURS)));
            RedFlag flag = symptoms.get(random.nextInt(symptoms.size()));
            session.put("redFlagSymptoms", List.of(flag.name()));
            if (kind == Break.PLAN_SUSPENDED) {
                member(memberId).body(Fixtures.symptoms("FOOT_DROP")).post("/members/me/symptoms");
            }
            String id = breakIt(session, kind, random);
            String what = "try " + i + " (seed " + seed + "): " + kind + " with " + flag + ": ";

            Response answer = member(memberId).body(session).post("/members/me/sessions");
            JsonPath body = answer.jsonPath();
            String safety = answer.statusCode() == 201 ? "safety" : "symptomReport.safety";
            assertThat(body.getString(safety + ".urgency"))
                    .as(what + "the answer carries the safety message: " + answer.asString())
                    .isNotNull();
            if (kind == Break.NONE) {
                assertThat(answer.statusCode()).as(what + "status").isEqualTo(201);
            } else {
                assertThat(answer.statusCode()).as(what + "status").isIn(400, 409, 422);
            }
            String kept = id != null ? id : body.getString("symptomReport.reportId");
            assertThat(stored(memberId, UUID.fromString(kept), flag))
                    .as(what + "the red flag is stored")
                    .isTrue();
            // A referral flag suspends the plan; a review flag (inflammatory back pain) asks for a review and keeps it.
            assertThat(member(memberId).get("/members/me/plan").jsonPath().getString("status"))
                    .as(what + "the plan's status")
                    .isEqualTo(
                            flag.consequence == RedFlag.Consequence.REFERRAL || kind == Break.PLAN_SUSPENDED
                                    ? "SUSPENDED"
                                    : "ACTIVE");
        }
    }

    /** Breaks the session as {@code kind} says; returns its id as sent (null when none is sent). */
    private static String breakIt(Map<String, Object> session, Break kind, Random random) {
        switch (kind) {
            case EXERCISE_NOT_IN_PLAN ->
                session.put("exercises", List.of(Map.of("slug", "no-such-exercise", "status", "DONE")));
            case BEFORE_THE_PLAN ->
                session.put(
                        "performedAt", Instant.now().minus(3, ChronoUnit.DAYS).toString());
            case IN_THE_FUTURE ->
                session.put(
                        "performedAt", Instant.now().plus(2, ChronoUnit.DAYS).toString());
            case NO_SUCH_VERSION -> session.put("planVersion", 99);
            case MISSING_FIELD ->
                session.remove(List.of("painBefore", "effort", "exercises", "performedAt")
                        .get(random.nextInt(4)));
            case WRONG_TYPE ->
                session.put(
                        List.of("painBefore", "planVersion", "exercises", "effort")
                                .get(random.nextInt(4)),
                        "not that");
            case UNKNOWN_FIELD -> session.put("mood", "fine");
            case UNKNOWN_CODE_BESIDE -> {
                List<Object> codes = new ArrayList<>((List<?>) session.get("redFlagSymptoms"));
                codes.add(0, "NOT_A_CODE");
                session.put("redFlagSymptoms", codes);
            }
            case NO_SESSION_ID -> session.remove("sessionId");
            default -> {}
        }
        return (String) session.get("sessionId");
    }

    /** Whether the red flag is stored under {@code id}: as the logged session, or as a symptom report. */
    private boolean stored(String memberId, UUID id, RedFlag flag) throws Exception {
        try (var c = db.getConnection();
                var s = c.prepareStatement("select count(*) from symptom_report where member_id = ? and report_id = ?"
                        + " and ? = any(red_flags)")) {
            s.setString(1, memberId);
            s.setObject(2, id);
            s.setString(3, flag.name());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getLong(1) == 1) {
                    return true;
                }
            }
        }
        return member(memberId)
                .get("/members/me/sessions")
                .jsonPath()
                .getList("items.findAll { it.sessionId == '" + id + "' }.redFlagSymptoms.flatten()", String.class)
                .contains(flag.name());
    }
}
