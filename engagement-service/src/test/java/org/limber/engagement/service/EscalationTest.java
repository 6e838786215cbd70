package org.limber.engagement.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.limber.engagement.EngagementTokens;
import org.limber.engagement.Fixtures;
import org.limber.engagement.PushEndpoint;
import org.limber.testsupport.TestClock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Urgent alerts on a real broker and database: notified at once, escalated to triage and admins when nobody
 * acknowledges them (the service's clock moved on), not escalated once acknowledged; escalations served to the
 * member's clinician and refused (404) to another.
 */
@QuarkusTest
class EscalationTest {

    static final PushEndpoint PUSH = new PushEndpoint();

    @Inject
    TestClock clock;

    @Inject
    EscalationService escalations;

    @Inject
    DeliveryService deliveries;

    @Inject
    DataSource dataSource;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @AfterAll
    static void stop() {
        PUSH.close();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Staff that can be reached: a push subscription at the local endpoint (which also records their e-mail). */
    static void reachable(String token, String name) {
        PushEndpoint.Subscriber browser = new PushEndpoint.Subscriber();
        as(token)
                .body(Map.of(
                        "endpoint", PUSH.url(name), "keys", Map.of("p256dh", browser.p256dh(), "auth", browser.auth())))
                .post("/care-team/push-subscriptions")
                .then()
                .statusCode(201);
    }

    @Test
    void anUnacknowledgedUrgentAlertEscalatesTwice() throws Exception {
        String member = Fixtures.newMember();
        String clinician = "clin-" + member;
        reachable(EngagementTokens.clinician(clinician), clinician);
        reachable(EngagementTokens.clinician("triage-clinician"), "triage-" + member);
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        clock.fixAt(t0);
        UUID alert = UUID.randomUUID();
        Fixtures.send(Fixtures.careTeam(member, clinician), Fixtures.alert(member, alert, "URGENT", clinician));
        await().atMost(Duration.ofSeconds(60)).until(() -> steps(alert) == 1);
        as(EngagementTokens.clinician(clinician))
                .get("/care-team/alerts/{a}/escalations", alert)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].level", equalTo(0))
                .body("[0].notified", equalTo("CLINICIAN"))
                .body("[0].recipients", equalTo(1))
                .body("[0].channels", equalTo(List.of("EMAIL", "PUSH")));
        deliveries.sendDue();
        assertThat(PUSH.received(clinician)).hasSize(1);

        clock.fixAt(t0.plus(Duration.ofMinutes(14)));
        escalations.escalateDue();
        assertThat(steps(alert)).isEqualTo(1);
        clock.fixAt(t0.plus(Duration.ofMinutes(15)).plusSeconds(1));
        escalations.escalateDue();
        assertThat(steps(alert)).isEqualTo(2);
        clock.fixAt(t0.plus(Duration.ofMinutes(30)).plusSeconds(2));
        escalations.escalateDue();
        clock.fixAt(t0.plus(Duration.ofHours(3)));
        escalations.escalateDue();
        as(EngagementTokens.clinician(clinician))
                .get("/care-team/alerts/{a}/escalations", alert)
                .then()
                .statusCode(200)
                .body("size()", equalTo(3))
                .body("[1].notified", equalTo("TRIAGE_AND_ADMINS"))
                .body("[2].level", equalTo(2));
        deliveries.sendDue();
        assertThat(PUSH.received("triage-" + member)).hasSize(2);
        as(EngagementTokens.admin("an-admin"))
                .get("/care-team/escalations?memberId=" + member)
                .then()
                .statusCode(200)
                .body("size()", equalTo(3))
                .body("[0].alertId", equalTo(alert.toString()));
        as(EngagementTokens.clinician("another-clinician"))
                .get("/care-team/alerts/{a}/escalations", alert)
                .then()
                .statusCode(404);
        as(EngagementTokens.clinician("another-clinician"))
                .get("/care-team/escalations?memberId=" + member)
                .then()
                .statusCode(404);
    }

    @Test
    void anAcknowledgedAlertDoesNotEscalate() throws Exception {
        String member = Fixtures.newMember();
        String clinician = "clin-" + member;
        Instant t0 = Instant.parse("2026-12-02T10:00:00Z");
        clock.fixAt(t0);
        UUID alert = UUID.randomUUID();
        Fixtures.send(
                Fixtures.careTeam(member, clinician),
                Fixtures.alert(member, alert, "EMERGENCY", clinician),
                Fixtures.acknowledged(member, alert, clinician));
        await().atMost(Duration.ofSeconds(60)).until(() -> "ACKNOWLEDGED".equals(state(alert)));
        clock.fixAt(t0.plus(Duration.ofMinutes(20)));
        escalations.escalateDue();
        clock.fixAt(t0.plus(Duration.ofMinutes(40)));
        escalations.escalateDue();
        assertThat(steps(alert)).isEqualTo(1);
    }

    @Test
    void aHighAlertDoesNotEscalateAndNoClinicianMeansTriage() throws Exception {
        String member = Fixtures.newMember();
        UUID high = UUID.randomUUID();
        UUID triage = UUID.randomUUID();
        Fixtures.send(Fixtures.alert(member, high, "HIGH", null), Fixtures.alert(member, triage, "URGENT", null));
        await().atMost(Duration.ofSeconds(60)).until(() -> steps(triage) == 1);
        assertThat(steps(high)).isZero();
        as(EngagementTokens.clinician("any-clinician"))
                .get("/care-team/alerts/{a}/escalations", triage)
                .then()
                .statusCode(200)
                .body("[0].notified", equalTo("TRIAGE"));
        as(EngagementTokens.clinician("any-clinician"))
                .get("/care-team/alerts/{a}/escalations", high)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    long steps(UUID alert) throws Exception {
        try (Connection db = dataSource.getConnection();
                ResultSet r = db.createStatement()
                        .executeQuery("select count(*) from escalation where alert_id = '" + alert + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    String state(UUID alert) throws Exception {
        try (Connection db = dataSource.getConnection();
                ResultSet r =
                        db.createStatement().executeQuery("select state from alert where alert_id = '" + alert + "'")) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
