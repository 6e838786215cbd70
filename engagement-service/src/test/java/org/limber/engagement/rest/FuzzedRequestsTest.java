package org.limber.engagement.rest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.limber.engagement.EngagementTokens;
import org.limber.engagement.Fixtures;
import org.limber.engagement.PushEndpoint;
import org.limber.testsupport.RequestFuzzer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Random and mutated requests to every operation (bodies, path ids, query parameters), each with the token of a
 * caller who may make it: the member for {@code /members/me} and {@code /push}, the member's clinician otherwise.
 * Never a 5xx; every 4xx a problem naming the field.
 */
@QuarkusTest
class FuzzedRequestsTest {

    @Test
    void noInputAnswers5xx() {
        String member = Fixtures.newMember();
        String clinician = "clin-" + member;
        UUID alert = UUID.randomUUID();
        Fixtures.send(Fixtures.careTeam(member, clinician), Fixtures.alert(member, alert, "URGENT", clinician));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().auth()
                                .oauth2(EngagementTokens.clinician(clinician))
                                .get("/care-team/alerts/{a}/escalations", alert)
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("$")
                                .size()
                        == 1);
        String memberToken = EngagementTokens.member(member);
        String clinicianToken = EngagementTokens.clinician(clinician);
        PushEndpoint.Subscriber browser = new PushEndpoint.Subscriber();
        Map<String, Object> subscription = Map.of(
                "endpoint",
                "https://push.example.org/fuzz",
                "keys",
                Map.of("p256dh", browser.p256dh(), "auth", browser.auth()));
        new RequestFuzzer()
                .run(
                        200,
                        operation -> operation.contains("/members/me") || operation.contains("/push/")
                                ? memberToken
                                : clinicianToken,
                        Map.of(
                                "PUT /members/me/reminders",
                                Map.of(
                                        "days",
                                        List.of("MONDAY"),
                                        "time",
                                        "18:00",
                                        "timeZone",
                                        "Europe/Berlin",
                                        "quietHours",
                                        Map.of("from", "21:00", "to", "08:00"),
                                        "channels",
                                        List.of("PUSH"),
                                        "enabled",
                                        true),
                                "POST /members/me/push-subscriptions",
                                subscription,
                                "POST /care-team/push-subscriptions",
                                subscription,
                                "POST /members/me/messages",
                                Map.of("text", "fuzz"),
                                "POST /care-team/members/{memberId}/messages",
                                Map.of("text", "fuzz"),
                                "POST /members/me/messages/read",
                                Map.of("upTo", UUID.randomUUID()),
                                "POST /care-team/members/{memberId}/messages/read",
                                Map.of("upTo", UUID.randomUUID())),
                        Map.of("memberId", member, "alertId", alert.toString()));
    }
}
