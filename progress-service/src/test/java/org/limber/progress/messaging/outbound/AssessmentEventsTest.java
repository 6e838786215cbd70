package org.limber.progress.messaging.outbound;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.events.member.ProgressAssessed;
import org.limber.events.member.ProgressTopics;
import org.limber.events.member.SessionCompleted;
import org.limber.progress.service.AlertScheduler;
import org.limber.testsupport.TestClock;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.limber.progress.MemberEventFixtures.member;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.resumed;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;
import static org.limber.progress.MemberEventFixtures.sessionSkipping;
import static org.limber.progress.MemberEventFixtures.suspended;

/** Assessments of plan weeks published on the real broker: when a week is done, on a safety signal, when it ends; once. */
@QuarkusTest
class AssessmentEventsTest {

    /**
     * The service's clock runs from noon (UTC) of today while each test runs, and the test takes "now" from it:
     * two hours ago is today, after the plan's start, whatever the hour the test runs at.
     */
    static final Instant NOON = TestClock.noonToday();

    static final LocalDate TODAY = LocalDate.ofInstant(NOON, ZoneOffset.UTC);

    @Inject
    ObjectMapper mapper;

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

    private List<ProgressAssessed> assessments(TopicReader reader, String memberId, Duration quiet) {
        return reader.readFor(quiet).stream()
                .filter(r -> memberId.equals(r.key()))
                .map(this::parse)
                .toList();
    }

