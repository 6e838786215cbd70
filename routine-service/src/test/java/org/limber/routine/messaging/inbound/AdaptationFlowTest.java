package org.limber.routine.messaging.inbound;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.events.member.MemberNeedsReview;
import org.limber.events.member.MemberTopics;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.ProgressAssessed;
import org.limber.events.member.ProgressTopics;
import org.limber.routine.Fixtures;
import org.limber.routine.domain.AssessmentRecord;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.repository.AdaptationRepository;
import org.limber.routine.repository.PlanRepository;
import org.limber.routine.service.AdaptationService;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.TestClock;
import org.limber.testsupport.TestEvents;
import org.limber.testsupport.Tokens;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.limber.routine.Fixtures.as;
import static org.limber.routine.Fixtures.intake;
import static org.limber.routine.Fixtures.member;
import static org.limber.routine.Fixtures.newMember;

/**
 * progress-service's assessments, on the real broker, adapting plans in the real database: the
 * assessments are the ones progress-service makes of such weeks (its own tests show it does).
 */
@QuarkusTest
class AdaptationFlowTest {

    /**
     * The service's clock runs from noon (UTC) of today while each test runs, and the test takes "now" from it: an
     * hour or two ago is today, after the plan's start, whatever the hour the test runs at.
     */
    static final Instant NOON = TestClock.noonToday();

    @Inject
    TestClock clock;

    @Inject
    CatalogReplica replica;

    @Inject
    AdaptationRepository adaptations;

    @Inject
    PlanRepository plans;

    @Inject
    AdaptationService adaptation;

    @Inject
    EntityManager em;

    String memberId;
    String clinician;

    @BeforeEach
    void memberWithAPlanOnAPanel() {
        clock.runFrom(NOON);
        Fixtures.catalogLoaded(replica);
        memberId = newMember();
        clinician = "clinician-" + memberId;
        Fixtures.planOnPanel(memberId, intake(), clinician);
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    static ProgressAssessed assessment(
            String memberId,
            int version,
            String trigger,
            int adherence,
            String trend,
            Integer latest,
            Integer worst,
            Double mean,
            ProgressAssessed.Effort effort,
            List<ProgressAssessed.Skip> skipped,
            List<String> redFlags) {
        UUID id = UUID.randomUUID();
        return new ProgressAssessed(
                id,
                // The service's own clock (from noon while these tests run): a week judged at the wall clock's time
                // in the morning would be judged hours before the plan it is about was made.
                Arc.container().instance(TestClock.class).get().instant(),
                1,
                memberId,
                id,
                version,
                LocalDate.ofInstant(NOON, ZoneOffset.UTC),
                trigger,
                "SAFETY_SIGNAL".equals(trigger) ? List.of("PAIN_DURING_ABOVE_5") : List.of(),
                5,
                3,
                3,
                adherence,
                trend,
                mean,
                latest,
                worst,
                effort,
                skipped,
                redFlags);
    }

    static ProgressAssessed easyWeek(String memberId, int version) {
        return assessment(
                memberId,
                version,
                "WEEK_COMPLETED",
                100,
                "FALLING",
                3,
                2,
                3.3,
                new ProgressAssessed.Effort(3, 0, 0),
                List.of(),
                List.of());
    }

    static void send(ProgressAssessed... assessments) {
        TestEvents.send(List.of(assessments).stream()
                .map(a -> new TestEvents.Outgoing(
                        ProgressTopics.ASSESSMENTS, a.memberId(), ProgressAssessed.TYPE, a.eventId(), a))
                .toList());
    }

    JsonPath plan() {
        return member(memberId)
                .get("/members/me/plan")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    JsonPath carePlan() {
        return as(Tokens.clinician(clinician))
                .get("/members/" + memberId + "/plan")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    AssessmentRecord awaitApplied(ProgressAssessed assessment) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> adaptations
                                .assessment(assessment.assessmentId())
                                .isPresent()));
        return QuarkusTransaction.requiringNew()
                .call(() -> adaptations.assessment(assessment.assessmentId()).orElseThrow());
    }

