package org.limber.progress.rest;

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
import org.junit.jupiter.api.Test;

import org.limber.events.member.CareAlertRaised;
import org.limber.events.member.MemberNeedsReview;
import org.limber.events.member.ProgressTopics;
import org.limber.progress.domain.AlertKind;
import org.limber.progress.domain.RaisedAlert;
import org.limber.progress.service.AlertScheduler;
import org.limber.testsupport.TestEvents;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.limber.progress.MemberEventFixtures.admin;
import static org.limber.progress.MemberEventFixtures.clinician;
import static org.limber.progress.MemberEventFixtures.member;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;

/**
 * Issue 20: an acknowledged alert is put in front of the clinician again by a new occurrence (item 4),
 * and the review alerts of a plan that cannot regress, an overdue clearance and no response by the
 * review point (item 5), on the real broker and database, read through the clinician's API.
 */
@QuarkusTest
class AlertOccurrencesTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AlertScheduler scheduler;

    private static JsonPath alerts(String clinicianId, String query) {
        return clinician(clinicianId)
                .get("/care-team/alerts?size=100" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> only(String clinicianId, String kind) {
        List<Map<String, Object>> items = alerts(clinicianId, "&kind=" + kind).getList("items");
        assertThat(items).as(kind).hasSize(1);
        return items.get(0);
    }

    private static void acknowledge(String clinicianId, Object alertId, String note) {
        clinician(clinicianId)
                .body(Map.of("note", note))
                .post("/care-team/alerts/" + alertId + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
    }

    private static int sessions(String memberId) {
        return member(memberId).get("/members/me/sessions").jsonPath().getInt("total");
    }

    private static List<CareAlertRaised> published(List<ConsumerRecord<String, String>> records, String memberId) {
        return records.stream()
                .filter(r -> memberId.equals(r.key()))
                // The topic carries acknowledgements and resolutions too: each record's type is its ce_type.
                .filter(r -> CareAlertRaised.TYPE.equals(TopicReader.header(r, "ce_type")))
                .map(r -> {
                    try {
                        return TestEvents.JSON.readValue(r.value(), CareAlertRaised.class);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void aPainOfNineWeeksAfterAnAcknowledgedPainOfEightReopensTheAlert() {
        String c = "clin-" + newMember();
        String m = newMember();
        Instant now = Instant.now();
        try (TopicReader topic = new TopicReader(ProgressTopics.CARE_ALERTS)) {
            send(
                    plan(m, 1, 3, 5, c, TODAY.minusDays(30)),
                    session(m, now.minus(20, ChronoUnit.DAYS), 5, 8, 6, "TOO_HARD"));
            await().atMost(WAIT)
                    .until(() -> alerts(c, "&kind=HIGH_PAIN&status=OPEN").getInt("total") == 1);
            Map<String, Object> first = only(c, "HIGH_PAIN");
            assertThat(first).containsEntry("occurrences", 1).containsEntry("reopenedAt", null);
            acknowledge(c, first.get("id"), "Called: a hard day, resting");

            var later = session(m, now, 6, 9, 7, "TOO_HARD");
            send(later);
            await().atMost(WAIT)
                    .until(() -> alerts(c, "&kind=HIGH_PAIN&status=OPEN").getInt("total") == 1);
            Map<String, Object> reopened = only(c, "HIGH_PAIN");
            assertThat(reopened)
                    .containsEntry("id", first.get("id"))
                    .containsEntry("status", "OPEN")
                    .containsEntry("occurrences", 2)
                    // The acknowledgement before stays readable beside the reopening.
                    .containsEntry("acknowledgedBy", c)
                    .containsEntry("acknowledgeNote", "Called: a hard day, resting");
            assertThat(reopened.get("reopenedAt")).isNotNull();
            assertThat(Instant.parse((String) reopened.get("lastOccurredAt")))
                    .isAfter(Instant.parse((String) first.get("lastOccurredAt")));
            clinician(c).get("/care-team/panel").then().body("items[0].openAlerts", equalTo(List.of("HIGH_PAIN:HIGH")));

            // Published again: the same alert, reopened, with its count; the first publication was the new alert.
            topic.await(r -> m.equals(r.key()) && r.value().contains("\"reopened\":true"), WAIT);
            topic.holdsFor(
                    Duration.ofSeconds(2),
                    records -> assertThat(published(records, m))
                            .extracting(
                                    e -> e.alertId().toString(),
                                    CareAlertRaised::kind,
                                    CareAlertRaised::occurrences,
                                    CareAlertRaised::reopened)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple(first.get("id"), "HIGH_PAIN", 1, false),
                                    org.assertj.core.groups.Tuple.tuple(first.get("id"), "HIGH_PAIN", 2, true)));

            // The same session again changes nothing; acknowledged again, it stays so.
            acknowledge(c, first.get("id"), "Seen the pain of 9, plan tailored");
            send(later, session(m, now.plusSeconds(1), 2, 2, 2, "JUST_RIGHT"));
            await().atMost(WAIT).until(() -> sessions(m) == 3);
            assertThat(only(c, "HIGH_PAIN"))
                    .containsEntry("status", "ACKNOWLEDGED")
                    .containsEntry("occurrences", 2);
        }
    }

    static MemberNeedsReview review(String memberId, String clinician, String code, String text) {
        return new MemberNeedsReview(
                UUID.randomUUID(),
                Instant.now(),
                1,
                memberId,
                UUID.randomUUID(),
                true,
                List.of(new MemberNeedsReview.Reason(code, text)),
                clinician);
    }

    @Test
    void aHoldThatCannotRegressAndAnOverdueClearanceRaiseTheirOwnReviewAlerts() {
        String c = "clin-" + newMember();
        String m = newMember();
        String unassigned = newMember();
        var cannotRegress = review(m, c, "CANNOT_REGRESS", "Pain during sessions above 5 and nothing easier left.");
        send(
                plan(m, 1, 3, 6, c, TODAY.minusDays(20)),
                cannotRegress,
                review(m, c, "CLEARANCE_OVERDUE", "Awaiting surgical clearance for 15 days."),
                review(m, c, "INFLAMMATORY_BACK_PAIN", "Morning stiffness over 30 minutes."),
                review(unassigned, null, "CLEARANCE_OVERDUE", "Awaiting surgical clearance for 20 days."));
        await().atMost(WAIT).until(() -> alerts(c, "").getInt("total") == 3);
        assertThat(alerts(c, "").<String>getList("items.kind"))
                .containsExactlyInAnyOrder("CANNOT_REGRESS", "CLEARANCE_OVERDUE", "NEEDS_REVIEW");
        Map<String, Object> hold = only(c, "CANNOT_REGRESS");
        assertThat(hold)
                .containsEntry("severity", "HIGH")
                .containsEntry(
                        "details", List.of("CANNOT_REGRESS: Pain during sessions above 5 and nothing easier left."));
        assertThat(only(c, "CLEARANCE_OVERDUE")).containsEntry("severity", "HIGH");
        assertThat(only(c, "NEEDS_REVIEW"))
                .containsEntry("details", List.of("INFLAMMATORY_BACK_PAIN: Morning stiffness over 30 minutes."));
        // Without a clinician it waits in triage, as every HIGH alert does.
        await().atMost(WAIT)
                .until(() -> admin("admin-1")
                        .get("/care-team/triage?size=100")
                        .jsonPath()
                        .<String>getList("items.findAll { it.memberId == '" + unassigned + "' }.kind")
                        .equals(List.of("CLEARANCE_OVERDUE")));

        // Acknowledged, the same event again (a redelivery) changes nothing...
        acknowledge(c, hold.get("id"), "Will tailor at Thursday's call");
        send(cannotRegress, session(m, Instant.now(), 6, 6, 6, "TOO_HARD"));
        await().atMost(WAIT).until(() -> sessions(m) == 1);
        assertThat(only(c, "CANNOT_REGRESS"))
                .containsEntry("status", "ACKNOWLEDGED")
                .containsEntry("occurrences", 1);
        // ...the next week's finding reopens it.
        send(review(m, c, "CANNOT_REGRESS", "Still above 5 a week later."));
        await().atMost(WAIT)
                .until(() -> alerts(c, "&kind=CANNOT_REGRESS&status=OPEN").getInt("total") == 1);
        assertThat(only(c, "CANNOT_REGRESS"))
                .containsEntry("id", hold.get("id"))
                .containsEntry("occurrences", 2)
                .containsEntry("details", List.of("CANNOT_REGRESS: Still above 5 a week later."));
    }

    @Test
    void noMeaningfulChangeByWeekSixToEightRaisesNoResponseOncePerMember() {
        String c = "clin-" + newMember();
        String still = newMember(); // week 6, pain 5 from a baseline of 6
        String better = newMember(); // week 7, pain 3 from 6
        String gone = newMember(); // week 8, no session in the last 14 days
        String early = newMember(); // week 5
        String late = newMember(); // week 9
        // One in the morning of today (UTC): both evaluations below fall on the same day whenever the test runs,
        // so no member's plan week changes between them (a run at 23:16 once crossed midnight).
        Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC); // the day the rules are evaluated on, below
        send(
                plan(still, 1, 3, 6, c, today.minusDays(35)),
                session(still, now.minus(1, ChronoUnit.DAYS), 5, 4, 5, "JUST_RIGHT"),
                session(still, now.minus(3, ChronoUnit.DAYS), 5, 4, 5, "JUST_RIGHT"),
                plan(better, 1, 3, 6, c, today.minusDays(45)),
                session(better, now.minus(1, ChronoUnit.DAYS), 3, 3, 3, "JUST_RIGHT"),
                session(better, now.minus(4, ChronoUnit.DAYS), 3, 3, 3, "JUST_RIGHT"),
                plan(gone, 1, 3, 6, c, today.minusDays(55)),
                session(gone, now.minus(20, ChronoUnit.DAYS), 2, 2, 2, "JUST_RIGHT"),
                plan(early, 1, 3, 6, c, today.minusDays(34)),
                session(early, now.minus(1, ChronoUnit.DAYS), 6, 4, 5, "JUST_RIGHT"),
                session(early, now.minus(2, ChronoUnit.DAYS), 6, 4, 5, "JUST_RIGHT"),
                plan(late, 1, 3, 6, c, today.minusDays(56)),
                session(late, now.minus(1, ChronoUnit.DAYS), 6, 4, 5, "JUST_RIGHT"),
                session(late, now.minus(2, ChronoUnit.DAYS), 6, 4, 5, "JUST_RIGHT"));
        await().atMost(WAIT)
                .until(() -> sessions(still) == 2
                        && sessions(better) == 2
                        && sessions(gone) == 1
                        && sessions(early) == 2
                        && sessions(late) == 2);
        List<String> mine = List.of(still, better, gone, early, late);
        List<RaisedAlert> first = scheduler.evaluate(now);
        assertThat(first)
                .filteredOn(a -> a.kind() == AlertKind.NO_RESPONSE && mine.contains(a.memberId()))
                .extracting(RaisedAlert::memberId)
                .containsExactlyInAnyOrder(still, gone);
        assertThat(scheduler.evaluate(now.plus(1, ChronoUnit.HOURS)))
                .filteredOn(a -> a.kind() == AlertKind.NO_RESPONSE && mine.contains(a.memberId()))
                .isEmpty();
        JsonPath noResponse = alerts(c, "&kind=NO_RESPONSE");
        assertThat(noResponse.<String>getList("items.memberId")).containsExactlyInAnyOrder(still, gone);
        assertThat(noResponse.<String>getList("items.severity")).containsOnly("HIGH");
        assertThat(noResponse.<List<String>>getList("items.details"))
                .contains(
                        List.of(
                                "NO_MEANINGFUL_CHANGE: baseline pain 6; mean pain before sessions 5.0 over the last 14 days (2 sessions)"),
                        List.of(
                                "TOO_FEW_SESSIONS: baseline pain 6; 0 sessions in the last 14 days, too few to show a change"));
    }
}
