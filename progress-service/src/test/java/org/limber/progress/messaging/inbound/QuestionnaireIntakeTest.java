package org.limber.progress.messaging.inbound;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.limber.events.member.QuestionnaireCompleted;
import org.limber.progress.MemberEventFixtures;
import org.limber.progress.QuestionnaireFixtures;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.limber.progress.MemberEventFixtures.clinician;
import static org.limber.progress.MemberEventFixtures.member;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.QuestionnaireFixtures.peg;
import static org.limber.progress.QuestionnaireFixtures.startBack;

/** QuestionnaireCompleted on the real broker into the real database: trend, risk group, review alert, dead letters. */
@QuarkusTest
class QuestionnaireIntakeTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static JsonPath measures(String memberId) {
        return member(memberId)
                .get("/members/me/measures")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> alertKinds(String clinicianId, String memberId) {
        return clinician(clinicianId)
                .get("/care-team/alerts?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.findAll { it.memberId == '" + memberId + "' }.kind");
    }

    @Test
    void pegTrendCountsAThirtyPercentFallOnceWhateverTheRedeliveries() {
        String memberId = newMember();
        Instant start = Instant.now().minus(84, ChronoUnit.DAYS);
        QuestionnaireCompleted baseline = peg(memberId, "BASELINE", start, 6, 7, 5); // 6.0
        QuestionnaireCompleted week6 = peg(memberId, "WEEK_6", start.plus(42, ChronoUnit.DAYS), 5, 5, 5);
        QuestionnaireCompleted week12 = peg(memberId, "WEEK_12", start.plus(84, ChronoUnit.DAYS), 4, 4, 4);
        send(plan(memberId, 1, 3, 6, "clin-q", TODAY.minusWeeks(12)), week12, baseline, week6, week12, baseline);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> measures(memberId).getList("peg").size() == 3);
        JsonPath m = measures(memberId);
        assertThat(m.getDouble("pegBaseline")).isEqualTo(6.0);
        assertThat(m.getDouble("pegLatest")).isEqualTo(4.0);
        assertThat(m.getDouble("pegChangePercent")).isEqualTo(33.3);
        assertThat(m.getBoolean("pegMeaningfulFall")).isTrue();
        assertThat(m.getList("peg.timepoint")).containsExactly("BASELINE", "WEEK_6", "WEEK_12");
        assertThat(m.getString("startBackRisk")).isNull();
    }

    @Test
    void startBackHighRaisesOneReviewAlertWithAContactDeadline() {
        String memberId = newMember();
        String clinicianId = "clin-sb-" + memberId.substring(7, 15);
        QuestionnaireCompleted high = startBack(memberId, Instant.now(), 0, 1, 0, 1, 1, 1, 1, 1, 0); // 6, sub 4
        send(plan(memberId, 1, 3, 6, clinicianId, TODAY), high, high);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "HIGH".equals(measures(memberId).getString("startBackRisk")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> alertKinds(clinicianId, memberId).contains("PSYCHOSOCIAL_RISK"));
        JsonPath alerts = clinician(clinicianId)
                .get("/care-team/alerts?size=100")
                .then()
                .extract()
                .jsonPath();
        List<String> details = alerts.getList(
                "items.findAll { it.memberId == '" + memberId + "' && it.kind == 'PSYCHOSOCIAL_RISK' }[0].details");
        assertThat(alertKinds(clinicianId, memberId)).containsOnlyOnce("PSYCHOSOCIAL_RISK");
        assertThat(details).anyMatch(d -> d.startsWith("CONTACT_BY: "));
        assertThat(details).anyMatch(d -> d.contains("psychosocial subscale 4"));
        JsonPath m = clinician(clinicianId)
                .get("/members/" + memberId + "/measures")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(m.getInt("startBackSubscale")).isEqualTo(4);
        clinician("someone-else")
                .get("/members/" + memberId + "/measures")
                .then()
                .statusCode(403);
    }

    @Test
    void aGroupTooLowForTheAnswersIsRaisedToTheirGroup() {
        String memberId = newMember();
        String clinicianId = "clin-sb2-" + memberId.substring(7, 15);
        // items 5-9 all yes: total 5, subscale 5 -> HIGH, though the event says MEDIUM
        QuestionnaireCompleted wrong =
                QuestionnaireFixtures.startBackSaying(memberId, Instant.now(), "MEDIUM", 0, 0, 0, 0, 1, 1, 1, 1, 1);
        send(plan(memberId, 1, 3, 6, clinicianId, TODAY), wrong);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "HIGH".equals(measures(memberId).getString("startBackRisk")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> alertKinds(clinicianId, memberId).contains("PSYCHOSOCIAL_RISK"));
    }

    @Test
    void lowAndMediumRaiseNoAlertAndOutOfRangeIsADeadLetter() throws Exception {
        String memberId = newMember();
        String clinicianId = "clin-sb3-" + memberId.substring(7, 15);
        QuestionnaireCompleted outOfRange = peg(memberId, "BASELINE", Instant.now(), 11, 5, 5);
        try (TopicReader dlq = new TopicReader("progress.member-events.dlq")) {
            send(
                    plan(memberId, 1, 3, 6, clinicianId, TODAY),
                    startBack(memberId, Instant.now(), 1, 1, 1, 1, 1, 1, 1, 0, 0), // 7, sub 3: MEDIUM
                    outOfRange);
            ConsumerRecord<String, String> dead = dlq.await(
                    r -> memberId.equals(r.key())
                            && QuestionnaireCompleted.TYPE.equals(TopicReader.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("value 0..10");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "MEDIUM".equals(measures(memberId).getString("startBackRisk")));
        assertThat(measures(memberId).getList("peg")).isEmpty();
        assertThat(alertKinds(clinicianId, memberId)).doesNotContain("PSYCHOSOCIAL_RISK");
        assertThat(MemberEventFixtures.outgoing(outOfRange).type()).isEqualTo(QuestionnaireCompleted.TYPE);
    }
}
