package org.limber.routine.messaging.inbound;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.events.member.MemberNeedsReview;
import org.limber.events.member.MemberTopics;
import org.limber.events.member.ProgressAssessed;
import org.limber.routine.Fixtures;
import org.limber.routine.domain.AssessmentRecord;
import org.limber.routine.repository.AdaptationRepository;
import org.limber.routine.rest.MemberResourceQuestionnairesTest;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.TestClock;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.limber.routine.Fixtures.intake;
import static org.limber.routine.Fixtures.newMember;

/**
 * Stratified care through the weekly assessments: a STarT Back medium-risk member's first follow-up review is asked at
 * the assessment of week 2 (rules/questionnaires.yaml), once; a low-risk member gets none.
 */
@QuarkusTest
class StratifiedCareFlowTest {

    @Inject
    TestClock clock;

    @Inject
    CatalogReplica replica;

    @Inject
    AdaptationRepository adaptations;

    @Inject
    EntityManager em;

    @BeforeEach
    void catalog() {
        clock.runFrom(AdaptationFlowTest.NOON);
        Fixtures.catalogLoaded(replica);
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    private String memberAnswering(String agreed, String bothersome) {
        String memberId = newMember();
        Fixtures.planOnPanel(memberId, intake(), "clinician-" + memberId);
        MemberResourceQuestionnairesTest.fhir(memberId)
                .body(MemberResourceQuestionnairesTest.startBack(UUID.randomUUID(), agreed, bothersome))
                .post("/members/me/questionnaires/STARTBACK/responses")
                .then()
                .statusCode(201);
        return memberId;
    }

    private AssessmentRecord applied(ProgressAssessed assessment) {
        AdaptationFlowTest.send(assessment);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> adaptations
                                .assessment(assessment.assessmentId())
                                .isPresent()));
        return QuarkusTransaction.requiringNew()
                .call(() -> adaptations.assessment(assessment.assessmentId()).orElseThrow());
    }

    /** Moves the member's plan, intake and assessments {@code days} back. */
    private void age(String who, int days) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String sql : List.of(
                    "update plan set created_at = created_at - make_interval(days => ?1), start_date = start_date - ?1"
                            + " where member_id = ?2",
                    "update intake set submitted_at = submitted_at - make_interval(days => ?1) where member_id = ?2",
                    "update assessment_received set received_at = received_at - make_interval(days => ?1)"
                            + " where member_id = ?2")) {
                em.createNativeQuery(sql)
                        .setParameter(1, days)
                        .setParameter(2, who)
                        .executeUpdate();
            }
        });
    }

    @Test
    void mediumRiskAsksTheFirstFollowUpAtWeekTwoOnce() {
        // Total 4, psychosocial subscale 0: medium risk.
        String memberId = memberAnswering("11110000", "not-at-all");
        try (TopicReader events = new TopicReader(MemberTopics.EVENTS)) {
            // Week 1: not yet.
            assertThat(applied(AdaptationFlowTest.easyWeek(memberId, 1)).reviews)
                    .isEmpty();
            // A week later: the week-2 assessment asks the follow-up.
            age(memberId, 8);
            assertThat(applied(AdaptationFlowTest.easyWeek(memberId, 1)).reviews)
                    .contains("STRATIFIED_FOLLOW_UP");
            MemberNeedsReview review =
                    Fixtures.event(events, memberId, MemberNeedsReview.TYPE, MemberNeedsReview.class);
            assertThat(review.reasons()).anySatisfy(r -> {
                assertThat(r.code()).isEqualTo("STRATIFIED_FOLLOW_UP");
                assertThat(r.text()).contains("NICE NG59");
            });
            // Once per member.
            assertThat(applied(AdaptationFlowTest.easyWeek(memberId, 1)).reviews)
                    .doesNotContain("STRATIFIED_FOLLOW_UP");
        }
    }

    @Test
    void lowRiskAsksNoFollowUp() {
        // Total 1: low risk.
        String memberId = memberAnswering("10000000", "slightly");
        age(memberId, 8);
        assertThat(applied(AdaptationFlowTest.easyWeek(memberId, 1)).reviews).doesNotContain("STRATIFIED_FOLLOW_UP");
    }
}
