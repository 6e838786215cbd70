package org.limber.progress.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.limber.testsupport.RequestFuzzer;
import org.limber.testsupport.Tokens;

import static org.awaitility.Awaitility.await;
import static org.limber.progress.MemberEventFixtures.clinician;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;

/**
 * Random and mutated requests to every operation (bodies, path ids, query parameters: weeks, months,
 * pages, enums), each with the token of a caller who may make it: the member for {@code /members/me},
 * an admin for the reports and the access audit, the member's clinician otherwise. Never a 5xx; every 4xx a problem.
 */
@QuarkusTest
class FuzzedRequestsTest {

    @Test
    void noInputAnswers5xx() {
        String member = newMember();
        String clinician = "clin-" + member;
        send(
                plan(member, 1, 3, 3, clinician, LocalDate.now(ZoneOffset.UTC)),
                session(member, Instant.now(), 5, 8, 6, "TOO_HARD"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !alertIds(clinician).isEmpty());
        String memberToken = Tokens.member(member);
        String clinicianToken = Tokens.clinician(clinician);
        String adminToken = Tokens.admin("fuzz-admin");
        new RequestFuzzer()
                .run(
                        200,
                        operation -> operation.contains("/members/me")
                                ? memberToken
                                : operation.contains("/reports/") || operation.contains("/audit/")
                                        ? adminToken
                                        : clinicianToken,
                        Map.of(
                                "POST /care-team/alerts/{alertId}/acknowledge",
                                Map.of("note", "fuzz"),
                                "POST /care-team/alerts/{alertId}/resolve",
                                Map.of("note", "fuzz")),
                        Map.of(
                                "memberId",
                                member,
                                "alertId",
                                alertIds(clinician).get(0),
                                "id",
                                member,
                                "operation",
                                "$everything"));
    }

    private static List<String> alertIds(String clinicianId) {
        return clinician(clinicianId)
                .get("/care-team/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }
}
