package org.limber.progress.export;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.common.export.ExportSection;
import org.limber.common.export.MemberDataWriter;
import org.limber.common.export.MemberIdColumns;
import org.limber.progress.QuestionnaireFixtures;
import org.limber.progress.repository.MemberExportTables;
import org.limber.testsupport.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.limber.progress.MemberEventFixtures.admin;
import static org.limber.progress.MemberEventFixtures.clinician;
import static org.limber.progress.MemberEventFixtures.member;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.plan;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;
import static org.limber.progress.MemberEventFixtures.sessionSkipping;
import static org.limber.progress.MemberEventFixtures.symptoms;

/**
 * GET /members/me/data on the real broker, database and tokens: a member who used everything finds a record
 * of every exported table in their part, and nothing of another member's; staff are refused; every table with
 * a member's id is exported or excluded with a reason (read from information_schema); a collection over the
 * cap is cut and says so.
 */
@QuarkusTest
class MemberDataTest {

    static final Instant NOON = TestClock.noonToday();
    static final LocalDate TODAY = LocalDate.ofInstant(NOON, ZoneOffset.UTC);

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void noon() {
        clock.runFrom(NOON);
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    /** A member with a plan, two sessions (one skipping an exercise, one painful), a red flag and a PEG. */
    static void usesEverything(String memberId, Instant now) {
        send(
                plan(memberId, 1, 4, 4, "clin-export", TODAY),
                sessionSkipping(memberId, now.minus(2, ChronoUnit.HOURS), 4, 3, "JUST_RIGHT", "bird-dog", "PAIN"),
                session(memberId, now.minus(1, ChronoUnit.HOURS), 5, 6, 5, "TOO_HARD"),
                symptoms(memberId, "SADDLE_NUMBNESS"),
                QuestionnaireFixtures.peg(memberId, "BASELINE", now.minus(3, ChronoUnit.HOURS), 6, 5, 4));
    }

    private JsonNode part(String memberId) throws Exception {
        String body = member(memberId)
                .get("/members/me/data")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
        return mapper.readTree(body);
    }

    private static boolean everyCollectionHasARow(JsonNode part) {
        for (ExportSection section : MemberExportTables.MANIFEST.exported()) {
            if (part.path("collections").path(section.name()).path("items").isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aMemberWhoUsedEverythingFindsARecordOfEveryExportedTableAndNothingOfAnother() throws Exception {
        String memberId = newMember();
        String other = newMember();
        usesEverything(memberId, clock.instant());
        usesEverything(other, clock.instant());
        // Their clinician reads their progress (with the access audit, a row of their access log).
        await().atMost(Duration.ofSeconds(45))
                .until(() -> !part(memberId)
                        .path("collections")
                        .path("profile")
                        .path("items")
                        .isEmpty());
        clinician("clin-export")
                .get("/members/" + memberId + "/progress")
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> everyCollectionHasARow(part(memberId)));
        JsonNode part = part(memberId);
        assertThat(part.path("service").asText()).isEqualTo("progress");
        assertThat(part.path("memberId").asText()).isEqualTo(memberId);
        assertThat(part.path("truncatedCollections")).isEmpty();
        for (ExportSection section : MemberExportTables.MANIFEST.exported()) {
            JsonNode collection = part.path("collections").path(section.name());
            assertThat(collection.path("table").asText()).isEqualTo(section.table());
            assertThat(collection.path("truncated").asBoolean()).isFalse();
            assertThat(collection.path("count").asInt())
                    .isEqualTo(collection.path("items").size());
        }
        JsonNode alerts = part.path("collections").path("alerts").path("items");
        assertThat(alerts.findValuesAsText("memberId")).containsOnly(memberId);
        assertThat(part.path("collections")
                        .path("sessionSkips")
                        .path("items")
                        .get(0)
                        .path("slug")
                        .asText())
                .isEqualTo("bird-dog");
        assertThat(part.path("collections")
                        .path("questionnaireResponses")
                        .path("items")
                        .get(0)
                        .path("answerValues"))
                .hasSize(3);
        assertThat(part.path("derived").path("measures").path("pegBaseline").asDouble())
                .isEqualTo(5.0);
        // An alert's acknowledgement, with the clinician's note, is part of the member's copy.
        String alertId = alerts.get(0).path("id").asText();
        clinician("clin-export")
                .body(Map.of("note", "Called the member: seen in clinic today"))
                .post("/care-team/alerts/" + alertId + "/acknowledge")
                .then()
                .statusCode(200);
        JsonNode acknowledged =
                part(memberId).path("collections").path("alerts").path("items");
        assertThat(acknowledged.findValuesAsText("acknowledgeNote"))
                .contains("Called the member: seen in clinic today");
        assertThat(acknowledged.findValuesAsText("acknowledgedBy")).contains("clin-export");
        // Not a trace of the other member, whose data is just as complete.
        assertThat(part.toString()).doesNotContain(other);
        assertThat(part(other).toString()).doesNotContain(memberId);
    }

    @Test
    void onlyTheMemberThemselvesMayReadTheirPart() {
        member(newMember()).get("/members/me/data").then().statusCode(200);
        clinician("clin-export").get("/members/me/data").then().statusCode(403);
        admin("admin-export").get("/members/me/data").then().statusCode(403);
        io.restassured.RestAssured.given().get("/members/me/data").then().statusCode(401);
    }

    @Test
    void aMemberWithNothingGetsEveryCollectionEmpty() throws Exception {
        JsonNode part = part(newMember());
        for (ExportSection section : MemberExportTables.MANIFEST.exported()) {
            assertThat(part.path("collections").path(section.name()).path("items"))
                    .as(section.name())
                    .isEmpty();
        }
    }

    @Test
    void everyTableWithAMemberIdIsExportedOrExcludedWithAReason() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(MemberIdColumns.tables(connection))
                    .as("the check sees the tables it must")
                    .containsKeys("alert", "session_fact", "outbox_event");
            assertThat(MemberIdColumns.unaccounted(connection, MemberExportTables.MANIFEST))
                    .as("tables with a member id in neither list of MemberExportTables")
                    .isEmpty();
            assertThat(MemberIdColumns.unknown(connection, MemberExportTables.MANIFEST))
                    .as("tables MemberExportTables names that do not exist")
                    .isEmpty();
        }
        assertThat(MemberExportTables.MANIFEST.excluded().values())
                .allSatisfy(reason -> assertThat(reason).hasSizeGreaterThan(20));
    }

    /**
     * The real cap through the real endpoint: 10,050 sessions (written straight to the table, as years of a
     * member's sessions would be) come out as 10,000 and the collection says it was cut. Prints the size and
     * time of the part (a figure, not a limit).
     */
    @Test
    void aPartOverTheDefaultCapOfTenThousandIsCutThere() throws Exception {
        String memberId = newMember();
        try (Connection connection = dataSource.getConnection();
                var insert = connection.prepareStatement(
                        "insert into session_fact (member_id, session_id, performed_at, plan_version, pain_before,"
                                + " pain_during, pain_after, effort, skipped, skipped_for_pain, red_flags)"
                                + " select ?, gen_random_uuid(), now() - g * interval '1 hour', 1, 3, 2, 2,"
                                + " 'JUST_RIGHT', 0, 0, '{}' from generate_series(1, 10050) g")) {
            insert.setString(1, memberId);
            assertThat(insert.executeUpdate()).isEqualTo(10050);
        }
        long start = System.nanoTime();
        byte[] body = member(memberId)
                .get("/members/me/data")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        long millis = (System.nanoTime() - start) / 1_000_000;
        JsonNode sessions = mapper.readTree(body).path("collections").path("sessions");
        assertThat(sessions.path("count").asInt()).isEqualTo(10_000);
        assertThat(sessions.path("items")).hasSize(10_000);
        assertThat(sessions.path("truncated").asBoolean()).isTrue();
        System.out.printf(
                "export figure: progress part with 10,050 sessions (cut at 10,000): %d bytes in %d ms%n",
                body.length, millis);
    }

    @Test
    void aCollectionOverTheCapIsCutAndSaysSo() throws Exception {
        String memberId = newMember();
        Instant now = clock.instant();
        send(
                plan(memberId, 1, 4, 4, "clin-export", TODAY),
                session(memberId, now.minus(2, ChronoUnit.HOURS), 3, 2, 2, "JUST_RIGHT"),
                session(memberId, now.minus(1, ChronoUnit.HOURS), 3, 2, 2, "JUST_RIGHT"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> part(memberId)
                                .path("collections")
                                .path("sessions")
                                .path("count")
                                .asInt()
                        == 2);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            MemberDataWriter.writePart(json, dataSource, MemberExportTables.MANIFEST, memberId, now, 1, Map.of());
        }
        JsonNode part = mapper.readTree(out.toByteArray());
        JsonNode sessions = part.path("collections").path("sessions");
        assertThat(sessions.path("count").asInt()).isEqualTo(1);
        assertThat(sessions.path("items")).hasSize(1);
        assertThat(sessions.path("truncated").asBoolean()).isTrue();
        assertThat(part.path("collections").path("profile").path("truncated").asBoolean())
                .as("one row under a cap of one")
                .isFalse();
        assertThat(part.path("truncatedCollections").findValuesAsText("x")).isEmpty();
        assertThat(List.of(mapper.convertValue(part.path("truncatedCollections"), String[].class)))
                .contains("sessions")
                .doesNotContain("profile");
    }
}
