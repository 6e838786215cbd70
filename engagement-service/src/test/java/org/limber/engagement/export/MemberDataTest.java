package org.limber.engagement.export;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.limber.common.export.ExportSection;
import org.limber.common.export.MemberDataWriter;
import org.limber.common.export.MemberIdColumns;
import org.limber.engagement.EngagementTokens;
import org.limber.engagement.Fixtures;
import org.limber.engagement.PushEndpoint;
import org.limber.engagement.repository.MemberExportTables;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /members/me/data on the real broker, database and tokens: a member who used everything finds a record
 * of every exported table in their part (push subscriptions without their keys), and nothing of another
 * member's; staff are refused; every table with a member's id is exported or excluded with a reason (read
 * from information_schema); a collection over the cap is cut and says so.
 */
@QuarkusTest
class MemberDataTest {

    static final PushEndpoint.Subscriber BROWSER = new PushEndpoint.Subscriber();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Plan, session, reminder, push subscription, a message each way, an urgent alert (escalated at once). */
    static void usesEverything(String member) {
        String clinician = "clin-" + member;
        Fixtures.send(
                Fixtures.plan(member, 3),
                Fixtures.careTeam(member, clinician),
                Fixtures.session(member, Instant.now()),
                Fixtures.alert(member, UUID.randomUUID(), "URGENT", clinician));
        String token = EngagementTokens.member(member);
        as(token)
                .body(Map.of(
                        "days",
                        List.of("MONDAY"),
                        "time",
                        "18:00",
                        "timeZone",
                        "UTC",
                        "channels",
                        List.of("PUSH"),
                        "enabled",
                        true))
                .put("/members/me/reminders")
                .then()
                .statusCode(200);
        as(token)
                .body(Map.of(
                        "endpoint",
                        "https://push.example.org/" + member,
                        "keys",
                        Map.of("p256dh", BROWSER.p256dh(), "auth", BROWSER.auth())))
                .post("/members/me/push-subscriptions")
                .then()
                .statusCode(201);
        as(token)
                .body(Map.of("text", "Is it fine to walk more?"))
                .post("/members/me/messages")
                .then()
                .statusCode(201);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> as(EngagementTokens.clinician(clinician))
                                .body(Map.of("text", "Yes, walking helps."))
                                .post("/care-team/members/{m}/messages", member)
                                .statusCode()
                        == 201);
    }

    private JsonNode part(String member) throws Exception {
        return mapper.readTree(as(EngagementTokens.member(member))
                .get("/members/me/data")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString());
    }

    private static List<String> emptyCollections(JsonNode part) {
        return MemberExportTables.MANIFEST.exported().stream()
                .map(ExportSection::name)
                .filter(name ->
                        part.path("collections").path(name).path("items").isEmpty())
                .toList();
    }

    @Test
    void aMemberWhoUsedEverythingFindsARecordOfEveryExportedTableAndNothingOfAnother() throws Exception {
        String member = Fixtures.newMember();
        String other = Fixtures.newMember();
        usesEverything(member);
        usesEverything(other);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(emptyCollections(part(member))).isEmpty());
        JsonNode part = part(member);
        assertThat(part.path("service").asText()).isEqualTo("engagement");
        assertThat(part.path("memberId").asText()).isEqualTo(member);
        JsonNode collections = part.path("collections");
        for (ExportSection section : MemberExportTables.MANIFEST.exported()) {
            assertThat(collections.path(section.name()).path("table").asText()).isEqualTo(section.table());
            assertThat(collections.path(section.name()).path("truncated").asBoolean())
                    .isFalse();
        }
        assertThat(collections.path("messages").path("items").findValuesAsText("author"))
                .as("both directions of the thread")
                .contains("MEMBER", "CLINICIAN");
        JsonNode subscription =
                collections.path("pushSubscriptions").path("items").get(0);
        assertThat(subscription.path("endpoint").asText()).isEqualTo("https://push.example.org/" + member);
        assertThat(subscription.has("p256dh") || subscription.has("auth"))
                .as("keys stay out")
                .isFalse();
        assertThat(part.toString()).doesNotContain(BROWSER.p256dh()).doesNotContain(BROWSER.auth());
        assertThat(collections
                        .path("escalations")
                        .path("items")
                        .get(0)
                        .path("notified")
                        .asText())
                .isEqualTo("CLINICIAN");
        assertThat(part.toString()).doesNotContain(other);
        assertThat(part(other).toString()).doesNotContain(member);
    }

    @Test
    void onlyTheMemberThemselvesMayReadTheirPart() {
        as(EngagementTokens.member(Fixtures.newMember()))
                .get("/members/me/data")
                .then()
                .statusCode(200);
        as(EngagementTokens.clinician("clin-export"))
                .get("/members/me/data")
                .then()
                .statusCode(403);
        as(EngagementTokens.admin("admin-export"))
                .get("/members/me/data")
                .then()
                .statusCode(403);
        given().get("/members/me/data").then().statusCode(401);
    }

    @Test
    void everyTableWithAMemberIdIsExportedOrExcludedWithAReason() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(MemberIdColumns.tables(connection))
                    .as("the check sees the tables it must")
                    .containsKeys("message", "push_subscription", "contact", "outbox_event");
            assertThat(MemberIdColumns.unaccounted(connection, MemberExportTables.MANIFEST))
                    .as("tables with a member id in neither list of MemberExportTables")
                    .isEmpty();
            assertThat(MemberIdColumns.unknown(connection, MemberExportTables.MANIFEST))
                    .as("tables MemberExportTables names that do not exist")
                    .isEmpty();
        }
    }

    @Test
    void aCollectionOverTheCapIsCutAndSaysSo() throws Exception {
        String member = Fixtures.newMember();
        Fixtures.send(
                Fixtures.plan(member, 3),
                Fixtures.session(member, Instant.now().minusSeconds(60)),
                Fixtures.session(member, Instant.now()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> part(member)
                                .path("collections")
                                .path("sessions")
                                .path("count")
                                .asInt()
                        == 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            MemberDataWriter.writePart(
                    json, dataSource, MemberExportTables.MANIFEST, member, Instant.now(), 1, Map.of());
        }
        JsonNode part = mapper.readTree(out.toByteArray());
        assertThat(part.path("collections").path("sessions").path("items")).hasSize(1);
        assertThat(part.path("collections").path("sessions").path("truncated").asBoolean())
                .isTrue();
        assertThat(part.path("collections").path("planState").path("truncated").asBoolean())
                .isFalse();
        assertThat(part.path("truncatedCollections").toString()).isEqualTo("[\"sessions\"]");
    }
}