    /**
     * Moves the member's history {@code days} back, as if it had all happened that much earlier: plan versions (written
     * and started), intakes, plan changes, sessions and assessments received. A version must be in force for a week
     * before its week can count as done well, so a test of progression ages the plan first.
     */
    void age(String who, int days) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String sql : List.of(
                    "update plan set created_at = created_at - make_interval(days => ?1), start_date = start_date - ?1"
                            + " where member_id = ?2",
                    "update intake set submitted_at = submitted_at - make_interval(days => ?1) where member_id = ?2",
                    "update plan_change set created_at = created_at - make_interval(days => ?1) where member_id = ?2",
                    "update session_log set performed_at = performed_at - make_interval(days => ?1),"
                            + " received_at = received_at - make_interval(days => ?1) where member_id = ?2",
                    "update assessment_received set received_at = received_at - make_interval(days => ?1)"
                            + " where member_id = ?2")) {
                em.createNativeQuery(sql)
                        .setParameter(1, days)
                        .setParameter(2, who)
                        .executeUpdate();
            }
        });
    }

    /** Logs a session of today's plan session at {@code performedAt} with these pains. */
    void logSession(String who, Instant performedAt, int before, int during) {
        Map<String, Object> session = Fixtures.sessionDoingToday(who, performedAt);
        session.put("performedAt", performedAt.toString());
        session.put("painBefore", before);
        session.put("painDuring", during);
        session.put("painAfter", before);
        member(who).body(session).post("/members/me/sessions").then().statusCode(201);
    }

    /** The exercises of a version with their doses, in plan order. */
    List<String> slugs(String who, int version) {
        return QuarkusTransaction.requiringNew()
                .call(() -> plans.version(who, version).orElseThrow().proposal.sessions().stream()
                        .flatMap(x -> x.items().stream())
                        .map(i -> i.slug() + " " + i.dose())
                        .toList());
    }

    void logEasySessions(int count) {
        for (int i = 0; i < count; i++) {
            Map<String, Object> session =
                    Fixtures.sessionDoingToday(memberId, clock.instant().minus(count - i, ChronoUnit.MINUTES));
            session.put("effort", "TOO_EASY");
            session.put("painBefore", 4 - i);
            session.put("painDuring", 2);
            member(memberId).body(session).post("/members/me/sessions").then().statusCode(201);
        }
    }

    @Test
    void anEasyWeekWithPainFallingMakesTheNextVersionHarderOnceWithReasons() {
        age(memberId, 8);
        logEasySessions(3);
        ProgressAssessed week = easyWeek(memberId, 1);
        try (TopicReader events = new TopicReader(MemberTopics.EVENTS)) {
            send(week);
            assertThat(awaitApplied(week).decision).isEqualTo(AssessmentRecord.Decision.ADAPTED);
            JsonPath plan = plan();
            assertThat(plan.getInt("version")).isEqualTo(2);
            assertThat(plan.getString("source")).isEqualTo("ADAPTATION");

            JsonPath changes = member(memberId)
                    .get("/members/me/plan/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(changes.getInt("total")).isBetween(1, 2);
            assertThat(changes.getList("items.kind", String.class))
                    .allMatch(k -> k.equals("HARDER_VARIATION") || k.equals("MORE_DOSE"));
            assertThat(changes.getList("items.source", String.class)).containsOnly("ADAPTATION");
            assertThat(changes.getList("items.reason", String.class))
                    .allMatch(r ->
                            r.endsWith(": the week was done as planned, sessions felt too easy and pain is falling"));
            // Harder: each change's new item is in the plan now, in place of the old.
            for (int i = 0; i < changes.getInt("total"); i++) {
                String to = changes.getString("items[" + i + "].to.slug");
                assertThat(plan.getList("sessions.items.flatten().slug", String.class))
                        .contains(to);
            }

            // The new version is published like any other, so that progress-service follows the prescription.
            ConsumerRecord<String, String> assigned = events.await(
                    r -> memberId.equals(r.key())
                            && PlanAssigned.TYPE.equals(TopicReader.header(r, "ce_type"))
                            && r.value().contains("\"planVersion\":2"),
                    Duration.ofSeconds(30));
            assertThat(assigned.value()).contains("\"source\":\"ADAPTATION\"");

            // The same assessment again makes no second version.
            ProgressAssessed marker = assessment(
                    memberId,
                    1,
                    "WEEK_ENDED",
                    100,
                    "FALLING",
                    3,
                    2,
                    3.0,
                    new ProgressAssessed.Effort(0, 3, 0),
                    List.of(),
                    List.of());
            send(week, marker);
            assertThat(awaitApplied(marker).decision)
                    .as("version 1 is no longer in force")
                    .isEqualTo(AssessmentRecord.Decision.SUPERSEDED);
            assertThat(plan().getInt("version")).isEqualTo(2);
        }
    }

    @Test
    void painSixDuringASessionMakesAnEasierVersionBeforeTheWeekEnds() {
        ProgressAssessed early = assessment(
                memberId,
                1,
                "SAFETY_SIGNAL",
                33,
                "STABLE",
                5,
                6,
                5.0,
                new ProgressAssessed.Effort(0, 0, 1),
                List.of(),
                List.of());
        send(early);
        AssessmentRecord applied = awaitApplied(early);
        assertThat(applied.decision).isEqualTo(AssessmentRecord.Decision.ADAPTED);
        assertThat(applied.ruleId).isEqualTo("pain-during-too-high");
        JsonPath changes = member(memberId)
                .get("/members/me/plan/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(changes.getList("items.kind", String.class))
                .isNotEmpty()
                .allMatch(k -> k.equals("EASIER_VARIATION") || k.equals("LESS_DOSE"));
        assertThat(changes.getString("items[0].reason")).contains("pain during a session reached 6");
        assertThat(plan().getInt("version")).isEqualTo(2);
    }

    static ProgressAssessed settledWeek(String memberId, int version) {
        return assessment(
                memberId,
                version,
                "WEEK_COMPLETED",
                100,
                "FALLING",
                3,
                3,
                3.5,
                new ProgressAssessed.Effort(0, 3, 0),
                List.of(),
                List.of());
    }

    @Test
    void painOfSevenSwitchesToTheGentlePlanWhichEndsOnTwoSettledDaysAndTheUsualPlanComesBackGradually() {
        send(assessment(
                memberId,
                1,
                "SAFETY_SIGNAL",
                33,
                "RISING",
                7,
                5,
                7.0,
                new ProgressAssessed.Effort(0, 1, 0),
                List.of(),
                List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> plan().getInt("version") == 2);
        assertThat(carePlan().getBoolean("flare")).isTrue();
        assertThat(plan().getList("sessions.items.flatten().category", String.class))
                .allMatch(c ->
                        List.of("MOBILITY", "BREATHING", "STRETCH", "AEROBIC").contains(c));
        age(memberId, 2);

        // One settled session, one day: the flare goes on.
        logSession(memberId, clock.instant().minus(2, ChronoUnit.MINUTES), 3, 2);
        ProgressAssessed oneDay = settledWeek(memberId, 2);
        send(oneDay);
        AssessmentRecord goesOn = awaitApplied(oneDay);
        assertThat(goesOn.ruleId).isEqualTo("flare-continues");
        assertThat(goesOn.decision).isEqualTo(AssessmentRecord.Decision.HELD);

        // Settled the day before too: two days, the flare ends, and the usual plan comes back one step easier.
        logSession(memberId, clock.instant().minus(1, ChronoUnit.DAYS), 4, 5);
        ProgressAssessed twoDays = settledWeek(memberId, 2);
        send(twoDays);
        AssessmentRecord ended = awaitApplied(twoDays);
        assertThat(ended.ruleId).isEqualTo("flare-settled");
        assertThat(ended.resultVersion).isEqualTo(3);
        JsonPath weekAfter = carePlan();
        assertThat(weekAfter.getBoolean("flare")).isFalse();
        assertThat(weekAfter.getBoolean("afterFlare")).isTrue();
        assertThat(carePlan().getList("automaticChanges.kind", String.class))
                .contains("USUAL_PLAN")
                .containsAnyOf("EASIER_VARIATION", "LESS_DOSE");
        assertThat(slugs(memberId, 3)).isNotEqualTo(slugs(memberId, 1));

        // A week later, the week having gone well: the plan from before the flare, as it was.
        age(memberId, 8);
        ProgressAssessed aWeekOn = settledWeek(memberId, 3);
        send(aWeekOn);
        AssessmentRecord back = awaitApplied(aWeekOn);
        assertThat(back.ruleId).isEqualTo("back-to-usual-plan");
        assertThat(back.resultVersion).isEqualTo(4);
        assertThat(slugs(memberId, 4)).isEqualTo(slugs(memberId, 1));
        assertThat(carePlan().getBoolean("afterFlare")).isFalse();
    }

    @Test
    void aWeekCompletedOnAVersionUnderAWeekOldDoesNotMakeItHarder() {
        logEasySessions(3);
        ProgressAssessed early = easyWeek(memberId, 1);
        send(early);
        AssessmentRecord held = awaitApplied(early);
        assertThat(held.decision).isEqualTo(AssessmentRecord.Decision.HELD);
        assertThat(held.ruleId).isEqualTo("hold");
        assertThat(plan().getInt("version")).isEqualTo(1);

        age(memberId, 7);
        ProgressAssessed aWeekOn = easyWeek(memberId, 1);
        send(aWeekOn);
        assertThat(awaitApplied(aWeekOn).decision).isEqualTo(AssessmentRecord.Decision.ADAPTED);
        // The new version is new: its first week done at once does not make it harder again.
        ProgressAssessed again = easyWeek(memberId, 2);
        send(again);
        assertThat(awaitApplied(again).decision).isEqualTo(AssessmentRecord.Decision.HELD);
        assertThat(plan().getInt("version")).isEqualTo(2);
    }

    @Test
    void withAdaptationOffAWeekAtPainNineStillGetsTheGentlePlan() {
        as(Tokens.clinician(clinician))
                .body(Map.of("enabled", false, "note", "Managing this member by hand"))
                .put("/members/" + memberId + "/plan/adaptation")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false));
        assertThat(adaptation.adaptationOn(memberId)).isFalse();
        ProgressAssessed nine = assessment(
                memberId,
                1,
                "SAFETY_SIGNAL",
                33,
                "RISING",
                9,
                8,
                9.0,
                new ProgressAssessed.Effort(0, 0, 1),
                List.of(),
                List.of());
        send(nine);
        AssessmentRecord flare = awaitApplied(nine);
        assertThat(flare.decision).isEqualTo(AssessmentRecord.Decision.ADAPTED);
        assertThat(flare.ruleId).isEqualTo("flare");
        JsonPath care = carePlan();
        assertThat(care.getBoolean("flare")).isTrue();
        assertThat(care.getBoolean("adaptation.enabled")).as("still off").isFalse();

        // Nothing but the safety rules: an easy week on the flare plan changes nothing.
        ProgressAssessed easy = easyWeek(memberId, 2);
        send(easy);
        assertThat(awaitApplied(easy).ruleId).isEqualTo("flare-continues");
    }

    @Test
    void aRegressionThatFindsNothingToStepBackAsksAClinicianToReviewOncePerVersion() {
        // Every exercise locked: a regression finds nothing it may step back.
        List<Map<String, Object>> locks = plan().getList("sessions.items.flatten().slug", String.class).stream()
                .distinct()
                .map(slug -> Map.<String, Object>of("type", "LOCK", "slug", slug))
                .toList();
        as(Tokens.clinician(clinician))
                .body(Map.of("note", "Keep these as they are", "changes", locks))
                .put("/members/" + memberId + "/plan")
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        try (TopicReader events = new TopicReader(MemberTopics.EVENTS)) {
            ProgressAssessed painful = assessment(
                    memberId,
                    2,
                    "SAFETY_SIGNAL",
                    33,
                    "STABLE",
                    5,
                    6,
                    5.0,
                    new ProgressAssessed.Effort(0, 0, 1),
                    List.of(),
                    List.of());
            send(painful);
            AssessmentRecord held = awaitApplied(painful);
            assertThat(held.decision).isEqualTo(AssessmentRecord.Decision.HELD);
            assertThat(held.ruleId).isEqualTo("pain-during-too-high");
            assertThat(held.reviews).containsExactly("CANNOT_REGRESS");
            MemberNeedsReview review =
                    Fixtures.event(events, memberId, MemberNeedsReview.TYPE, MemberNeedsReview.class);
            assertThat(review.planCreated()).isTrue();
            assertThat(review.clinicianId()).isEqualTo(clinician);
            assertThat(review.reasons()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("CANNOT_REGRESS");
                assertThat(r.text()).contains("no exercise can be stepped back further");
            });

            // The week's regular assessment, still too painful: held again, no second review of this version.
            ProgressAssessed stillPainful = assessment(
                    memberId,
                    2,
                    "WEEK_COMPLETED",
                    100,
                    "STABLE",
                    5,
                    7 - 1,
                    5.0,
                    new ProgressAssessed.Effort(0, 2, 1),
                    List.of(),
                    List.of());
            send(stillPainful);
            AssessmentRecord again = awaitApplied(stillPainful);
            assertThat(again.decision).isEqualTo(AssessmentRecord.Decision.HELD);
            assertThat(again.reviews).isEmpty();
            assertThat(Fixtures.events(events, memberId, MemberNeedsReview.TYPE, Duration.ofSeconds(3)))
                    .hasSize(1);
        }
    }

    @Test
    void aPlanBuiltAtIntakeInAFlareIsAFlareAndEndsOnlyOnReportedSessions() {
        String sore = newMember();
        Map<String, Object> answers = intake();
        answers.put("painNow", 8);
        Fixtures.planOnPanel(sore, answers, clinician);
        JsonPath atIntake = as(Tokens.clinician(clinician))
                .get("/members/" + sore + "/plan")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(atIntake.getBoolean("flare")).isTrue();

        // A week without sessions says nothing about the pain: the flare goes on.
        UUID id = UUID.randomUUID();
        ProgressAssessed empty = new ProgressAssessed(
                id,
                clock.instant(),
                1,
                sore,
                id,
                1,
                clock.today(),
                "WEEK_ENDED",
                List.of(),
                5,
                0,
                3,
                0,
                "STABLE",
                null,
                null,
                null,
                new ProgressAssessed.Effort(0, 0, 0),
                List.of(),
                List.of());
        send(empty);
        assertThat(awaitApplied(empty).ruleId).isEqualTo("flare-continues");

        // Settled on two days: the flare ends.
        age(sore, 2);
        logSession(sore, clock.instant().minus(1, ChronoUnit.DAYS), 3, 3);
        logSession(sore, clock.instant().minus(2, ChronoUnit.MINUTES), 3, 3);
        ProgressAssessed settled = settledWeek(sore, 1);
        send(settled);
        AssessmentRecord ended = awaitApplied(settled);
        assertThat(ended.ruleId).isEqualTo("flare-settled");
        assertThat(ended.decision).isEqualTo(AssessmentRecord.Decision.ADAPTED);
        JsonPath usual = as(Tokens.clinician(clinician))
                .get("/members/" + sore + "/plan")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(usual.getInt("version")).isEqualTo(2);
        assertThat(usual.getBoolean("flare")).isFalse();
        // The usual plan, built from the same intake without the flare rule.
        assertThat(usual.getList("sessions.items.flatten().category", String.class))
                .contains("CORE_STABILITY");
    }

    @Test
    void afterSpineSurgeryThePlanIsMadeHarderOnlyOnceAClinicianClearsIt() {
        String operated = newMember();
        Map<String, Object> answers = intake();
        answers.put("conditions", List.of("SPINE_SURGERY"));
        answers.put("spineSurgery", true);
        answers.put("surgeryDate", clock.today().minusMonths(8).toString());
        Fixtures.planOnPanel(operated, answers, clinician);
        age(operated, 8);
        ProgressAssessed week = easyWeek(operated, 1);
        send(week);
        AssessmentRecord held = awaitApplied(week);
        assertThat(held.decision).isEqualTo(AssessmentRecord.Decision.HELD);
        assertThat(held.ruleId).isEqualTo("surgery-awaits-clearance");
        assertThat(held.reviews).as("eight days is not overdue").isEmpty();

        as(Tokens.clinician(clinician))
                .body(Map.of("enabled", true, "progressionCleared", true, "note", "Cleared by the surgical team"))
                .put("/members/" + operated + "/plan/adaptation")
                .then()
                .statusCode(200)
                .body("progressionCleared", equalTo(true));
        ProgressAssessed next = easyWeek(operated, 1);
        send(next);
        assertThat(awaitApplied(next).decision).isEqualTo(AssessmentRecord.Decision.ADAPTED);
    }

    @Test
    void progressionAwaitingSurgicalClearanceForMoreThanTwoWeeksAsksForAReviewOncePerWait() {
        String operated = newMember();
        Map<String, Object> answers = intake();
        answers.put("conditions", List.of("SPINE_SURGERY"));
        answers.put("spineSurgery", true);
        answers.put("surgeryDate", clock.today().minusMonths(8).toString());
        Fixtures.planOnPanel(operated, answers, clinician);
        age(operated, 15);
        try (TopicReader events = new TopicReader(MemberTopics.EVENTS)) {
            ProgressAssessed week = easyWeek(operated, 1);
            send(week);
            AssessmentRecord overdue = awaitApplied(week);
            assertThat(overdue.ruleId).isEqualTo("surgery-awaits-clearance");
            assertThat(overdue.reviews).containsExactly("CLEARANCE_OVERDUE");
            MemberNeedsReview review =
                    Fixtures.event(events, operated, MemberNeedsReview.TYPE, MemberNeedsReview.class);
            assertThat(review.reasons()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("CLEARANCE_OVERDUE");
                assertThat(r.text())
                        .startsWith("After spine surgery, progression has waited for a clinician's"
                                + " clearance for 15 days");
            });

            // The next week of the same wait asks for nothing more.
            ProgressAssessed next = easyWeek(operated, 1);
            send(next);
            assertThat(awaitApplied(next).reviews).isEmpty();

            // Cleared, then withdrawn: a new wait, which has only begun.
            for (boolean cleared : List.of(true, false)) {
                as(Tokens.clinician(clinician))
                        .body(Map.of("enabled", true, "progressionCleared", cleared, "note", "surgical review"))
                        .put("/members/" + operated + "/plan/adaptation")
                        .then()
                        .statusCode(200);
            }
            ProgressAssessed afterWithdrawal = easyWeek(operated, 1);
            send(afterWithdrawal);
            AssessmentRecord waiting = awaitApplied(afterWithdrawal);
            assertThat(waiting.ruleId).isEqualTo("surgery-awaits-clearance");
            assertThat(waiting.reviews).isEmpty();
            assertThat(Fixtures.events(events, operated, MemberNeedsReview.TYPE, Duration.ofSeconds(3)))
                    .hasSize(1);
        }
    }

    @Test
    void aRedFlagStopsAdaptationUntilAClinicianTurnsItBackOn() {
        ProgressAssessed redFlag = assessment(
                memberId,
                1,
                "WEEK_COMPLETED",
                100,
                "FALLING",
                3,
                2,
                3.0,
                new ProgressAssessed.Effort(3, 0, 0),
                List.of(),
                List.of("SADDLE_NUMBNESS"));
        send(redFlag);
        assertThat(awaitApplied(redFlag).decision).isEqualTo(AssessmentRecord.Decision.STOPPED);
        assertThat(carePlan().getBoolean("adaptation.enabled")).isFalse();
        assertThat(adaptation.adaptationOn(memberId)).isFalse();
        ProgressAssessed next = easyWeek(memberId, 1);
        send(next);
        assertThat(awaitApplied(next).decision).isEqualTo(AssessmentRecord.Decision.ADAPTATION_OFF);
        assertThat(plan().getInt("version")).isEqualTo(1);

        as(Tokens.clinician(clinician))
                .body(Map.of("enabled", true, "note", "Seen in clinic, cleared"))
                .put("/members/" + memberId + "/plan/adaptation")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("changedBy", equalTo(clinician));
        assertThat(adaptation.adaptationOn(memberId)).isTrue();
        age(memberId, 8);
        ProgressAssessed after = easyWeek(memberId, 1);
        send(after);
        assertThat(awaitApplied(after).decision).isEqualTo(AssessmentRecord.Decision.ADAPTED);
    }

    @Test
    void nothingAdaptsWhileThePlanIsSuspended() {
        member(memberId)
                .body(Fixtures.symptoms("INFECTION_RISK"))
                .post("/members/me/symptoms")
                .then()
                .statusCode(201)
                .body("planSuspended", equalTo(true));
        ProgressAssessed week = easyWeek(memberId, 1);
        send(week);
        AssessmentRecord ignored = awaitApplied(week);
        assertThat(ignored.decision).isEqualTo(AssessmentRecord.Decision.SUSPENDED);
        assertThat(ignored.resultVersion).isNull();
        ProgressAssessed flare = assessment(
                memberId,
                1,
                "SAFETY_SIGNAL",
                33,
                "RISING",
                8,
                8,
                8.0,
                new ProgressAssessed.Effort(0, 0, 1),
                List.of(),
                List.of());
        send(flare);
        assertThat(awaitApplied(flare).decision).isEqualTo(AssessmentRecord.Decision.SUSPENDED);
        assertThat(plan().getInt("version")).isEqualTo(1);

        as(Tokens.clinician(clinician))
                .body(Map.of(
                        "redFlagsAssessed",
                        List.of("INFECTION_RISK"),
                        "outcome",
                        "EXCLUDED_SAFE_TO_CONTINUE",
                        "note",
                        "Immunity checked with the GP; fine to continue"))
                .post("/members/" + memberId + "/plan/resume")
                .then()
                .statusCode(200);
        assertThat(adaptation.adaptationOn(memberId))
                .as("a symptom report suspends the plan but leaves adaptation on")
                .isTrue();
        age(memberId, 8);
        ProgressAssessed after = easyWeek(memberId, 1);
        send(after);
        assertThat(awaitApplied(after).decision).isEqualTo(AssessmentRecord.Decision.ADAPTED);
    }

    @Test
    void aClinicianLocksAnItemAndUndoesAnAutomaticChange() {
        JsonPath before = plan();
        // Lock everything but one exercise that can step up: only that one may change.
        Map<String, ExerciseOption> options =
                replica.options().stream().collect(Collectors.toMap(ExerciseOption::slug, o -> o));
        String free = before.getList("sessions[0].items.slug", String.class).stream()
                .filter(slug -> !options.get(slug).harder().isEmpty()
                        || options.get(slug).dose().repsRange() != null)
                .findFirst()
                .orElseThrow();
        List<Map<String, Object>> locks =
                new ArrayList<>(before.getList("sessions.items.flatten().slug", String.class).stream()
                        .distinct()
                        .filter(slug -> !slug.equals(free))
                        .map(slug -> Map.<String, Object>of("type", "LOCK", "slug", slug))
                        .toList());
        // A step may not make a session longer than the member's minutes: pause the others where the free one is, so it
        // has room.
        List<List<String>> sessions = before.getList("sessions.items.slug");
        for (int s = 0; s < sessions.size(); s++) {
            if (sessions.get(s).contains(free)) {
                int number = s + 1;
                sessions.get(s).stream()
                        .filter(slug -> !slug.equals(free))
                        .forEach(slug ->
                                locks.add(Map.<String, Object>of("type", "PAUSE", "slug", slug, "session", number)));
            }
        }
        as(Tokens.clinician(clinician))
                .body(Map.of("note", "Keep these as they are", "changes", locks))
                .put("/members/" + memberId + "/plan")
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        age(memberId, 8);

        ProgressAssessed week = easyWeek(memberId, 2);
        send(week);
        assertThat(awaitApplied(week).decision).isEqualTo(AssessmentRecord.Decision.ADAPTED);
        JsonPath care = carePlan();
        assertThat(care.getInt("version")).isEqualTo(3);
        assertThat(care.getList("automaticChanges.slug", String.class)).containsExactly(free);
        assertThat(care.getList("clinicianChanges.kind", String.class)).containsOnly("LOCK", "PAUSE");
        String changeId = care.getString("automaticChanges[0].id");
        String changedTo = care.getString("automaticChanges[0].to.slug");

        as(Tokens.clinician("someone-else"))
                .body(Map.of("note", "no"))
                .post("/members/" + memberId + "/plan/changes/" + changeId + "/undo")
                .then()
                .statusCode(403);
        JsonPath undone = as(Tokens.clinician(clinician))
                .body(Map.of("note", "Too soon for this one"))
                .post("/members/" + memberId + "/plan/changes/" + changeId + "/undo")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(undone.getInt("version")).isEqualTo(4);
        assertThat(undone.getList("sessions[0].items.slug", String.class)).contains(free);
        assertThat(undone.getList("sessions[0].items.locked", Boolean.class)).containsOnly(true);
        if (!changedTo.equals(free)) {
            assertThat(undone.getList("sessions.items.flatten().slug", String.class))
                    .doesNotContain(changedTo);
        }
        as(Tokens.clinician(clinician))
                .body(Map.of("note", "again"))
                .post("/members/" + memberId + "/plan/changes/" + changeId + "/undo")
                .then()
                .statusCode(409)
                .body("detail", Matchers.containsString("undone already"));
        assertThat(carePlan().getInt("automaticChanges[0].undoneInVersion")).isEqualTo(4);

        // Everything locked now: the next good week changes nothing.
        ProgressAssessed next = easyWeek(memberId, 4);
        send(next);
        AssessmentRecord held = awaitApplied(next);
        assertThat(held.decision).isEqualTo(AssessmentRecord.Decision.HELD);
        assertThat(plan().getInt("version")).isEqualTo(4);
    }

    @Test
    void aMalformedAssessmentGoesToTheDeadLetterTopicAndTheNextIsApplied() {
        age(memberId, 8);
        try (TopicReader dlq = new TopicReader("routine.progress-assessments.dlq")) {
            TestEvents.send(List.of(new TestEvents.Outgoing(
                    ProgressTopics.ASSESSMENTS,
                    memberId,
                    ProgressAssessed.TYPE,
                    UUID.randomUUID(),
                    Map.of("schemaVersion", 1, "memberId", memberId))));
            ProgressAssessed good = easyWeek(memberId, 1);
            send(good);
            ConsumerRecord<String, String> dead = dlq.await(r -> memberId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("incomplete ProgressAssessed");
            assertThat(awaitApplied(good).decision).isEqualTo(AssessmentRecord.Decision.ADAPTED);
        }
    }
}
