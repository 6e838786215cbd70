package org.limber.progress.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.testsupport.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.limber.progress.MemberEventFixtures.clinician;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;
import static org.limber.progress.MemberEventFixtures.suspended;

/** A clinician's day in two statements, and the panel rows of a page of members chosen by id. */
@QuarkusTest
class TodayResourceTest {

    static final Instant NOON = TestClock.noonToday();

    @Inject
    TestClock clock;

    @BeforeEach
    void noon() {
        clock.runFrom(NOON);
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    @Test
    void theDayCountsSessionsTodayAndThisWeekTheWorstPainAndWhoWaitsForAReview() {
        String me = "today-" + newMember();
        LocalDate today = LocalDate.ofInstant(NOON, ZoneOffset.UTC);
        String first = newMember();
        String second = newMember();
        String lastWeek = newMember();
        String held = newMember();
        String elsewhere = newMember();
        for (String m : new String[] {first, second, lastWeek, held}) {
            send(plan(m, 1, 3, 3, me, today.minusDays(10)));
        }
        send(plan(elsewhere, 1, 3, 3, "someone-else", today.minusDays(10)));
        Instant hourAgo = NOON.minus(1, ChronoUnit.HOURS);
        send(
                session(first, hourAgo, 3, 7, 4, "OK"),
                session(second, hourAgo.plusSeconds(60), 2, 5, 3, "OK"),
                session(lastWeek, NOON.minus(8, ChronoUnit.DAYS), 9, 9, 9, "TOO_HARD"),
                session(elsewhere, hourAgo, 10, 10, 10, "TOO_HARD"),
                suspended(held, 1, "SYMPTOM_REPORT", UUID.randomUUID(), "SADDLE_NUMBNESS"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> day(me).getLong("awaitingReview") == 1 && day(me).getLong("membersWithSessionToday") == 2);
        JsonPath day = day(me);
        assertThat(day.getString("date")).isEqualTo(today.toString());
        assertThat(day.getLong("panelSize")).isEqualTo(4);
        assertThat(day.getLong("membersWithSessionThisWeek")).isEqualTo(2);
        assertThat(day.getString("worstPainToday.memberId")).isEqualTo(first);
        assertThat(day.getInt("worstPainToday.pain")).isEqualTo(7);
        assertThat(day.getList("awaitingReviewFirst.memberId", String.class)).containsExactly(held);
        assertThat(day.getString("awaitingReviewFirst[0].planStatus")).isEqualTo("SUSPENDED");
        assertThat((Object) day.get("unreadMessages")).isNull();

        JsonPath rows = clinician(me)
                .get("/care-team/panel-rows?memberId=" + first + "&memberId=" + elsewhere + "&memberId=" + held)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(rows.getList("memberId", String.class)).containsExactlyInAnyOrder(first, held);
        assertThat(rows.getInt("find { it.memberId == '" + first + "' }.latestPain"))
                .isEqualTo(3);
        clinician(me).get("/care-team/panel-rows").then().statusCode(400).body("errors[0].field", equalTo("memberId"));
        clinician(me)
                .get("/care-team/panel-rows?memberId=" + "m".repeat(129))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("memberId"));
    }

    @Test
    void anEmptyPanelHasAnEmptyDay() {
        JsonPath day = day("nobody-" + newMember());
        assertThat(day.getLong("panelSize")).isZero();
        assertThat(day.getLong("membersWithSessionToday")).isZero();
        assertThat((Object) day.get("worstPainToday")).isNull();
    }

    private static JsonPath day(String clinicianId) {
        return clinician(clinicianId)
                .get("/care-team/today")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
