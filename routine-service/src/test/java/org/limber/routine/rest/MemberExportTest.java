package org.limber.routine.rest;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.common.export.ExportSection;
import org.limber.common.export.MemberIdColumns;
import org.limber.events.member.ProgressAssessed;
import org.limber.events.member.ProgressTopics;
import org.limber.routine.ExportStandIn;
import org.limber.routine.Fixtures;
import org.limber.routine.repository.MemberExportTables;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.TestClock;
import org.limber.testsupport.TestEvents;
import org.limber.testsupport.Tokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.limber.routine.Fixtures.as;

/**
 * GET /members/me/export on the real database, broker and tokens, with progress's and engagement's parts
 * served by stand-ins that answer only the member's own token: a member who used everything gets one file
 * with a record of every exported routine table and both parts copied through, named as an attachment of
 * the day; nothing of another member; staff refused; a 503 problem naming the service, before any byte, when
 * a part cannot be had; and every table with a member's id is exported or excluded with a reason.
 */
@QuarkusTest
class MemberExportTest {

    static final Instant NOON = TestClock.noonToday();

    @Inject
    CatalogReplica replica;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void noon() {
        clock.runFrom(NOON);
        Fixtures.catalogLoaded(replica);
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    static String part(String service, String memberId) {
        return "{\"service\":\"" + service + "\",\"memberId\":\"" + memberId
                + "\",\"collections\":{\"things\":{\"table\":\"t\",\"items\":[{\"n\":1.5,\"s\":\"\\u00e9\"}],"
                + "\"count\":1,\"truncated\":false}},\"truncatedCollections\":[]}";
    }

    static String memberToken(String memberId) {
        return Tokens.member(memberId, "Ada", "Lovelace-" + memberId.substring(7, 15), "ada@example.org");
    }

    static ProgressAssessed easyWeek(String memberId) {
        UUID id = UUID.randomUUID();
        return new ProgressAssessed(
                id,
                Instant.now(),
                1,
                memberId,
                id,
                1,
                LocalDate.ofInstant(NOON, ZoneOffset.UTC),
                "WEEK_COMPLETED",
                List.of(),
                5,
                3,
                3,
                100,
                "FALLING",
                3.3,
                3,
                2,
                new ProgressAssessed.Effort(3, 0, 0),
                List.of(),
                List.of());
    }

    /** Intake, clinician, session, PEG, screening, adaptation, an assessment, a plan change, a red flag reviewed. */
    void usesEverything(String memberId, String token, String clinician) {
        as(token).body(Fixtures.intake()).post("/members/me/intake").then().statusCode(201);
        Fixtures.assign(memberId, clinician);
        as(token)
                .body(Fixtures.sessionDoingToday(memberId, clock.instant().minus(1, ChronoUnit.HOURS)))
                .post("/members/me/sessions")
                .then()
                .statusCode(201);
        as(token)
                .body(MemberResourceQuestionnairesTest.peg(UUID.randomUUID(), 5, 5, 5))
                .post("/members/me/questionnaires/PEG/responses")
                .then()
                .statusCode(201);
        as(token)
                .body(Map.of(
                        "screeningId", UUID.randomUUID().toString(), "redFlags", Fixtures.redFlags(Fixtures.intake())))
                .post("/members/me/screening")
                .then()
                .statusCode(201);
        as(Tokens.clinician(clinician))
                .body(Map.of("enabled", true, "note", "export"))
                .put("/members/" + memberId + "/plan/adaptation")
                .then()
                .statusCode(200);
        ProgressAssessed week = easyWeek(memberId);
        TestEvents.send(List.of(new TestEvents.Outgoing(
                ProgressTopics.ASSESSMENTS, memberId, ProgressAssessed.TYPE, week.eventId(), week)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rowsOf("assessment_received", memberId) > 0
                        && rowsOf("plan", memberId) == rowsOfChangedVersions(memberId));
        String slug = as(token).get("/members/me/plan/today").jsonPath().getString("exercises[0].slug");
        as(Tokens.clinician(clinician))
                .body(Map.of("note", "export", "changes", List.of(Map.of("type", "PAUSE", "slug", slug))))
                .put("/members/" + memberId + "/plan")
                .then()
                .statusCode(200);
        as(token)
                .body(Fixtures.symptoms("SADDLE_NUMBNESS"))
                .post("/members/me/symptoms")
                .then()
                .statusCode(201);
        as(Tokens.clinician(clinician))
                .body(Map.of(
                        "redFlagsAssessed", List.of("SADDLE_NUMBNESS"),
                        "outcome", "EXCLUDED_SAFE_TO_CONTINUE",
                        "note", "export"))
                .post("/members/" + memberId + "/plan/resume")
                .then()
                .statusCode(200);
    }

    long rowsOf(String table, String memberId) throws Exception {
        try (Connection c = dataSource.getConnection();
                var q = c.prepareStatement("select count(*) from " + table + " where member_id = ?")) {
            q.setString(1, memberId);
            try (var r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Plans: the intake's, plus one per adaptation the assessment made (settled when the two counts agree). */
    long rowsOfChangedVersions(String memberId) throws Exception {
        try (Connection c = dataSource.getConnection();
                var q = c.prepareStatement(
                        "select 1 + count(*) filter (where result_version is not null) from assessment_received"
                                + " where member_id = ?")) {
            q.setString(1, memberId);
            try (var r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void aMemberWhoUsedEverythingGetsOneFileWithEveryTableAndBothParts() throws Exception {
        String memberId = Fixtures.newMember();
        String other = Fixtures.newMember();
        String token = memberToken(memberId);
        usesEverything(memberId, token, "clin-" + memberId);
        usesEverything(other, memberToken(other), "clin-" + other);
        ExportStandIn.part("progress", token, part("progress", memberId));
        ExportStandIn.part("engagement", token, part("engagement", memberId));

        Response response = as(token).get("/members/me/export");
        response.then().statusCode(200).contentType("application/json");
        LocalDate day = LocalDate.ofInstant(NOON, ZoneOffset.UTC);
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"limber-export-" + day + ".json\"");
        JsonNode file = mapper.readTree(response.asByteArray());
        assertThat(file.path("format").asText()).isEqualTo("limber-export");
        assertThat(file.path("version").asInt()).isEqualTo(1);
        assertThat(file.path("memberId").asText()).isEqualTo(memberId);
        assertThat(Instant.parse(file.path("exportedAt").asText())).isAfterOrEqualTo(NOON);
        List<String> names = List.of(file.fieldNames().next());
        assertThat(names).containsExactly("format");
        JsonNode routine = file.path("routine");
        assertThat(routine.path("service").asText()).isEqualTo("routine");
        for (ExportSection section : MemberExportTables.MANIFEST.exported()) {
            JsonNode collection = routine.path("collections").path(section.name());
            assertThat(collection.path("items")).as(section.name()).isNotEmpty();
            assertThat(collection.path("table").asText()).isEqualTo(section.table());
            assertThat(collection.path("truncated").asBoolean()).isFalse();
        }
        assertThat(routine.path("collections").path("plans").path("items").size())
                .as("every version of the plan")
                .isGreaterThanOrEqualTo(2);
        assertThat(routine.path("collections")
                        .path("person")
                        .path("items")
                        .get(0)
                        .path("givenName")
                        .asText())
                .isEqualTo("Ada");
        assertThat(routine.path("collections")
                        .path("intakes")
                        .path("items")
                        .get(0)
                        .path("answers")
                        .isObject())
                .as("jsonb as JSON")
                .isTrue();
        // The parts, copied through as they were sent.
        assertThat(file.path("progress")).isEqualTo(mapper.readTree(part("progress", memberId)));
        assertThat(file.path("engagement")).isEqualTo(mapper.readTree(part("engagement", memberId)));
        assertThat(file.toString()).doesNotContain(other);
    }

    @Test
    void onlyTheMemberMayExport() {
        as(Tokens.clinician("clin-export")).get("/members/me/export").then().statusCode(403);
        as(Tokens.admin("admin-export")).get("/members/me/export").then().statusCode(403);
        as(Tokens.editor("editor-export")).get("/members/me/export").then().statusCode(403);
        given().get("/members/me/export").then().statusCode(401);
    }

    @Test
    void aPartThatCannotBeHadIsA503NamingTheServiceBeforeAnyByte() {
        String memberId = Fixtures.newMember();
        String token = memberToken(memberId);
        // Neither stand-in knows this token: progress answers 404 (as a service that is not there would).
        unavailable(token, "progress", "answered 404");

        ExportStandIn.unreachable("progress", token);
        ExportStandIn.part("engagement", token, part("engagement", memberId));
        unavailable(token, "progress", "could not be reached");

        ExportStandIn.part("progress", token, part("progress", memberId));
        ExportStandIn.failing("engagement", token, 500);
        unavailable(token, "engagement", "answered 500");

        ExportStandIn.part("engagement", token, part("engagement", memberId));
        as(token).get("/members/me/export").then().statusCode(200);
    }

    private static void unavailable(String token, String service, String why) {
        Response response = as(token).get("/members/me/export");
        response.then().statusCode(503).contentType("application/problem+json");
        assertThat(response.header("Content-Disposition")).isNull();
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.jsonPath().getString("service")).isEqualTo(service);
        assertThat(response.jsonPath().getString("detail")).contains(service + "-service " + why);
        assertThat(response.asString()).doesNotContain("limber-export\"");
    }

    @Test
    void everyTableWithAMemberIdIsExportedOrExcludedWithAReason() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(MemberIdColumns.tables(connection))
                    .as("the check sees the tables it must")
                    .containsKeys("plan", "person", "outbox_event");
            assertThat(MemberIdColumns.unaccounted(connection, MemberExportTables.MANIFEST))
                    .as("tables with a member id in neither list of MemberExportTables")
                    .isEmpty();
            assertThat(MemberIdColumns.unknown(connection, MemberExportTables.MANIFEST))
                    .as("tables MemberExportTables names that do not exist")
                    .isEmpty();
        }
    }
}
