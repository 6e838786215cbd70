package org.limber.progress.rest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.limber.testsupport.AuthorizationMatrix;

import static org.awaitility.Awaitility.await;
import static org.limber.progress.MemberEventFixtures.clinician;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;

/**
 * Who may call what in progress-service: every operation of its OpenAPI document as every kind of caller,
 * against the table below (also in docs/security.md). Callers in the order anonymous, member,
 * other member, clinician with the member on the panel, clinician without, content editor, admin. The
 * member has a plan on the first clinician's panel and a session that raised a high-pain alert.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final String MEMBER = newMember();
    static final String CLINICIAN = "clin-" + MEMBER;

    static final AuthorizationMatrix MATRIX = new AuthorizationMatrix()
            // The other member has no plan here, so no progress to show.
            .row("GET /members/me/progress", "401 2xx 404 403 403 403 403")
            .row("GET /members/me/sessions", "401 2xx 2xx 403 403 403 403")
            .row("GET /members/{memberId}/progress", "401 403 403 2xx 403 403 403")
            .row("GET /members/{memberId}/sessions", "401 403 403 2xx 403 403 403")
            .row("GET /care-team/panel", "401 403 403 2xx 2xx 403 403")
            .row("GET /care-team/alerts", "401 403 403 2xx 2xx 403 403")
            .row("GET /care-team/triage", "401 403 403 2xx 2xx 403 2xx")
            .row(
                    "POST /care-team/alerts/{alertId}/acknowledge",
                    "401 403 403 2xx 403 403 403",
                    () -> Map.of("note", "matrix"))
            .row(
                    "POST /care-team/alerts/{alertId}/resolve",
                    "401 403 403 2xx 403 403 403",
                    () -> Map.of("note", "matrix"))
            .row("GET /reports/outcomes", "401 403 403 403 403 403 2xx")
            // A clinician without the member gets no row of them (TodayResourceTest).
            .row("GET /care-team/panel-rows", "401 403 403 2xx 2xx 403 403")
            .row("GET /care-team/today", "401 403 403 2xx 2xx 403 403");

    @Test
    void everyOperationAnswersEachCallerAsTheTableSays() {
        send(
                plan(MEMBER, 1, 3, 3, CLINICIAN, LocalDate.now(ZoneOffset.UTC)),
                session(MEMBER, Instant.now(), 5, 8, 6, "TOO_HARD"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !alertIds().isEmpty());
        String alertId = alertIds().get(0);
        MATRIX.check(
                AuthorizationMatrix.tokens(MEMBER, newMember(), CLINICIAN, "clin-" + newMember()),
                path -> path.equals("/care-team/panel-rows")
                        ? path + "?memberId=" + MEMBER
                        : path.replace("{memberId}", MEMBER).replace("{alertId}", alertId));
        MATRIX.requireIn(Path.of("../docs/security.md"));
    }

    private static List<String> alertIds() {
        return clinician(CLINICIAN)
                .get("/care-team/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }
}
