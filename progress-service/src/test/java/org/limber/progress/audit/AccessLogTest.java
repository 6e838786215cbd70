package org.limber.progress.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.limber.events.audit.AuditTopics;
import org.limber.events.audit.MemberDataAccessed;
import org.limber.progress.repository.AccessLogRepository;
import org.limber.progress.service.AccessLogService;
import org.limber.testsupport.TestEvents;
import org.limber.testsupport.Tokens;
import org.limber.testsupport.TopicReader;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.limber.progress.MemberEventFixtures.admin;
import static org.limber.progress.MemberEventFixtures.member;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.send;

/**
 * The access audit end to end on the real stack: a staff read in progress is written to the outbox, relayed to
 * audit.member-access, taken in and shown to the member with the clinician's name; the admins' search; the
 * append-only table; redeliveries; dead letters.
 */
@QuarkusTest
class AccessLogTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccessLogService service;

    @Inject
    AccessLogRepository repository;

    @Test
    void aClinicianReadingAMembersProgressIsInTheMembersLogByNameAndTheMembersOwnReadsRecordNothing() throws Exception {
        String memberId = newMember();
        String clinicianId = "clin-audit-" + UUID.randomUUID();
        String token = Tokens.staff(clinicianId, "clinician", "Dana", "Lee");
        send(plan(memberId, 1, 3, 3, clinicianId, LocalDate.now(ZoneOffset.UTC).minusDays(3)));
        await().atMost(WAIT)
                .until(() -> given().auth()
                                .oauth2(token)
                                .get("/members/" + memberId + "/progress")
                                .statusCode()
                        == 200);
        long recordedByClinician = outboxEntries(memberId);
        assertThat(recordedByClinician).isPositive();

        for (int i = 0; i < 3; i++) {
            member(memberId).get("/members/me/progress").then().statusCode(200);
            member(memberId).get("/members/me/sessions").then().statusCode(200);
        }
        member(memberId).get("/fhir/Observation?patient=" + memberId).then().statusCode(200);
        assertThat(outboxEntries(memberId)).as("the member's own reads").isEqualTo(recordedByClinician);

        await().atMost(WAIT).until(() -> log(memberId).getLong("total") == recordedByClinician);
        JsonPath log = log(memberId);
        assertThat(log.getString("items[0].actorId")).isEqualTo(clinicianId);
        assertThat(log.getString("items[0].actorName")).isEqualTo("Dana Lee");
        assertThat(log.getString("items[0].actorRole")).isEqualTo("clinician");
        assertThat(log.getString("items[0].operation")).isEqualTo("READ");
        assertThat(log.getString("items[0].resource")).isEqualTo("progress");
        assertThat(log.getString("items[0].service")).isEqualTo("progress");
        assertThat(log.getString("items[0].client")).isEqualTo("limber-console");
        assertThat(log.getString("items[0].accessedAt")).isNotNull();
        assertThat(log.getMap("items[0]")).doesNotContainKey("memberId");
    }

    @Test
    void anAdminFiltersByMemberActorAndTimeAndPages() {
        String memberId = newMember();
        String other = newMember();
        String actor = "admin-audit-" + UUID.randomUUID();
        Instant base = Instant.parse("2026-03-10T10:00:00Z");
        TestEvents.send(List.of(
                outgoing(access(memberId, actor, "admin", base)),
                outgoing(access(memberId, actor, "admin", base.plusSeconds(3600))),
                outgoing(access(memberId, "clin-x", "clinician", base.plusSeconds(7200))),
                outgoing(access(other, actor, "admin", base.plusSeconds(10_800)))));
        await().atMost(WAIT).until(() -> search("actorId=" + actor).getLong("total") == 3);

        JsonPath byMember = search("memberId=" + memberId + "&size=2&page=0");
        assertThat(byMember.getLong("total")).isEqualTo(3);
        assertThat(byMember.getList("items")).hasSize(2);
        assertThat(byMember.getString("items[0].memberId")).isEqualTo(memberId);
        assertThat(byMember.getString("items[0].actorId")).isEqualTo("clin-x");
        assertThat(search("memberId=" + memberId + "&size=2&page=1").getList("items"))
                .hasSize(1);
        assertThat(search("memberId=" + memberId + "&actorId=" + actor).getLong("total"))
                .isEqualTo(2);
        JsonPath window = search("actorId=" + actor + "&from=2026-03-10T10:30:00Z&to=2026-03-10T13:30:00Z");
        assertThat(window.getList("items.memberId", String.class)).containsExactly(other, memberId);
        assertThat(search("actorId=" + actor + "&from=2026-03-10&to=2026-03-10").getLong("total"))
                .isEqualTo(3);
        assertThat(search("actorId=" + actor + "&to=2026-03-09").getLong("total"))
                .isZero();

        badSearch("from=2026-03-11&to=2026-03-10", "to");
        badSearch("from=yesterday", "from");
        badSearch("to=2200-01-01", "to");
        badSearch("size=0", "size");
        badSearch("size=101", "size");
        badSearch("page=-1", "page");
        admin("admin-search")
                .queryParam("memberId", " ")
                .get("/audit/access")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("memberId"));
        badSearch("actorId=" + "a".repeat(129), "actorId");
        member(memberId).get("/audit/access").then().statusCode(403);
        given().auth()
                .oauth2(Tokens.clinician("clin-x"))
                .get("/audit/access")
                .then()
                .statusCode(403);
        admin(actor).get("/members/me/access-log").then().statusCode(403);
        given().get("/members/me/access-log").then().statusCode(401);
    }

    @Test
    void theSameEventTwiceIsOneRowAndABadEventIsADeadLetter() throws Exception {
        String memberId = newMember();
        MemberDataAccessed once = access(memberId, "clin-twice", "clinician", Instant.parse("2026-02-01T08:00:00Z"));
        MemberDataAccessed marker = access(memberId, "clin-twice", "clinician", Instant.parse("2026-02-01T09:00:00Z"));
        try (TopicReader dlq = new TopicReader("progress.member-access.dlq")) {
            MemberDataAccessed staffless = new MemberDataAccessed(
                    UUID.randomUUID(),
                    Instant.parse("2026-02-01T08:30:00Z"),
                    1,
                    memberId,
                    "someone",
                    "member",
                    "READ",
                    "plan",
                    "routine",
                    "limber-console");
            TestEvents.send(List.of(
                    outgoing(once),
                    outgoing(once),
                    new TestEvents.Outgoing(
                            AuditTopics.MEMBER_ACCESS,
                            memberId,
                            MemberDataAccessed.TYPE,
                            UUID.randomUUID(),
                            "{not json"),
                    outgoing(staffless),
                    outgoing(marker)));
            ConsumerRecord<String, String> malformed =
                    dlq.await(r -> memberId.equals(r.key()) && r.value().equals("{not json"), WAIT);
            assertThat(TopicReader.header(malformed, "dead-letter-reason")).startsWith("malformed");
            ConsumerRecord<String, String> wrongRole =
                    dlq.await(r -> memberId.equals(r.key()) && r.value().contains("\"member\""), WAIT);
            assertThat(TopicReader.header(wrongRole, "dead-letter-reason")).contains("incomplete");
            assertThat(TopicReader.header(wrongRole, "dead-letter-topic")).isEqualTo(AuditTopics.MEMBER_ACCESS);
        }
        await().atMost(WAIT).until(() -> rows("event_id = '" + marker.eventId() + "'") == 1);
        assertThat(rows("event_id = '" + once.eventId() + "'")).isEqualTo(1);
        assertThat(rows("member_ref = '" + memberId + "'")).isEqualTo(2);
        assertThat(service.record(once)).as("stored again").isFalse();
    }

    @Test
    void theTableRefusesUpdatesAndDeletesButPseudonymizesAndPurgesPastTheRetention() throws Exception {
        String memberId = newMember();
        MemberDataAccessed old = access(memberId, "clin-old", "clinician", Instant.parse("2010-01-01T00:00:00Z"));
        MemberDataAccessed recent = access(memberId, "clin-new", "clinician", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(service.record(old)).isTrue();
        assertThat(service.record(recent)).isTrue();

        assertThatThrownBy(() ->
                        execute("update access_log set actor_id = 'forged' where member_ref = '" + memberId + "'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() ->
                        execute("update access_log set accessed_at = now() where member_ref = '" + memberId + "'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("delete from access_log where member_ref = '" + memberId + "'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("truncate access_log")).hasMessageContaining("append-only");
        assertThat(rows("member_ref = '" + memberId + "'")).isEqualTo(2);

        String pseudonym = "erased:" + UUID.randomUUID().toString().replace("-", "");
        assertThat(repository.pseudonymize(memberId, pseudonym)).isEqualTo(2);
        assertThat(rows("member_ref = '" + memberId + "'")).isZero();
        assertThat(rows("member_ref = '" + pseudonym + "'")).isEqualTo(2);

        assertThat(service.retention()).isEqualTo(Duration.ofDays(2192));
        assertThat(service.purge()).isPositive();
        assertThat(rows("event_id = '" + old.eventId() + "'")).isZero();
        assertThat(rows("event_id = '" + recent.eventId() + "'")).isEqualTo(1);
    }

    static MemberDataAccessed access(String memberId, String actor, String role, Instant at) {
        return new MemberDataAccessed(
                UUID.randomUUID(), at, 1, memberId, actor, role, "READ", "plan", "routine", "limber-console");
    }

    static TestEvents.Outgoing outgoing(MemberDataAccessed e) {
        return new TestEvents.Outgoing(
                AuditTopics.MEMBER_ACCESS, e.memberId(), MemberDataAccessed.TYPE, e.eventId(), e);
    }

    private static JsonPath log(String memberId) {
        return member(memberId)
                .get("/members/me/access-log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath search(String query) {
        return admin("admin-search")
                .get("/audit/access?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void badSearch(String query, String field) {
        admin("admin-search")
                .get("/audit/access?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    private long outboxEntries(String memberId) throws SQLException {
        return count("select count(*) from outbox_event where topic = '" + AuditTopics.MEMBER_ACCESS
                + "' and message_key = '" + memberId + "'");
    }

    private long rows(String where) throws SQLException {
        return count("select count(*) from access_log where " + where);
    }

    private long count(String sql) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(sql);
                ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(sql)) {
            q.execute();
        }
    }
}
