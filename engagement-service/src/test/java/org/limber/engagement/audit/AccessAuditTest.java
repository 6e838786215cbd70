package org.limber.engagement.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.limber.engagement.EngagementTokens;
import org.limber.engagement.Fixtures;
import org.limber.events.audit.AuditTopics;
import org.limber.events.audit.MemberDataAccessed;
import org.limber.testsupport.TestEvents;
import org.limber.testsupport.TopicReader;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A clinician reading and writing a member's messages is recorded (outbox, then audit.member-access); the member's own reads are not. */
@QuarkusTest
class AccessAuditTest {

    @Inject
    DataSource dataSource;

    @Test
    void aClinicianReadingAndWritingAThreadIsRecordedAndTheMembersOwnReadsAreNot() throws Exception {
        String member = Fixtures.newMember();
        String clinician = "clin-" + member;
        Fixtures.send(Fixtures.plan(member, 3), Fixtures.careTeam(member, clinician));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as(EngagementTokens.clinician(clinician))
                        .get("/care-team/members/{m}/messages", member)
                        .then()
                        .statusCode(200));
        long afterReads = outboxEntries(member);
        assertThat(afterReads).isPositive();

        as(EngagementTokens.member(member)).get("/members/me/messages").then().statusCode(200);
        as(EngagementTokens.clinician("clin-other")).get("/care-team/members/{m}/messages", member);
        assertThat(outboxEntries(member)).as("own and refused reads").isEqualTo(afterReads);

        try (TopicReader topic = new TopicReader(AuditTopics.MEMBER_ACCESS)) {
            as(EngagementTokens.clinician(clinician))
                    .body(Map.of("id", UUID.randomUUID(), "text", "How did the bridge feel?"))
                    .post("/care-team/members/{m}/messages", member)
                    .then()
                    .statusCode(201);
            assertThat(outboxEntries(member)).isEqualTo(afterReads + 1);
            ConsumerRecord<String, String> record = topic.await(
                    r -> member.equals(r.key())
                            && r.value().contains("\"CHANGE\"")
                            && MemberDataAccessed.TYPE.equals(TopicReader.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            MemberDataAccessed event = TestEvents.JSON.readValue(record.value(), MemberDataAccessed.class);
            assertThat(event.actorId()).isEqualTo(clinician);
            assertThat(event.actorRole()).isEqualTo("clinician");
            assertThat(event.resource()).isEqualTo("messages");
            assertThat(event.service()).isEqualTo("engagement");
            assertThat(record.value()).as("no message text").doesNotContain("bridge");
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
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
