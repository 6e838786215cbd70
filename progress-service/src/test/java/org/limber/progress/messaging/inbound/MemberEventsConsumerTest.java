package org.limber.progress.messaging.inbound;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.limber.events.member.CareTeamAssigned;
import org.limber.events.member.MemberTopics;
import org.limber.events.member.PlanResumed;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.SessionCompleted;
import org.limber.events.member.SymptomsReported;
import org.limber.progress.MemberEventFixtures;
import org.limber.progress.domain.ProgressMath;
import org.limber.testsupport.TestEvents;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.limber.progress.MemberEventFixtures.member;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;

/** Consuming member events on the real broker into the real database. */
@QuarkusTest
class MemberEventsConsumerTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static JsonPath progress(String memberId) {
        return member(memberId)
                .get("/members/me/progress?weeks=6")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static int total(String memberId) {
        return member(memberId)
                .get("/members/me/sessions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("total");
    }

    private static void awaitTotal(String memberId, int sessions) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> member(memberId).get("/members/me/sessions").statusCode() == 200
                        && total(memberId) == sessions);
    }

    @Test
    void sessionsBecomeTrendsCountedOnceWhateverTheOrder() {
        String memberId = newMember();
        Instant now = Instant.now();
        SessionCompleted recent = session(memberId, now.minus(1, ChronoUnit.HOURS), 4, 3, 2, "JUST_RIGHT");
        SessionCompleted earlier = session(memberId, now.minus(1, ChronoUnit.DAYS), 6, 5, 4, "TOO_HARD");
        send(plan(memberId, 1, 3, 6, "clin-ingest", TODAY.minusWeeks(4)), recent, earlier);
        awaitTotal(memberId, 2);
        // The same event again (a redelivery), and a session that arrives late, weeks after it was done.
        SessionCompleted late = session(memberId, now.minus(21, ChronoUnit.DAYS), 8, 8, 7, "TOO_HARD");
        send(recent, late);
        awaitTotal(memberId, 3);

        JsonPath p = progress(memberId);
        assertThat(p.getInt("baselinePain")).isEqualTo(6);
        assertThat(p.getInt("latestPain"))
                .as("the latest by when it was done, not when it arrived")
                .isEqualTo(4);
        assertThat(p.getInt("changePoints")).isEqualTo(2);
        assertThat(p.getBoolean("meaningfulChangeReached")).isTrue();
        List<String> weeks = p.getList("weeks.weekStart");
        LocalDate lateWeek = ProgressMath.weekOf(LocalDate.ofInstant(late.performedAt(), ZoneOffset.UTC));
        int lateIndex = weeks.indexOf(lateWeek.toString());
        assertThat(lateIndex).as("the late session's own week is in the series").isNotNegative();
        assertThat(p.getInt("weeks[" + lateIndex + "].sessionsDone")).isEqualTo(1);
        assertThat(p.getDouble("weeks[" + lateIndex + "].meanPainBefore")).isEqualTo(8.0);
        int sessionsInSeries = p.getList("weeks.sessionsDone", Integer.class).stream()
                .mapToInt(Integer::intValue)
                .sum();
        assertThat(sessionsInSeries).isEqualTo(3);
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() {
        String memberId = newMember();
        try (TopicReader dlq = new TopicReader("progress.member-events.dlq")) {
            TestEvents.send(List.of(
                    new TestEvents.Outgoing(
                            MemberTopics.EVENTS, memberId, SessionCompleted.TYPE, UUID.randomUUID(), "{not json"),
                    new TestEvents.Outgoing(
                            MemberTopics.EVENTS, memberId, "org.limber.routine.SomethingNew", UUID.randomUUID(), "{}"),
                    MemberEventFixtures.outgoing(plan(memberId, 1, 3, 5, "clin-dlq", TODAY)),
                    MemberEventFixtures.outgoing(session(memberId, Instant.now(), 3, 3, 3, "JUST_RIGHT"))));
            ConsumerRecord<String, String> dead =
                    dlq.await(r -> memberId.equals(r.key()) && r.value().equals("{not json"), Duration.ofSeconds(30));
            assertThat(TopicReader.header(dead, "dead-letter-reason")).startsWith("malformed");
            assertThat(TopicReader.header(dead, "dead-letter-topic")).isEqualTo(MemberTopics.EVENTS);
            ConsumerRecord<String, String> unknown =
                    dlq.await(r -> memberId.equals(r.key()) && r.value().equals("{}"), Duration.ofSeconds(30));
            assertThat(TopicReader.header(unknown, "dead-letter-reason")).contains("unknown event type");
        }
        awaitTotal(memberId, 1);
    }

    @Test
    void malformedUrgentPathEventsAreDeadLetteredAndTheNextOnesApplied() {
        String memberId = newMember();
        var noSequence = MemberEventFixtures.assigned(memberId, "clin-dlq", 0);
        var noSymptom = MemberEventFixtures.symptoms(memberId);
        var badCause = MemberEventFixtures.suspended(memberId, 1, " ", UUID.randomUUID(), "FEVER");
        try (TopicReader dlq = new TopicReader("progress.member-events.dlq")) {
            TestEvents.send(List.of(
                    MemberEventFixtures.outgoing(noSequence),
                    MemberEventFixtures.outgoing(noSymptom),
                    MemberEventFixtures.outgoing(badCause),
                    new TestEvents.Outgoing(
                            MemberTopics.EVENTS, memberId, PlanResumed.TYPE, UUID.randomUUID(), "{\"sequence\": \"x\""),
                    MemberEventFixtures.outgoing(plan(memberId, 1, 3, 5, "clin-dlq", TODAY)),
                    MemberEventFixtures.outgoing(session(memberId, Instant.now(), 3, 3, 3, "JUST_RIGHT"))));
            List<String> reasons = new ArrayList<>();
            for (String type :
                    List.of(CareTeamAssigned.TYPE, SymptomsReported.TYPE, PlanSuspended.TYPE, PlanResumed.TYPE)) {
                ConsumerRecord<String, String> dead = dlq.await(
                        r -> memberId.equals(r.key()) && type.equals(TopicReader.header(r, "ce_type")),
                        Duration.ofSeconds(30));
                assertThat(TopicReader.header(dead, "dead-letter-topic")).isEqualTo(MemberTopics.EVENTS);
                reasons.add(TopicReader.header(dead, "dead-letter-reason"));
            }
            assertThat(reasons.get(0)).contains("CareTeamAssigned").contains("sequence");
            assertThat(reasons.get(1)).contains("SymptomsReported").contains("redFlagSymptoms");
            assertThat(reasons.get(2)).contains("PlanSuspended").contains("cause");
            assertThat(reasons.get(3)).startsWith("malformed");
        }
        awaitTotal(memberId, 1);
    }

    @Test
    void aReplayedStretchOfTheStreamChangesNothing() {
        // What a restart after a crash does: records processed but not yet committed come again.
        String memberId = newMember();
        List<Object> stretch = new ArrayList<>();
        stretch.add(plan(memberId, 1, 4, 5, "clin-replay", TODAY.minusWeeks(2)));
        for (int i = 0; i < 40; i++) {
            stretch.add(session(memberId, Instant.now().minus(i * 7L, ChronoUnit.HOURS), 5, 4, 3, "JUST_RIGHT"));
        }
        send(stretch.toArray());
        awaitTotal(memberId, 40);
        JsonPath before = progress(memberId);
        send(stretch.toArray());
        String marker = newMember();
        send(plan(marker, 1, 3, 5, "clin-replay", TODAY), session(marker, Instant.now(), 1, 1, 1, "JUST_RIGHT"));
        awaitTotal(marker, 1);
        assertThat(total(memberId)).isEqualTo(40);
        assertThat(progress(memberId).getList("weeks.sessionsDone")).isEqualTo(before.getList("weeks.sessionsDone"));
        member(memberId)
                .get("/members/me/progress")
                .then()
                .body("sessionsFirst14Days", equalTo(before.getInt("sessionsFirst14Days")));
    }
}
