package org.limber.progress.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import org.limber.progress.domain.ProgressMath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.limber.progress.MemberEventFixtures.clinician;
import static org.limber.progress.MemberEventFixtures.member;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;

/**
 * The read queries' edges: a member's progress read in one statement (first-14-days bounds, prescriptions of every
 * plan version, weeks with and without sessions) and the panel's paging and ties.
 */
@QuarkusTest
class ProgressReadsTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static int sessions(String memberId) {
        return member(memberId).get("/members/me/sessions").jsonPath().getInt("total");
    }

    @Test
    void progressCountsTheFirst14DaysToTheSecondAndEveryPlanVersionsPrescription() {
        String c = "clin-" + newMember();
        String m = newMember();
        LocalDate start = ProgressMath.weekOf(TODAY).minusWeeks(3);
        Instant startAt = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant day14 = startAt.plus(14, ChronoUnit.DAYS);
        send(
                plan(m, 1, 3, 6, c, start),
                session(m, startAt, 6, 5, 5, "JUST_RIGHT"), // the first instant of the 14 days: counted
                session(m, day14.minusSeconds(1), 5, 5, 4, "JUST_RIGHT"), // the last second: counted
                session(m, day14, 4, 4, 4, "TOO_HARD"), // the 15th day: not counted
                plan(m, 2, 4, 6, c, ProgressMath.weekOf(TODAY)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> member(m).get("/members/me/progress").statusCode() == 200
                        && sessions(m) == 3
                        && member(m).get("/members/me/progress").jsonPath().getInt("planVersion") == 2);

        JsonPath p = member(m)
                .get("/members/me/progress?weeks=5")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(p.getInt("sessionsFirst14Days")).isEqualTo(2);
        assertThat(p.getInt("latestPain")).as("the newest session's").isEqualTo(4);
        assertThat(p.getString("latestPainAt")).isEqualTo(p.getString("lastActivity"));
        assertThat(p.getList("weeks.weekStart", String.class))
                .containsExactly(
                        start.minusWeeks(1).toString(),
                        start.toString(),
                        start.plusWeeks(1).toString(),
                        start.plusWeeks(2).toString(),
                        start.plusWeeks(3).toString());
        assertThat(p.getList("weeks.sessionsPrescribed", Integer.class))
                .as("none before the first plan, then version 1's 3 a week, then version 2's 4")
                .containsExactly(0, 3, 3, 3, 4);
        assertThat(p.getList("weeks.sessionsDone", Integer.class)).containsExactly(0, 1, 1, 1, 0);
        assertThat(p.getList("weeks.meanPainBefore", Float.class)).containsExactly(null, 6.0f, 5.0f, 4.0f, null);

        // The clinician sees the same figures; another clinician gets 403, whether or not the member exists.
        String seen = clinician(c)
                .get("/members/" + m + "/progress?weeks=5")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(seen).isEqualTo(member(m).get("/members/me/progress?weeks=5").asString());
        clinician("other-" + c).get("/members/" + m + "/progress").then().statusCode(403);
        clinician(c).get("/members/" + newMember() + "/progress").then().statusCode(403);
    }

    @Test
    void progressWithAPlanAndNoSessionHasEmptyWeeks() {
        String m = newMember();
        send(plan(m, 1, 3, 5, "clin-" + m, ProgressMath.weekOf(TODAY))); // from a Monday: the whole week prescribed
        await().atMost(Duration.ofSeconds(30))
                .until(() -> member(m).get("/members/me/progress").statusCode() == 200);
        member(m)
                .get("/members/me/progress?weeks=3")
                .then()
                .statusCode(200)
                .body("latestPain", equalTo(null))
                .body("lastActivity", equalTo(null))
                .body("sessionsFirst14Days", equalTo(0))
                .body("currentStreakWeeks", equalTo(0))
                .body("weeks.sessionsDone", equalTo(List.of(0, 0, 0)))
                .body("weeks[2].sessionsPrescribed", equalTo(3));
    }

    @Test
    void thePanelBreaksTiesByMemberIdAndPagesWithItsSize() {
        String c = "clin-" + newMember();
        Instant at = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        // Three members alike in everything that ranks them, listed by member id; a fourth with pain above baseline.
        List<String> alike =
                List.of(newMember(), newMember(), newMember()).stream().sorted().toList();
        String worse = newMember();
        for (String m : alike) {
            send(plan(m, 1, 3, 5, c, TODAY), session(m, at, 4, 4, 4, "JUST_RIGHT"));
        }
        send(plan(worse, 1, 3, 2, c, TODAY), session(worse, at, 3, 3, 3, "JUST_RIGHT"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> alike.stream().allMatch(m -> sessions(m) == 1) && sessions(worse) == 1);

        clinician(c)
                .get("/care-team/panel?size=2")
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("items.memberId", equalTo(List.of(worse, alike.get(0))))
                .body("items[0].openAlerts", equalTo(List.of()))
                .body("items[0].worstSeverityRank", equalTo(0));
        clinician(c)
                .get("/care-team/panel?size=2&page=1")
                .then()
                .body("total", equalTo(4))
                .body("items.memberId", equalTo(List.of(alike.get(1), alike.get(2))));
        clinician(c)
                .get("/care-team/panel?size=2&page=2")
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("items", equalTo(List.of()));
        clinician(c)
                .get("/care-team/panel?alertKind=HIGH_PAIN&page=3")
                .then()
                .statusCode(200)
                .body("total", equalTo(0))
                .body("items", equalTo(List.of()));
    }
}