    private ProgressAssessed parse(ConsumerRecord<String, String> record) {
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo(ProgressAssessed.TYPE);
        try {
            return mapper.readValue(record.value(), ProgressAssessed.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitSessions(String memberId, int total) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> member(memberId).get("/members/me/sessions").statusCode() == 200
                        && member(memberId)
                                        .get("/members/me/sessions")
                                        .jsonPath()
                                        .getInt("total")
                                == total);
    }

    @Test
    void aCompletedWeekIsAssessedOnceWithWhatTheMemberReported() {
        String memberId = newMember();
        Instant now = clock.instant();
        SessionCompleted first =
                sessionSkipping(memberId, now.minus(2, ChronoUnit.HOURS), 5, 2, "TOO_EASY", "bird-dog", "PAIN");
        SessionCompleted second =
                sessionSkipping(memberId, now.minus(1, ChronoUnit.HOURS), 4, 2, "JUST_RIGHT", "bird-dog", "PAIN");
        SessionCompleted third = session(memberId, now.minus(10, ChronoUnit.MINUTES), 4, 1, 3, "TOO_EASY");
        try (TopicReader reader = new TopicReader(ProgressTopics.ASSESSMENTS)) {
            send(plan(memberId, 1, 3, 6, "clin-assess", TODAY), first, second);
            awaitSessions(memberId, 2);
            assertThat(assessments(reader, memberId, Duration.ofSeconds(2)))
                    .as("two of three sessions: not yet")
                    .isEmpty();

            send(third);
            ConsumerRecord<String, String> record = reader.await(r -> memberId.equals(r.key()), Duration.ofSeconds(30));
            ProgressAssessed a = parse(record);
            assertThat(a.trigger()).isEqualTo("WEEK_COMPLETED");
            assertThat(a.planVersion()).isEqualTo(1);
            assertThat(a.weekStart()).isEqualTo(TODAY);
            assertThat(a.sessionsDone()).isEqualTo(3);
            assertThat(a.sessionsPrescribed()).isEqualTo(3);
            assertThat(a.adherencePercent()).isEqualTo(100);
            assertThat(a.meanPain()).isEqualTo(4.3);
            assertThat(a.latestPain()).isEqualTo(4);
            assertThat(a.painTrend()).as("4.3 against a baseline of 6").isEqualTo("FALLING");
            assertThat(a.worstPainDuring()).isEqualTo(2);
            assertThat(a.effort()).isEqualTo(new ProgressAssessed.Effort(2, 1, 0));
            assertThat(a.skipped()).containsExactly(new ProgressAssessed.Skip("bird-dog", "PAIN", 2));
            assertThat(a.safetySignals()).isEmpty();
            assertThat(a.redFlagSymptoms()).isEmpty();

            // The same sessions again, and a fourth session that week: the week stays assessed once.
            send(first, second, third, session(memberId, now, 3, 1, 2, "TOO_EASY"));
            awaitSessions(memberId, 4);
            assertThat(assessments(reader, memberId, Duration.ofSeconds(3))).hasSize(1);
        }
    }

    @Test
    void aSafetySignalMakesOneEarlyAssessment() {
        String memberId = newMember();
        Instant now = clock.instant();
        try (TopicReader reader = new TopicReader(ProgressTopics.ASSESSMENTS)) {
            send(
                    plan(memberId, 1, 4, 4, "clin-assess", TODAY),
                    session(memberId, now.minus(1, ChronoUnit.HOURS), 4, 3, 3, "JUST_RIGHT"));
            awaitSessions(memberId, 1);
            send(session(memberId, now.minus(30, ChronoUnit.MINUTES), 5, 6, 5, "TOO_HARD"));
            ProgressAssessed a = parse(reader.await(r -> memberId.equals(r.key()), Duration.ofSeconds(30)));
            assertThat(a.trigger()).isEqualTo("SAFETY_SIGNAL");
            assertThat(a.safetySignals()).containsExactly("PAIN_DURING_ABOVE_5");
            assertThat(a.worstPainDuring()).isEqualTo(6);
            assertThat(a.sessionsDone()).isEqualTo(2);
            assertThat(a.adherencePercent()).isEqualTo(50);
            assertThat(a.effort().tooHard()).isEqualTo(1);

            // Another painful session the same week makes no second early assessment.
            send(session(memberId, now, 5, 7, 6, "TOO_HARD"));
            awaitSessions(memberId, 3);
            assertThat(assessments(reader, memberId, Duration.ofSeconds(3))).hasSize(1);
        }
    }

    @Test
    void aLateSessionFromAnEarlierWeekDoesNotAssessTheWeekInProgress() {
        String memberId = newMember();
        Instant now = clock.instant();
        try (TopicReader reader = new TopicReader(ProgressTopics.ASSESSMENTS)) {
            // The plan's second week began yesterday. While the plan is suspended its two sessions come in: not
            // assessed (a clinician decides).
            send(
                    plan(memberId, 1, 2, 5, "clin-assess", TODAY.minusDays(8)),
                    suspended(memberId, 1, "SYMPTOM_REPORT", UUID.randomUUID(), "SADDLE_NUMBNESS"),
                    session(memberId, now.minus(2, ChronoUnit.HOURS), 4, 2, 3, "JUST_RIGHT"),
                    session(memberId, now.minus(1, ChronoUnit.HOURS), 4, 2, 3, "JUST_RIGHT"));
            awaitSessions(memberId, 2);
            // Resumed; then a late session from the first week: nothing new in the week in progress, no assessment.
            send(
                    resumed(memberId, 2, "clin-assess"),
                    session(memberId, now.minus(3, ChronoUnit.DAYS), 4, 2, 3, "JUST_RIGHT"));
            awaitSessions(memberId, 3);
            assertThat(assessments(reader, memberId, Duration.ofSeconds(3))).isEmpty();

            // A session in the week in progress: the week, complete, is assessed with its three sessions.
            send(session(memberId, now.minus(10, ChronoUnit.MINUTES), 3, 2, 2, "JUST_RIGHT"));
            ProgressAssessed a = parse(reader.await(r -> memberId.equals(r.key()), Duration.ofSeconds(30)));
            assertThat(a.trigger()).isEqualTo("WEEK_COMPLETED");
            assertThat(a.weekStart()).isEqualTo(TODAY.minusDays(1));
            assertThat(a.sessionsDone()).isEqualTo(3);
        }
    }

    @Test
    void aWeekThatEndedIsAssessedOnceBySchedule() {
        String memberId = newMember();
        Instant now = clock.instant();
        try (TopicReader reader = new TopicReader(ProgressTopics.ASSESSMENTS)) {
            // Week one ran from 8 days ago to yesterday; one of its three sessions was done.
            send(
                    plan(memberId, 1, 3, 5, "clin-assess", TODAY.minusDays(8)),
                    session(memberId, now.minus(5, ChronoUnit.DAYS), 5, 3, 4, "JUST_RIGHT"));
            awaitSessions(memberId, 1);

            List<ProgressAssessed> made = scheduler.assessEndedWeeks(now);
            assertThat(made)
                    .filteredOn(a -> a.memberId().equals(memberId))
                    .singleElement()
                    .satisfies(a -> {
                        assertThat(a.trigger()).isEqualTo("WEEK_ENDED");
                        assertThat(a.weekStart()).isEqualTo(TODAY.minusDays(8));
                        assertThat(a.sessionsDone()).isEqualTo(1);
                        assertThat(a.adherencePercent()).isEqualTo(33);
                        assertThat(a.painTrend()).isEqualTo("STABLE");
                    });
            assertThat(scheduler.assessEndedWeeks(now))
                    .noneMatch(a -> a.memberId().equals(memberId));
            assertThat(parse(reader.await(r -> memberId.equals(r.key()), Duration.ofSeconds(30)))
                            .trigger())
                    .isEqualTo("WEEK_ENDED");
        }
    }
}
