package org.limber.engagement.messaging.inbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.limber.engagement.EngagementTokens;
import org.limber.engagement.Fixtures;
import org.limber.engagement.PushEndpoint;
import org.limber.engagement.repository.EngagementRowsEraser;
import org.limber.events.privacy.MemberErased;
import org.limber.events.privacy.MemberErasureRequested;
import org.limber.events.privacy.PrivacyTopics;
import org.limber.testsupport.MemberRows;
import org.limber.testsupport.TestEvents;
import org.limber.testsupport.TopicReader;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * engagement-service's part of a member's erasure, on the real stack: the member's plan, sessions, reminder,
 * push subscription, messages and an alert with its escalation; routine's request; then a scan of every text
 * column of every table for the member's id, the report, and a repeat and a replay that change nothing.
 */
@QuarkusTest
class ErasureFlowTest {

    static final PushEndpoint.Subscriber BROWSER = new PushEndpoint.Subscriber();

    @Inject
    DataSource dataSource;

    private static void request(String memberId) {
        MemberErasureRequested request = new MemberErasureRequested(UUID.randomUUID(), Instant.now(), 1, memberId);
        TestEvents.send(List.of(new TestEvents.Outgoing(
                PrivacyTopics.ERASURE_REQUESTS, memberId, MemberErasureRequested.TYPE, request.eventId(), request)));
    }

    private static io.restassured.specification.RequestSpecification asMember(String memberId) {
        return given().auth()
                .oauth2(EngagementTokens.withProfile(memberId, "member", "Erin", "Erased", memberId + "@example.org"))
                .contentType(ContentType.JSON);
    }

    private long count(String sql, Object parameter) throws Exception {
        try (Connection db = dataSource.getConnection();
                PreparedStatement select = db.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private List<String> outboxTypes(String memberId) throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement select =
                        db.prepareStatement("select event_type from outbox_event where message_key = ?")) {
            select.setString(1, memberId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
        }
        return types;
    }

    @Test
    void anErasureDeletesEveryRowHoldingTheMemberReportsOnceAndAReplayRebuildsNothing() throws Exception {
        String memberId = Fixtures.newMember();
        String clinician = "clin-" + UUID.randomUUID();
        UUID alertId = UUID.randomUUID();
        Object[] events = {
            Fixtures.plan(memberId, 3),
            Fixtures.careTeam(memberId, clinician),
            Fixtures.session(memberId, Instant.now().minus(Duration.ofDays(1))),
            Fixtures.alert(memberId, alertId, "URGENT", clinician)
        };
        Fixtures.send(events);
        asMember(memberId)
                .body(Map.of(
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
                .put("/members/me/reminders")
                .then()
                .statusCode(200);
        asMember(memberId)
                .body(Map.of(
                        "endpoint",
                        "https://push.example.org/" + memberId,
                        "keys",
                        Map.of("p256dh", BROWSER.p256dh(), "auth", BROWSER.auth())))
                .post("/members/me/push-subscriptions")
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> asMember(memberId)
                        .body(Map.of("text", "The bridge felt easier today"))
                        .post("/members/me/messages")
                        .then()
                        .statusCode(org.hamcrest.Matchers.lessThan(300)));
        List<String> expected = List.of(
                "member_plan", "member_session", "reminder", "push_subscription", "message", "alert", "contact");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        assertThat(MemberRows.tables(dataSource, memberId)).containsAll(expected));
        assertThat(EngagementRowsEraser.tables()).containsAll(expected);

        try (TopicReader reports = new TopicReader(PrivacyTopics.ERASURE_REPORTS)) {
            request(memberId);
            ConsumerRecord<String, String> report = reports.await(
                    r -> memberId.equals(r.key()) && MemberErased.TYPE.equals(TopicReader.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            MemberErased erased = TestEvents.JSON.readValue(report.value(), MemberErased.class);
            assertThat(erased.service()).isEqualTo("engagement");

            assertThat(MemberRows.holding(dataSource, memberId).keySet()).allMatch(c -> c.startsWith("outbox_event."));
            assertThat(outboxTypes(memberId)).containsOnly(MemberErased.TYPE);
            assertThat(count("select count(*) from escalation where alert_id = ?", alertId))
                    .isZero();

            // A token issued before the account went writes nothing back.
            asMember(memberId)
                    .body(Map.of("text", "still here?"))
                    .post("/members/me/messages")
                    .then()
                    .statusCode(403);
            request(memberId);
            Fixtures.send(events);
            List<ConsumerRecord<String, String>> later = reports.readFor(Duration.ofSeconds(5)).stream()
                    .filter(r -> memberId.equals(r.key()))
                    .toList();
            assertThat(later).hasSize(1);
        }
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                MemberRows.holding(dataSource, memberId).keySet())
                        .allMatch(c -> c.startsWith("outbox_event.")));
        assertThat(count("select count(*) from alert where alert_id = ?", alertId))
                .isZero();
    }
}
