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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.events.member.CareAlertRaised;
import org.limber.events.member.ProgressTopics;
import org.limber.progress.domain.AlertKind;
import org.limber.progress.domain.RaisedAlert;
import org.limber.progress.service.AlertScheduler;
import org.limber.testsupport.TestClock;
import org.limber.testsupport.TestEvents;
import org.limber.testsupport.Tokens;
import org.limber.testsupport.TopicReader;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.limber.progress.MemberEventFixtures.clinician;
import static org.limber.progress.MemberEventFixtures.member;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.referred;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;

/** Alerts, the panel and access rules, on the real broker and database. */
@QuarkusTest
class CareTeamResourceTest {

    /**
     * The service's clock runs from noon (UTC) of today while each test runs, and the test takes "now" from it:
     * an hour or two ago is today, after the plan's start, whatever the hour the test runs at.
     */
    static final Instant NOON = TestClock.noonToday();

    static final LocalDate TODAY = LocalDate.ofInstant(NOON, ZoneOffset.UTC);

    @Inject
    AlertScheduler scheduler;

    @Inject
    TestClock clock;

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

    private static void awaitAlerts(String clinicianId, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> alerts(clinicianId, "").getInt("total") == count);
    }

    @Test
    void everySessionAndIntakeRuleFiresOnceAndOnlyOnce() throws Exception {
        String c = "clin-" + newMember();
        String pain = newMember();
        String redFlag = newMember();
        String rising = newMember();
        String referral = newMember();
        Instant now = clock.instant();
        try (TopicReader topic = new TopicReader(ProgressTopics.CARE_ALERTS)) {
            send(
                    plan(pain, 1, 3, 5, c, TODAY),
                    session(pain, now, 5, 8, 6, "TOO_HARD"),
                    // A second high-pain session: the alert of that kind is still open, so no second one.
                    session(pain, now.minus(1, ChronoUnit.HOURS), 4, 9, 5, "TOO_HARD"),
                    plan(redFlag, 1, 3, 4, c, TODAY),
                    session(redFlag, now, 3, 3, 3, "JUST_RIGHT", "SADDLE_NUMBNESS"),
                    plan(rising, 1, 3, 3, c, TODAY),
                    session(rising, now, 5, 4, 4, "JUST_RIGHT"),
                    session(rising, now.minus(2, ChronoUnit.HOURS), 6, 4, 4, "JUST_RIGHT"),
                    plan(referral, 1, 3, 3, c, TODAY.minusDays(1)),
                    referred(referral));
            var redelivered = referred(referral);
            awaitAlerts(c, 4);
            JsonPath all = alerts(c, "");
            assertThat(all.getList("items.kind"))
                    .containsExactlyInAnyOrder("HIGH_PAIN", "RED_FLAG_SYMPTOM", "PAIN_ABOVE_BASELINE", "REFERRAL");
            // Saddle numbness is a sign of cauda equina: EMERGENCY_TODAY in the safety advice, so EMERGENCY.
            assertThat(all.getString("items.find { it.kind == 'RED_FLAG_SYMPTOM' }.severity"))
                    .isEqualTo("EMERGENCY");
            assertThat(all.getString("items.find { it.kind == 'RED_FLAG_SYMPTOM' }.memberId"))
                    .isEqualTo(redFlag);
            assertThat(all.getString("items.find { it.kind == 'PAIN_ABOVE_BASELINE' }.memberId"))
                    .isEqualTo(rising);
            assertThat(all.getString("items.find { it.kind == 'REFERRAL' }.severity"))
                    .isEqualTo("EMERGENCY");
            assertThat(all.getList("items.severity").subList(0, 2)).containsOnly("EMERGENCY");

            // Every raised alert was published once for notification systems.
            for (String m : List.of(pain, redFlag, rising, referral)) {
                var record = topic.await(r -> m.equals(r.key()), Duration.ofSeconds(30));
                assertThat(TopicReader.header(record, "ce_type")).isEqualTo(CareAlertRaised.TYPE);
                assertThat(TestEvents.JSON
                                .readValue(record.value(), CareAlertRaised.class)
                                .clinicianId())
                        .isEqualTo(c);
            }
            topic.holdsFor(
                    Duration.ofSeconds(2),
                    records -> assertThat(records)
                            .filteredOn(r ->
                                    List.of(pain, redFlag, rising, referral).contains(r.key()))
                            .hasSize(4));
        }
    }

    @Test
    void timeBasedRulesFireOnceEvenWhenEvaluatedTwice() {
        String c = "clin-" + newMember();
        String idle = newMember();
        String lapsed = newMember();
        send(
                plan(idle, 1, 3, 4, c, TODAY.minusDays(20)),
                session(idle, clock.instant().minus(10, ChronoUnit.DAYS), 3, 3, 3, "JUST_RIGHT"),
                plan(lapsed, 1, 4, 4, c, TODAY.minusDays(30)),
                session(lapsed, clock.instant().minus(1, ChronoUnit.HOURS), 3, 3, 3, "JUST_RIGHT"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> clinician(c).get("/care-team/panel").jsonPath().getInt("total") == 2
                        && member(lapsed).get("/members/me/sessions").jsonPath().getInt("total") == 1);
        List<RaisedAlert> first = scheduler.evaluate(clock.instant());
        List<RaisedAlert> second = scheduler.evaluate(clock.instant());
        assertThat(first)
                .filteredOn(a -> a.memberId().equals(idle))
                .extracting(RaisedAlert::kind)
                .containsExactlyInAnyOrder(AlertKind.INACTIVE, AlertKind.LOW_ADHERENCE);
        assertThat(first)
                .filteredOn(a -> a.memberId().equals(lapsed))
                .extracting(RaisedAlert::kind)
                .containsExactly(AlertKind.LOW_ADHERENCE);
        assertThat(second)
                .filteredOn(a -> a.memberId().equals(idle) || a.memberId().equals(lapsed))
                .isEmpty();
        // A new session resolves the inactivity alert.
        send(session(idle, clock.instant(), 3, 3, 3, "JUST_RIGHT"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> alerts(c, "&kind=INACTIVE&status=RESOLVED").getInt("total") == 1);
    }

    @Test
    void onlyANewSessionAfterTheInactivityResolvesIt() {
        String c = "clin-" + newMember();
        String idle = newMember();
        Instant lastActivity = clock.instant().minus(10, ChronoUnit.DAYS);
        var last = session(idle, lastActivity, 3, 3, 3, "JUST_RIGHT");
        send(plan(idle, 1, 3, 4, c, TODAY.minusDays(20)), last);
        await().atMost(Duration.ofSeconds(30)).until(() -> sessions(idle) == 1);
        assertThat(scheduler.evaluate(clock.instant()))
                .filteredOn(a -> a.memberId().equals(idle))
                .extracting(RaisedAlert::kind)
                .contains(AlertKind.INACTIVE);
        // The same session again (a replay) and a late one from before the inactivity change nothing.
        send(last, session(idle, lastActivity.minus(2, ChronoUnit.DAYS), 3, 3, 3, "JUST_RIGHT"));
        await().atMost(Duration.ofSeconds(30)).until(() -> sessions(idle) == 2);
        assertThat(alerts(c, "&kind=INACTIVE&status=OPEN").getInt("total")).isEqualTo(1);
        assertThat(scheduler.evaluate(clock.instant()))
                .filteredOn(a -> a.memberId().equals(idle))
                .isEmpty();
        // A session performed after the inactivity began resolves it.
        send(session(idle, clock.instant(), 3, 3, 3, "JUST_RIGHT"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> alerts(c, "&kind=INACTIVE&status=RESOLVED").getInt("total") == 1);
    }

    private static int sessions(String memberId) {
        return member(memberId)
                .get("/members/me/sessions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("total");
    }

    @Test
    void thePanelPutsUrgentFirstThenWorseningPainThenInactivity() {
        String c = "clin-" + newMember();
        String fine = newMember();
        String idle = newMember();
        String worse = newMember();
        String urgent = newMember();
        String emergency = newMember();
        Instant now = clock.instant();
        send(
                plan(emergency, 1, 3, 5, c, TODAY),
                session(emergency, now, 3, 3, 3, "JUST_RIGHT", "BOTH_LEGS_NUMB_OR_WEAK"),
                plan(fine, 1, 3, 5, c, TODAY),
                session(fine, now, 3, 3, 3, "JUST_RIGHT"),
                plan(idle, 1, 3, 5, c, TODAY.minusDays(20)),
                session(idle, now.minus(12, ChronoUnit.DAYS), 5, 5, 5, "JUST_RIGHT"),
                plan(worse, 1, 3, 3, c, TODAY),
                session(worse, now, 6, 5, 5, "JUST_RIGHT"),
                plan(urgent, 1, 3, 5, c, TODAY),
                session(urgent, now, 3, 3, 3, "JUST_RIGHT", "WORSENING_LEG_WEAKNESS"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> clinician(c).get("/care-team/panel").jsonPath().getInt("total") == 5
                        && alerts(c, "&kind=RED_FLAG_SYMPTOM").getInt("total") == 2);
        clinician(c)
                .get("/care-team/panel")
                .then()
                .statusCode(200)
                // Both legs numb or weak is a sign of cauda equina (EMERGENCY), before a worsening leg (URGENT).
                .body("items.memberId", equalTo(List.of(emergency, urgent, worse, idle, fine)))
                .body("items[0].openAlerts", equalTo(List.of("RED_FLAG_SYMPTOM:EMERGENCY")))
                .body("items[1].openAlerts", equalTo(List.of("RED_FLAG_SYMPTOM:URGENT")));
        clinician(c)
                .get("/care-team/panel?alertKind=RED_FLAG_SYMPTOM")
                .then()
                .body("items.memberId", equalTo(List.of(emergency, urgent)));
        clinician(c)
                .get("/care-team/panel?alertKind=NOPE")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("alertKind"));
    }

    @Test
    void alertsAreAcknowledgedWithANoteThenResolved() {
        String c = "clin-" + newMember();
        String m = newMember();
        send(plan(m, 1, 3, 5, c, TODAY), session(m, clock.instant(), 8, 8, 8, "TOO_HARD"));
        awaitAlerts(c, 1);
        String id = alerts(c, "").getString("items[0].id");
        clinician("someone-else")
                .body(Map.of("note", "x"))
                .post("/care-team/alerts/" + id + "/acknowledge")
                .then()
                .statusCode(403);
        clinician(c)
                .body(Map.of())
                .post("/care-team/alerts/" + id + "/acknowledge")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
        clinician(c)
                .body(Map.of("note", "Called, resting today"))
                .post("/care-team/alerts/" + id + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo(c))
                .body("acknowledgeNote", equalTo("Called, resting today"));
        clinician(c)
                .body(Map.of("note", "again"))
                .post("/care-team/alerts/" + id + "/acknowledge")
                .then()
                .statusCode(409);
        clinician(c)
                .body(Map.of("note", "Pain settled"))
                .post("/care-team/alerts/" + id + "/resolve")
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"));
        // Once resolved, a new high-pain session raises a new alert.
        send(session(m, clock.instant(), 7, 7, 7, "TOO_HARD"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> alerts(c, "&status=OPEN&kind=HIGH_PAIN").getInt("total") == 1);
        clinician(c)
                .body(Map.of("note", "x"))
                .post("/care-team/alerts/" + UUID.randomUUID() + "/resolve")
                .then()
                .statusCode(404);
    }

    @Test
    void membersSeeOnlyThemselvesAndCliniciansOnlyTheirPanel() {
        String c = "clin-" + newMember();
        String a = newMember();
        String b = newMember();
        send(plan(a, 1, 3, 5, c, TODAY), session(a, clock.instant(), 4, 4, 4, "JUST_RIGHT"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> member(a).get("/members/me/sessions").jsonPath().getInt("total") == 1);
        member(b).get("/members/me/progress").then().statusCode(404);
        member(b).get("/members/me/sessions").then().statusCode(200).body("total", equalTo(0));
        clinician(c).get("/members/" + a + "/progress").then().statusCode(200).body("memberId", equalTo(a));
        clinician("other-clinician").get("/members/" + a + "/progress").then().statusCode(403);
        clinician("other-clinician").get("/members/" + b + "/progress").then().statusCode(403);
        clinician(c)
                .get("/members/" + a + "/sessions")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].painBefore", equalTo(4));
        clinician("other-clinician").get("/members/" + a + "/sessions").then().statusCode(403);
        member(a).get("/members/" + a + "/sessions").then().statusCode(403);
        member(b).get("/members/" + a + "/progress").then().statusCode(403);
        given().get("/members/me/progress").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.clinician(c))
                .get("/reports/outcomes")
                .then()
                .statusCode(403);
    }
}
