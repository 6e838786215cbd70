package org.limber.engagement.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.limber.engagement.EngagementTokens;
import org.limber.engagement.Fixtures;
import org.limber.testsupport.TestClock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Reminders on a real server and database: settings and their validation, the scheduler firing at the local
 * instant across a daylight-saving change, not after that day's session is logged, and two claimers at once
 * sending each reminder once.
 */
@QuarkusTest
class RemindersTest {

    @Inject
    TestClock clock;

    @Inject
    ReminderScheduler scheduler;

    @Inject
    ReminderClaims claims;

    @Inject
    DataSource dataSource;

    @AfterEach
    void reset() {
        clock.reset();
    }

    static RequestSpecification as(String member) {
        return given().auth().oauth2(EngagementTokens.member(member)).contentType(ContentType.JSON);
    }

    static Map<String, Object> settings(List<String> days, String time, String zone) {
        return Map.of("days", days, "time", time, "timeZone", zone, "channels", List.of("EMAIL"), "enabled", true);
    }

    String withPlan() {
        String member = Fixtures.newMember();
        Fixtures.send(Fixtures.plan(member, 3));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as(member)
                        .get("/members/me/reminders")
                        .then()
                        .statusCode(200)
                        .body("days.size()", equalTo(3))
                        .body("defaulted", equalTo(true))
                        .body("enabled", equalTo(false)));
        return member;
    }

    @Test
    void settingsAreValidatedFieldByField() {
        String member = Fixtures.newMember();
        as(member)
                .body(settings(List.of("MONDAY"), "18:30", "Europe/Nowhere"))
                .put("/members/me/reminders")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("timeZone"));
        as(member)
                .body(settings(List.of("FUNDAY"), "25:00", "UTC"))
                .put("/members/me/reminders")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("days"))
                .body("errors.field", hasItem("time"));
        as(member)
                .body(Map.of(
                        "days",
                        List.of("MONDAY"),
                        "time",
                        "18:30",
                        "timeZone",
                        "UTC",
                        "quietHours",
                        Map.of("from", "9pm", "to", "08:00"),
                        "channels",
                        List.of("FAX"),
                        "enabled",
                        true))
                .put("/members/me/reminders")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("quietHours.from"))
                .body("errors.field", hasItem("channels"));
        as(member)
                .body(Map.of("days", List.of("MONDAY"), "time", "18:30", "timeZone", "UTC", "channels", List.of()))
                .put("/members/me/reminders")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("enabled"));
        as(member)
                .body(Map.of(
                        "days",
                        List.of("MONDAY", "FRIDAY"),
                        "time",
                        "18:30",
                        "timeZone",
                        "Europe/Berlin",
                        "quietHours",
                        Map.of("from", "21:00", "to", "08:00"),
                        "channels",
                        List.of("PUSH", "EMAIL"),
                        "enabled",
                        true))
                .put("/members/me/reminders")
                .then()
                .statusCode(200)
                .body("defaulted", equalTo(false))
                .body("quietHours.from", equalTo("21:00"))
                .body("timeZone", equalTo("Europe/Berlin"));
        as(member).get("/members/me/reminders").then().body("days", equalTo(List.of("MONDAY", "FRIDAY")));
    }

    @Test
    void firesAtTheLocalInstantAcrossTheSpringChange() throws Exception {
        String member = withPlan();
        clock.fixAt(Instant.parse("2026-03-28T12:00:00Z"));
        as(member)
                .body(settings(List.of("SATURDAY", "SUNDAY"), "18:30", "Europe/Berlin"))
                .put("/members/me/reminders")
                .then()
                .statusCode(200);
        assertThat(nextFire(member)).isEqualTo(Instant.parse("2026-03-28T17:30:00Z"));
        clock.fixAt(Instant.parse("2026-03-28T17:29:00Z"));
        scheduler.runDue();
        assertThat(reminders(member)).isZero();
        clock.fixAt(Instant.parse("2026-03-28T17:30:05Z"));
        scheduler.runDue();
        assertThat(reminders(member)).isEqualTo(1);
        // Sunday is summer time: 18:30 in Berlin is 16:30 UTC.
        assertThat(nextFire(member)).isEqualTo(Instant.parse("2026-03-29T16:30:00Z"));
        scheduler.runDue();
        assertThat(reminders(member)).isEqualTo(1);
        clock.fixAt(Instant.parse("2026-03-29T16:30:01Z"));
        scheduler.runDue();
        assertThat(reminders(member)).isEqualTo(2);
    }

    @Test
    void doesNotFireAfterThatDaysSessionIsLogged() throws Exception {
        String member = withPlan();
        clock.fixAt(Instant.parse("2026-03-02T06:00:00Z"));
        as(member)
                .body(settings(List.of("MONDAY"), "18:00", "Europe/Berlin"))
                .put("/members/me/reminders")
                .then()
                .statusCode(200);
        Fixtures.send(Fixtures.session(member, Instant.parse("2026-03-02T07:15:00Z")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("select count(*) from member_session where member_id = '" + member + "'") == 1);
        clock.fixAt(Instant.parse("2026-03-02T17:00:01Z"));
        scheduler.runDue();
        assertThat(reminders(member)).isZero();
        // Nor the nudge the day after: the session was not missed.
        clock.fixAt(Instant.parse("2026-03-03T17:00:01Z"));
        scheduler.runDue();
        assertThat(reminders(member)).isZero();
        assertThat(nextFire(member)).isEqualTo(Instant.parse("2026-03-09T17:00:00Z"));
    }

    @Test
    void twoClaimersAtOnceSendEachReminderOnce() throws Exception {
        int members = 300;
        String prefix = "twin-" + Fixtures.newMember() + "-";
        try (Connection db = dataSource.getConnection()) {
            db.createStatement().executeUpdate("""
                    insert into member_plan (member_id, plan_version, sessions_per_week, updated_at)
                    select '%1$s' || n, 1, 7, now() from generate_series(1, %2$d) n;
                    insert into contact (user_id, email, updated_at)
                    select '%1$s' || n, '%1$s' || n || '@example.org', now() from generate_series(1, %2$d) n;
                    insert into reminder (member_id, days, at_time, time_zone, channels, enabled, next_fire_at,
                                          next_day, next_kind, updated_at)
                    select '%1$s' || n, '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY}', '18:00', 'UTC',
                           '{EMAIL}', true, now() - interval '1 minute', current_date, 'SESSION', now()
                    from generate_series(1, %2$d) n;
                    """.formatted(prefix, members));
        }
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Integer> claimer = () -> {
            start.await();
            int total = 0;
            int n;
            do {
                n = claims.claim(25);
                total += n;
            } while (n > 0);
            return total;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> both = new ArrayList<>(List.of(pool.submit(claimer), pool.submit(claimer)));
        int claimed = both.get(0).get() + both.get(1).get();
        pool.shutdown();
        assertThat(claimed).isGreaterThanOrEqualTo(members);
        assertThat(count("select count(*) from delivery where user_id like '" + prefix + "%'"))
                .isEqualTo(members);
        assertThat(count("select count(*) from (select user_id from delivery where user_id like '" + prefix
                        + "%' group by user_id having count(*) > 1) t"))
                .isZero();
        assertThat(count("select count(*) from reminder where member_id like '" + prefix
                        + "%' and next_fire_at <= now()"))
                .isZero();
    }

    long reminders(String member) throws Exception {
        return count(
                "select count(*) from delivery where user_id = '" + member + "' and kind in ('REMINDER', 'NUDGE')");
    }

    Instant nextFire(String member) throws Exception {
        try (Connection db = dataSource.getConnection();
                ResultSet r = db.createStatement()
                        .executeQuery("select next_fire_at from reminder where member_id = '" + member + "'")) {
            r.next();
            return r.getTimestamp(1).toInstant();
        }
    }

    long count(String sql) throws Exception {
        try (Connection db = dataSource.getConnection();
                ResultSet r = db.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
