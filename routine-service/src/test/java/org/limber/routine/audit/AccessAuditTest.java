package org.limber.routine.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.events.audit.AuditTopics;
import org.limber.events.audit.MemberDataAccessed;
import org.limber.routine.Fixtures;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.CatalogFixture;
import org.limber.testsupport.TestClock;
import org.limber.testsupport.Tokens;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.limber.routine.Fixtures.as;
import static org.limber.routine.Fixtures.intake;
import static org.limber.routine.Fixtures.member;
import static org.limber.routine.Fixtures.newMember;

/** A clinician's read of a member's plan in routine-service is written to the outbox and relayed as MemberDataAccessed. */
@QuarkusTest
class AccessAuditTest {

    @Inject
    TestClock clock;

    @Inject
    CatalogReplica replica;

    @Inject
    DataSource dataSource;

    String memberId;
    String clinician;

    @BeforeEach
    void memberWithAPlanOnAPanel() {
        clock.runFrom(TestClock.noonToday());
        Fixtures.catalogLoaded(replica);
        memberId = newMember();
        clinician = "clinician-" + memberId;
        Map<String, Object> answers = intake();
        answers.put("conditions", List.of("SPINAL_STENOSIS"));
        Fixtures.planOnPanel(memberId, answers, clinician);
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    @Test
    void aClinicianReadingAPlanIsRecordedAndTheMembersOwnReadsAndRefusedReadsAreNot() throws Exception {
        long before = outboxEntries(memberId);
        member(memberId).get("/members/me/plan").then().statusCode(200);
        as(Tokens.clinician("someone-else"))
                .get("/members/" + memberId + "/plan")
                .then()
                .statusCode(403);
        assertThat(outboxEntries(memberId)).as("own and refused reads").isEqualTo(before);

        try (TopicReader topic = new TopicReader(AuditTopics.MEMBER_ACCESS)) {
            as(Tokens.staff(clinician, "clinician", "Dana", "Lee"))
                    .get("/members/" + memberId + "/plan")
                    .then()
                    .statusCode(200);
            assertThat(outboxEntries(memberId)).isEqualTo(before + 1);
            ConsumerRecord<String, String> record = topic.await(
                    r -> memberId.equals(r.key())
                            && MemberDataAccessed.TYPE.equals(TopicReader.header(r, "ce_type"))
                            && r.value().contains("\"actorId\":\"" + clinician + "\""),
                    Duration.ofSeconds(30));
            MemberDataAccessed event = CatalogFixture.JSON.readValue(record.value(), MemberDataAccessed.class);
            assertThat(event.complete()).isTrue();
            assertThat(event.actorId()).isEqualTo(clinician);
            assertThat(event.actorRole()).isEqualTo("clinician");
            assertThat(event.operation()).isEqualTo("READ");
            assertThat(event.resource()).isEqualTo("plan");
            assertThat(event.service()).isEqualTo("routine");
            assertThat(event.client()).isEqualTo("limber-console");
            assertThat(record.value()).as("no health content, no name").doesNotContain("Dana", "STENOSIS", "pain");
        }
    }

    @Test
    void anAdminsSearchRecordsEachMemberItListed() throws Exception {
        long before = outboxEntries(memberId);
        as(Tokens.admin("ada-audit"))
                .get("/people/members?q=" + memberId)
                .then()
                .statusCode(200);
        assertThat(outboxEntries(memberId)).isEqualTo(before + 1);
    }

    private long outboxEntries(String key) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q =
                        db.prepareStatement("select count(*) from outbox_event where topic = ? and message_key = ?")) {
            q.setString(1, AuditTopics.MEMBER_ACCESS);
            q.setString(2, key);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
