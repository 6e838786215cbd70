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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;
import static org.limber.progress.QuestionnaireFixtures.peg;

/** The outcomes report's PEG and per-group measures, from events on the real broker. */
@QuarkusTest
class OutcomeMeasuresTest {

    private static final LocalDate START = LocalDate.of(2024, 5, 6);

    /** A member with baseline pain 6 and PEG 6, sessions for {@code weeks} weeks, pain before {@code endPain} from week 11 (or week 3). */
    private static String member(List<Object> events, int weeks, int endPain, Integer week12Peg) {
        String id = newMember();
        events.add(plan(id, 1, 3, 6, "clin-measures", START));
        var at0 = START.atTime(9, 0).toInstant(ZoneOffset.UTC);
        events.add(peg(id, "BASELINE", at0, 6, 6, 6));
        for (int week = 0; week < weeks; week++) {
            for (int s = 0; s < 3; s++) {
                var at = START.plusWeeks(week).plusDays(s).atTime(10, 0).toInstant(ZoneOffset.UTC);
                events.add(session(id, at, week >= Math.min(10, weeks - 1) ? endPain : 6, 4, 3, "JUST_RIGHT"));
            }
        }
        if (week12Peg != null) {
            events.add(peg(id, "WEEK_12", at0.plus(Duration.ofDays(83)), week12Peg, week12Peg, week12Peg));
        }
        return id;
    }

    @Test
    void pegAndPainForAllStartersAndForCompleters() {
        List<Object> events = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int m = 0; m < 10; m++) {
            ids.add(member(events, 12, 3, 4)); // completers: pain 6 -> 3, PEG 6 -> 4 (33%)
        }
        for (int m = 0; m < 2; m++) {
            ids.add(member(events, 4, 5, null)); // drop-outs: last pain 5, no later PEG
        }
        send(events.toArray());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ids.stream()
                        .allMatch(id -> given().auth()
                                        .oauth2(Tokens.member(id))
                                        .get("/members/me/measures")
                                        .jsonPath()
                                        .getInt("peg.size()")
                                > 0));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().auth()
                                .oauth2(Tokens.admin("ada"))
                                .get("/reports/outcomes?startMonth=2024-05")
                                .jsonPath()
                                .getInt("completersOnly.pegMembers")
                        == 10);
        given().auth()
                .oauth2(Tokens.admin("ada"))
                .get("/reports/outcomes?startMonth=2024-05")
                .then()
                .statusCode(200)
                .body("members", equalTo(12))
                .body("completers", equalTo(10))
                // all starters: drop-outs keep their last pain (5: 16.7%) and their baseline PEG (no fall)
                .body("allStarters.members", equalTo(12))
                .body("allStarters.painMembers", equalTo(12))
                .body("allStarters.meanPainChangePercent", equalTo(44.4f))
                .body("allStarters.medianPainChangePercent", equalTo(50.0f))
                .body("allStarters.shareReachingMcid", equalTo(0.833f))
                .body("allStarters.pegMembers", equalTo(12))
                .body("allStarters.baselinePegMean", equalTo(6.0f))
                .body("allStarters.latestPegMean", equalTo(4.3f))
                .body("allStarters.latestPegMedian", equalTo(4.0f))
                .body("allStarters.sharePegFall30", equalTo(0.833f))
                .body("completersOnly.members", equalTo(10))
                .body("completersOnly.meanPainChangePercent", equalTo(50.0f))
                .body("completersOnly.baselinePegMedian", equalTo(6.0f))
                .body("completersOnly.latestPegMean", equalTo(4.0f))
                .body("completersOnly.sharePegFall30", equalTo(1.0f))
                .body("completersOnly.note", nullValue());
    }
}
