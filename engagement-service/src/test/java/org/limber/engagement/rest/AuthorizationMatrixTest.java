package org.limber.engagement.rest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.limber.engagement.EngagementTokens;
import org.limber.engagement.Fixtures;
import org.limber.engagement.PushEndpoint;
import org.limber.testsupport.AuthorizationMatrix;
import org.limber.testsupport.AuthorizationMatrix.Caller;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Who may call what in engagement-service: every operation of its OpenAPI document as every kind of caller,
 * against the table below (also in docs/security.md). Callers in the order anonymous, member, other member,
 * clinician with the member on the panel, clinician without, content editor, admin. The member is on the first
 * clinician's panel and has an urgent alert that was escalated once.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final String MEMBER = Fixtures.newMember();
    static final String CLINICIAN = "clin-" + MEMBER;
    static final AtomicInteger ENDPOINTS = new AtomicInteger();
    static final PushEndpoint.Subscriber BROWSER = new PushEndpoint.Subscriber();

    static Map<String, Object> subscription() {
        return Map.of(
                "endpoint",
                "https://push.example.org/" + MEMBER + "/" + ENDPOINTS.incrementAndGet(),
                "keys",
                Map.of("p256dh", BROWSER.p256dh(), "auth", BROWSER.auth()));
    }

    static final AuthorizationMatrix MATRIX = new AuthorizationMatrix()
            .row("GET /members/me/reminders", "401 2xx 2xx 403 403 403 403")
            .row(
                    "PUT /members/me/reminders",
                    "401 2xx 2xx 403 403 403 403",
                    () -> Map.of(
                            "days",
                            List.of("MONDAY"),
                            "time",
                            "18:00",
                            "timeZone",
                            "UTC",
                            "channels",
                            List.of("PUSH"),
                            "enabled",
                            true))
            .row("GET /push/vapid-public-key", "401 2xx 2xx 2xx 2xx 2xx 2xx")
            .row(
                    "POST /members/me/push-subscriptions",
                    "401 2xx 2xx 403 403 403 403",
                    AuthorizationMatrixTest::subscription)
            .row("DELETE /members/me/push-subscriptions", "401 2xx 2xx 403 403 403 403")
            .row(
                    "POST /care-team/push-subscriptions",
                    "401 403 403 2xx 2xx 403 2xx",
                    AuthorizationMatrixTest::subscription)
            .row("DELETE /care-team/push-subscriptions", "401 403 403 2xx 2xx 403 2xx")
            .row("GET /members/me/messages", "401 2xx 2xx 403 403 403 403")
            .row("GET /members/me/data", "401 2xx 2xx 403 403 403 403")
            .row("POST /members/me/messages", "401 2xx 2xx 403 403 403 403", () -> Map.of("text", "matrix"))
            // A message id of no thread: the member is let in, the request is a 400 naming upTo.
            .row(
                    "POST /members/me/messages/read",
                    "401 4xx 4xx 403 403 403 403",
                    () -> Map.of("upTo", UUID.randomUUID()))
            .row("GET /care-team/members/{memberId}/messages", "401 403 403 2xx 404 403 2xx")
            .row(
                    "POST /care-team/members/{memberId}/messages",
                    "401 403 403 2xx 404 403 2xx",
                    () -> Map.of("text", "matrix"))
            .row(
                    "POST /care-team/members/{memberId}/messages/read",
                    "401 403 403 4xx 404 403 4xx",
                    () -> Map.of("upTo", UUID.randomUUID()))
            .row("GET /care-team/messages/unread", "401 403 403 2xx 2xx 403 2xx")
            .row("GET /care-team/alerts/{alertId}/escalations", "401 403 403 2xx 404 403 2xx")
            .row("GET /care-team/escalations", "401 403 403 2xx 404 403 2xx");

    @Test
    void everyOperationAnswersEachCallerAsTheTableSays() {
        UUID alert = UUID.randomUUID();
        Fixtures.send(Fixtures.careTeam(MEMBER, CLINICIAN), Fixtures.alert(MEMBER, alert, "URGENT", CLINICIAN));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().auth()
                                .oauth2(EngagementTokens.clinician(CLINICIAN))
                                .get("/care-team/alerts/{a}/escalations", alert)
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("$")
                                .size()
                        == 1);
        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        tokens.put(Caller.MEMBER, EngagementTokens.member(MEMBER));
        tokens.put(Caller.OTHER_MEMBER, EngagementTokens.member(Fixtures.newMember()));
        tokens.put(Caller.CLINICIAN_ON_PANEL, EngagementTokens.clinician(CLINICIAN));
        tokens.put(Caller.CLINICIAN_OFF_PANEL, EngagementTokens.clinician("clin-" + Fixtures.newMember()));
        tokens.put(Caller.EDITOR, EngagementTokens.token("matrix-editor", "content-editor"));
        tokens.put(Caller.ADMIN, EngagementTokens.admin("matrix-admin"));
        MATRIX.check(
                tokens,
                path -> path.endsWith("/push-subscriptions")
                        ? path + "?endpoint=https://push.example.org/unknown"
                        : path.equals("/care-team/escalations")
                                ? path + "?memberId=" + MEMBER
                                : path.replace("{memberId}", MEMBER).replace("{alertId}", alert.toString()));
        MATRIX.requireIn(Path.of("../docs/security.md"));
    }
}
