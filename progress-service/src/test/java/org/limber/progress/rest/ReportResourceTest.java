package org.limber.progress.rest;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.limber.testsupport.Tokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;

@QuarkusTest
class ReportResourceTest {

    /** Members who started on the given day, baseline 6, three sessions a week for 12 weeks with pain before at {@code endPain}. */
    private static List<String> cohort(int members, LocalDate start, int endPain) {
        List<Object> events = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            String id = newMember();
            ids.add(id);
            events.add(plan(id, 1, 3, 6, "clin-report", start));
            for (int week = 0; week < 12; week++) {
                for (int s = 0; s < 3; s++) {
                    var at = start.plusWeeks(week).plusDays(s).atTime(10, 0).toInstant(ZoneOffset.UTC);
                    events.add(session(id, at, week >= 10 ? endPain : 6, 4, 3, "JUST_RIGHT"));
                }
            }
        }
        send(events.toArray());
        return ids;
    }

    private static void awaitSessions(List<String> members) {
        String last = members.get(members.size() - 1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().auth()
                                .oauth2(Tokens.member(last))
                                .get("/members/me/sessions")
                                .jsonPath()
                                .getInt("total")
                        == 36);
    }

    @Test
    void aGroupOfNineIsSuppressedAndAGroupOfTwelveReported() {
        LocalDate small = LocalDate.of(2025, 1, 6);
        LocalDate large = LocalDate.of(2025, 2, 3);
        awaitSessions(cohort(9, small, 2));
        awaitSessions(cohort(12, large, 3));
        given().auth()
                .oauth2(Tokens.admin("ada"))
                .get("/reports/outcomes?startMonth=2025-01")
                .then()
                .statusCode(200)
                .body("suppressed", equalTo(true))
                .body("members", equalTo(null))
                .body("meanPainChangePercent", equalTo(null));
        given().auth()
                .oauth2(Tokens.admin("ada"))
                .get("/reports/outcomes?startMonth=2025-02")
                .then()
                .statusCode(200)
                .body("suppressed", equalTo(false))
                .body("members", equalTo(12))
                .body("completers", equalTo(12))
                .body("completionRate", equalTo(1.0f))
                .body("meanPainChangePercent", equalTo(50.0f))
                .body("medianPainChangePercent", equalTo(50.0f))
                .body("painCompleters", equalTo(12))
                .body("shareReachingMcid", equalTo(1.0f))
                .body("adherence.atLeast80", equalTo(1.0f))
                .body(not(containsString("member-")));
        given().auth()
                .oauth2(Tokens.admin("ada"))
                .get("/reports/outcomes?startMonth=March")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("startMonth"));
        // Java parses a month in the year 999,999,999; the domain has none: a 400, not a 500.
        given().auth()
                .oauth2(Tokens.admin("ada"))
                .queryParam("startMonth", "+999999999-12")
                .get("/reports/outcomes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("startMonth"));
    }

    @Test
    void membersWithoutASessionInWeeks11And12AreNotCompleters() {
        LocalDate start = LocalDate.of(2025, 3, 3);
        List<String> stayed = cohort(10, start, 3);
        List<Object> events = new ArrayList<>();
        String lastDropout = null;
        for (int m = 0; m < 2; m++) {
            lastDropout = newMember();
            events.add(plan(lastDropout, 1, 3, 6, "clin-report", start));
            for (int week = 0; week < 4; week++) {
                for (int s = 0; s < 3; s++) {
                    events.add(session(
                            lastDropout,
                            start.plusWeeks(week).plusDays(s).atTime(10, 0).toInstant(ZoneOffset.UTC),
                            6,
                            4,
                            3,
                            "JUST_RIGHT"));
                }
            }
        }
        send(events.toArray());
        awaitSessions(stayed);
        String dropout = lastDropout;
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().auth()
                                .oauth2(Tokens.member(dropout))
                                .get("/members/me/sessions")
                                .jsonPath()
                                .getInt("total")
                        == 12);
        given().auth()
                .oauth2(Tokens.admin("ada"))
                .get("/reports/outcomes?startMonth=2025-03")
                .then()
                .statusCode(200)
                .body("members", equalTo(12))
                .body("completers", equalTo(10))
                .body("meanPainChangePercent", equalTo(50.0f))
                .body("shareReachingMcid", equalTo(1.0f));
    }
}
