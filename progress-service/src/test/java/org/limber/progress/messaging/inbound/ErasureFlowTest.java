package org.limber.progress.messaging.inbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.limber.common.privacy.Pseudonyms;
import org.limber.events.audit.AuditTopics;
import org.limber.events.audit.MemberDataAccessed;
import org.limber.events.privacy.MemberErased;
import org.limber.events.privacy.MemberErasureRequested;
import org.limber.events.privacy.PrivacyTopics;
import org.limber.progress.QuestionnaireFixtures;
import org.limber.progress.repository.ProgressRowsEraser;
import org.limber.testsupport.MemberRows;
import org.limber.testsupport.TestEvents;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.limber.progress.MemberEventFixtures.assigned;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;
import static org.limber.progress.MemberEventFixtures.sessionSkipping;
import static org.limber.progress.MemberEventFixtures.symptoms;

/**
 * progress-service's part of a member's erasure, on the real stack: the member's data in every table (from
 * routine's events), routine's request on privacy.erasure-requests, then a scan of every text column of every
 * table for the member's id, the report on privacy.erasure-reports, and a repeat and a replay that change nothing.
 */
@QuarkusTest
class ErasureFlowTest {

    @Inject
    DataSource dataSource;

    @Inject
    Pseudonyms pseudonyms;

    /** A clinician's read of the member's progress, as the access audit reports it. */
    private static void accessed(String memberId) {
        MemberDataAccessed read = new MemberDataAccessed(
                UUID.randomUUID(),
                Instant.now(),
                MemberDataAccessed.SCHEMA_VERSION,
                memberId,
                "clin-erasure",
                "clinician",
                "READ",
                "progress",
                "progress",
                "limber-console");
        TestEvents.send(List.of(new TestEvents.Outgoing(
                AuditTopics.MEMBER_ACCESS, memberId, MemberDataAccessed.TYPE, read.eventId(), read)));
    }

    private long accessEntries(String memberRef) throws Exception {
        try (Connection db = dataSource.getConnection();
                PreparedStatement select =
                        db.prepareStatement("select count(*) from access_log where member_ref = ?")) {
            select.setString(1, memberRef);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void request(String memberId) {
        MemberErasureRequested request = new MemberErasureRequested(UUID.randomUUID(), Instant.now(), 1, memberId);
        TestEvents.send(List.of(new TestEvents.Outgoing(
                PrivacyTopics.ERASURE_REQUESTS, memberId, MemberErasureRequested.TYPE, request.eventId(), request)));
    }

    private static List<Object> everything(String memberId, String clinician) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate start = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(10);
        return List.of(
                plan(memberId, 1, 3, 5, clinician, start),
                assigned(memberId, clinician, 1),
                session(memberId, now.minus(Duration.ofDays(3)), 4, 8, 7, "TOO_HARD"),
                sessionSkipping(memberId, now.minus(Duration.ofDays(2)), 4, 3, "JUST_RIGHT", "bird-dog", "PAIN"),
                symptoms(memberId, "SADDLE_NUMBNESS"),
                QuestionnaireFixtures.peg(memberId, "BASELINE", now.minus(Duration.ofDays(9)), 6, 5, 5));
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
        String memberId = newMember();
        String clinician = "clinician-" + UUID.randomUUID();
        List<Object> events = everything(memberId, clinician);
        send(events.toArray());
        accessed(memberId);
        List<String> expected = ProgressRowsEraser.tables().stream()
                .filter(t -> !List.of("outbox_dead_letter", "assessment").contains(t))
                .toList();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        assertThat(MemberRows.tables(dataSource, memberId)).containsAll(expected));
        await().atMost(Duration.ofSeconds(30)).until(() -> accessEntries(memberId) == 1);

        try (TopicReader reports = new TopicReader(PrivacyTopics.ERASURE_REPORTS)) {
            request(memberId);
            ConsumerRecord<String, String> report = reports.await(
                    r -> memberId.equals(r.key()) && MemberErased.TYPE.equals(TopicReader.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            MemberErased erased = TestEvents.JSON.readValue(report.value(), MemberErased.class);
            assertThat(erased.service()).isEqualTo("progress");
            assertThat(erased.memberId()).isEqualTo(memberId);

            // Nothing but the erasure's own report (no health content; deleted with the outbox's retention).
            assertThat(MemberRows.holding(dataSource, memberId).keySet()).allMatch(c -> c.startsWith("outbox_event."));
            assertThat(outboxTypes(memberId)).containsOnly(MemberErased.TYPE);
            // The access log outlives the erasure, under the member's pseudonym.
            String pseudonym = pseudonyms.of(memberId);
            assertThat(accessEntries(memberId)).isZero();
            assertThat(accessEntries(pseudonym)).isEqualTo(1);

            // A repeated request, and a replay of the member's events from the start: nothing comes back.
            request(memberId);
            send(events.toArray());
            send(everything(memberId, clinician).toArray());
            accessed(memberId);
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
        assertThat(outboxTypes(memberId)).containsExactly(MemberErased.TYPE);
        // An access reported after the erasure is kept too, under the pseudonym only.
        await().atMost(Duration.ofSeconds(30)).until(() -> accessEntries(pseudonyms.of(memberId)) == 2);
        assertThat(accessEntries(memberId)).isZero();
    }
}
