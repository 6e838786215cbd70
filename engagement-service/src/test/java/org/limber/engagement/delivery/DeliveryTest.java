package org.limber.engagement.delivery;

import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.limber.engagement.EngagementTokens;
import org.limber.engagement.Fixtures;
import org.limber.engagement.MailServer;
import org.limber.engagement.PushEndpoint;
import org.limber.engagement.service.DeliveryService;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery on real servers: a Web Push message reaches a local push endpoint and is decrypted with the test
 * subscription's own keys; a subscription answered 410 is removed; an e-mail arrives in GreenMail. Neither
 * carries the message's text.
 */
@QuarkusTest
class DeliveryTest {

    static final PushEndpoint PUSH = new PushEndpoint();

    @Inject
    DeliveryService deliveries;

    @Inject
    DataSource dataSource;

    @AfterAll
    static void stop() {
        PUSH.close();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String onPanel() {
        String member = Fixtures.newMember();
        Fixtures.send(Fixtures.plan(member, 3), Fixtures.careTeam(member, "clin-" + member));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as(EngagementTokens.clinician("clin-" + member))
                        .get("/care-team/members/{m}/messages", member)
                        .then()
                        .statusCode(200));
        return member;
    }

    @Test
    void aPushMessageIsDecryptedWithTheSubscriptionsOwnKeys() throws Exception {
        String member = onPanel();
        PushEndpoint.Subscriber browser = new PushEndpoint.Subscriber();
        Map<String, Object> subscription = Map.of(
                "endpoint", PUSH.url(member), "keys", Map.of("p256dh", browser.p256dh(), "auth", browser.auth()));
        as(EngagementTokens.member(member))
                .body(subscription)
                .post("/members/me/push-subscriptions")
                .then()
                .statusCode(201);
        as(EngagementTokens.member(member))
                .body(subscription)
                .post("/members/me/push-subscriptions")
                .then()
                .statusCode(200);
        as(EngagementTokens.clinician("clin-" + member))
                .body(Map.of("text", "Your MRI result is fine"))
                .post("/care-team/members/{m}/messages", member)
                .then()
                .statusCode(201);

        deliveries.sendDue();

        assertThat(PUSH.received(member)).hasSize(1);
        PushEndpoint.Received push = PUSH.received(member).get(0);
        assertThat(push.headers().get("Authorization").get(0)).startsWith("vapid t=");
        assertThat(push.headers().get("Content-encoding").get(0)).isEqualTo("aes128gcm");
        String plain = browser.decrypt(push.body());
        assertThat(plain).contains("You have a new message").doesNotContain("MRI");
        // Sent once: a second round sends nothing more.
        deliveries.sendDue();
        assertThat(PUSH.received(member)).hasSize(1);
    }

    @Test
    void aSubscriptionAnswered410IsRemoved() throws Exception {
        String member = onPanel();
        PushEndpoint.Subscriber browser = new PushEndpoint.Subscriber();
        PUSH.answer(member, 410);
        as(EngagementTokens.member(member))
                .body(Map.of(
                        "endpoint",
                        PUSH.url(member),
                        "keys",
                        Map.of("p256dh", browser.p256dh(), "auth", browser.auth())))
                .post("/members/me/push-subscriptions")
                .then()
                .statusCode(201);
        as(EngagementTokens.clinician("clin-" + member))
                .body(Map.of("text", "hello"))
                .post("/care-team/members/{m}/messages", member)
                .then()
                .statusCode(201);
        deliveries.sendDue();
        assertThat(PUSH.received(member)).hasSize(1);
        assertThat(count("select count(*) from push_subscription where user_id = '" + member + "'"))
                .isZero();
        assertThat(count("select count(*) from delivery where user_id = '" + member + "' and status = 'GONE'"))
                .isEqualTo(1);
    }

    @Test
    void aFailingPushIsRetriedLaterAndDoesNotHoldUpOthers() throws Exception {
        String failing = onPanel();
        String fine = onPanel();
        PUSH.answer(failing, 503);
        for (String member : new String[] {failing, fine}) {
            PushEndpoint.Subscriber browser = new PushEndpoint.Subscriber();
            as(EngagementTokens.member(member))
                    .body(Map.of(
                            "endpoint",
                            PUSH.url(member),
                            "keys",
                            Map.of("p256dh", browser.p256dh(), "auth", browser.auth())))
                    .post("/members/me/push-subscriptions")
                    .then()
                    .statusCode(201);
            as(EngagementTokens.clinician("clin-" + member))
                    .body(Map.of("text", "hello"))
                    .post("/care-team/members/{m}/messages", member)
                    .then()
                    .statusCode(201);
        }
        deliveries.sendDue();
        assertThat(PUSH.received(fine)).hasSize(1);
        assertThat(count("select count(*) from delivery where user_id = '" + fine + "' and status = 'SENT'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from delivery where user_id = '" + failing
                        + "' and status = 'PENDING' and attempts = 1 and next_attempt_at > now()"))
                .isEqualTo(1);
    }

    @Test
    void anEmailArrivesInTheSmtpServer() throws Exception {
        String member = onPanel();
        as(EngagementTokens.member(member))
                .body(Map.of(
                        "days",
                        java.util.List.of("MONDAY"),
                        "time",
                        "18:00",
                        "timeZone",
                        "Europe/Berlin",
                        "channels",
                        java.util.List.of("EMAIL"),
                        "enabled",
                        true))
                .put("/members/me/reminders")
                .then()
                .statusCode(200);
        as(EngagementTokens.clinician("clin-" + member))
                .body(Map.of("text", "About your sciatica"))
                .post("/care-team/members/{m}/messages", member)
                .then()
                .statusCode(201);
        deliveries.sendDue();
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(member + "@example.org") != null);
        MimeMessage mail = mailTo(member + "@example.org");
        assertThat(mail.getSubject()).contains("You have a new message").doesNotContain("sciatica");
        assertThat(mail.getContent().toString()).doesNotContain("sciatica");
    }

    static MimeMessage mailTo(String address) throws Exception {
        for (MimeMessage m : MailServer.greenMail().getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                return m;
            }
        }
        return null;
    }

    long count(String sql) throws Exception {
        try (var db = dataSource.getConnection();
                var r = db.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
