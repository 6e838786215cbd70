package org.limber.progress.messaging.outbound;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.events.member.CareAlertAcknowledged;
import org.limber.events.member.CareAlertRaised;
import org.limber.events.member.CareAlertResolved;
import org.limber.events.member.ProgressTopics;
import org.limber.progress.domain.AlertKind;
import org.limber.progress.service.AlertScheduler;
import org.limber.testsupport.TestClock;
import org.limber.testsupport.TestEvents;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.limber.progress.MemberEventFixtures.clinician;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;
import static org.limber.progress.MemberEventFixtures.symptoms;

/**
 * The alert's acknowledgement and resolution are published on {@code progress.care-alerts} once each (so that
 * engagement-service stops escalating), by a clinician and by a rule; and a sign of cauda equina raises an
 * EMERGENCY alert. Real PostgreSQL, broker and relay.
 */
@QuarkusTest
class AlertStatusEventsTest {

    static final Instant NOON = TestClock.noonToday();
    static final LocalDate TODAY = LocalDate.ofInstant(NOON, ZoneOffset.UTC);
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @Inject
    AlertScheduler scheduler;

    @BeforeEach
    void noon() {
        clock.runFrom(NOON);
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    private static JsonPath alerts(String clinicianId, String query) {
        return clinician(clinicianId)
                .get("/care-team/alerts?size=100" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void act(String clinicianId, String alertId, String action, int status) {
        clinician(clinicianId)
                .body(Map.of("note", "Called the member"))
                .post("/care-team/alerts/" + alertId + "/" + action)
                .then()
                .statusCode(status);
    }

    private static List<ConsumerRecord<String, String>> ofType(
            List<ConsumerRecord<String, String>> records, String member, String type) {
        return records.stream()
                .filter(r -> member.equals(r.key()) && type.equals(TopicReader.header(r, "ce_type")))
                .toList();
    }

    @Test
    void aClinicianAcknowledgingThenResolvingPublishesEachOnce() throws Exception {
        String c = "clin-" + newMember();
        String m = newMember();
        try (TopicReader topic = new TopicReader(ProgressTopics.CARE_ALERTS)) {
            send(plan(m, 1, 3, 5, c, TODAY), session(m, clock.instant(), 8, 8, 8, "TOO_HARD"));
            await().atMost(WAIT).until(() -> alerts(c, "").getInt("total") == 1);
            String id = alerts(c, "").getString("items[0].id");
            act(c, id, "acknowledge", 200);
            act(c, id, "acknowledge", 409); // acknowledged already: no second event
            act("someone-else", id, "resolve", 403); // not theirs: no event
            act(c, id, "resolve", 200);
            act(c, id, "resolve", 409);

            var acknowledged = topic.await(
                    r -> m.equals(r.key()) && CareAlertAcknowledged.TYPE.equals(TopicReader.header(r, "ce_type")),
                    WAIT);
            CareAlertAcknowledged ack = TestEvents.JSON.readValue(acknowledged.value(), CareAlertAcknowledged.class);
            assertThat(ack.alertId()).isEqualTo(UUID.fromString(id));
            assertThat(ack.memberId()).isEqualTo(m);
            assertThat(ack.acknowledgedBy()).isEqualTo(c);
            assertThat(ack.acknowledgedAt()).isNotNull();
            assertThat(ack.schemaVersion()).isEqualTo(CareAlertAcknowledged.SCHEMA_VERSION);
            var resolvedRecord = topic.await(
                    r -> m.equals(r.key()) && CareAlertResolved.TYPE.equals(TopicReader.header(r, "ce_type")), WAIT);
            CareAlertResolved resolved = TestEvents.JSON.readValue(resolvedRecord.value(), CareAlertResolved.class);
            assertThat(resolved.alertId()).isEqualTo(UUID.fromString(id));
            assertThat(resolved.resolvedBy()).isEqualTo(c);
            assertThat(resolved.resolvedAt()).isNotNull();
            topic.holdsFor(Duration.ofSeconds(3), records -> {
                assertThat(ofType(records, m, CareAlertRaised.TYPE)).hasSize(1);
                assertThat(ofType(records, m, CareAlertAcknowledged.TYPE)).hasSize(1);
                assertThat(ofType(records, m, CareAlertResolved.TYPE)).hasSize(1);
            });
        }
    }

    @Test
    void anInactivityEndedByASessionIsPublishedResolvedOnceByNoOne() throws Exception {
        String c = "clin-" + newMember();
        String m = newMember();
        try (TopicReader topic = new TopicReader(ProgressTopics.CARE_ALERTS)) {
            send(
                    plan(m, 1, 3, 4, c, TODAY.minusDays(20)),
                    session(m, clock.instant().minus(10, ChronoUnit.DAYS), 3, 3, 3, "JUST_RIGHT"));
            await().atMost(WAIT)
                    .until(() -> clinician(c).get("/care-team/panel").jsonPath().getInt("total") == 1);
            assertThat(scheduler.evaluate(clock.instant()))
                    .filteredOn(a -> a.memberId().equals(m) && a.kind() == AlertKind.INACTIVE)
                    .hasSize(1);
            String id = alerts(c, "&kind=INACTIVE").getString("items[0].id");
            var today = session(m, clock.instant(), 3, 3, 3, "JUST_RIGHT");
            send(today, today); // the same session twice resolves it once
            var record = topic.await(
                    r -> m.equals(r.key()) && CareAlertResolved.TYPE.equals(TopicReader.header(r, "ce_type")), WAIT);
            CareAlertResolved resolved = TestEvents.JSON.readValue(record.value(), CareAlertResolved.class);
            assertThat(resolved.alertId()).isEqualTo(UUID.fromString(id));
            assertThat(resolved.resolvedBy()).as("a rule resolved it").isNull();
            topic.holdsFor(
                    Duration.ofSeconds(3),
                    records -> assertThat(ofType(records, m, CareAlertResolved.TYPE))
                            .hasSize(1));
            assertThat(alerts(c, "&kind=INACTIVE&status=RESOLVED").getInt("total"))
                    .isEqualTo(1);
        }
    }

    @Test
    void signsOfCaudaEquinaRaiseAnEmergencyPublishedAndListedBeforeUrgent() throws Exception {
        String c = "clin-" + newMember();
        String urgent = newMember();
        String emergency = newMember();
        try (TopicReader topic = new TopicReader(ProgressTopics.CARE_ALERTS)) {
            send(plan(urgent, 1, 3, 5, c, TODAY), plan(emergency, 1, 3, 5, c, TODAY), symptoms(urgent, "FOOT_DROP"));
            await().atMost(WAIT).until(() -> alerts(c, "").getInt("total") == 1);
            // Raised later, yet listed first: bladder or bowel control is a sign of cauda equina.
            send(symptoms(emergency, "FOOT_DROP", "BLADDER_OR_BOWEL_CONTROL"));
            await().atMost(WAIT).until(() -> alerts(c, "").getInt("total") == 2);
            JsonPath all = alerts(c, "");
            assertThat(all.getList("items.memberId")).containsExactly(emergency, urgent);
            assertThat(all.getList("items.severity")).containsExactly("EMERGENCY", "URGENT");
            var record = topic.await(
                    r -> emergency.equals(r.key()) && CareAlertRaised.TYPE.equals(TopicReader.header(r, "ce_type")),
                    WAIT);
            assertThat(TestEvents.JSON
                            .readValue(record.value(), CareAlertRaised.class)
                            .severity())
                    .isEqualTo("EMERGENCY");
        }
    }
}
