package org.limber.routine;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.limber.events.catalog.ExerciseSnapshot;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.CatalogFixture;
import org.limber.testsupport.Tokens;
import org.limber.testsupport.TopicReader;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Shared set-up of routine tests: the catalog on the broker, request bodies, authenticated clients. */
public final class Fixtures {

    public static final List<ExerciseSnapshot> CATALOG = CatalogFixture.snapshots();
    private static boolean catalogSent;

    private Fixtures() {}

    /**
     * Publishes the real library to catalog.exercises (once) and waits until the service's copy has
     * it and the service is ready (its copy caught up with the topic), as a client would.
     */
    public static synchronized void catalogLoaded(CatalogReplica replica) {
        if (!catalogSent) {
            CatalogFixture.send(CATALOG.stream()
                    .map(CatalogFixture::published)
                    .map(Object.class::cast)
                    .toList());
            catalogSent = true;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.options().size() >= CATALOG.size());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    /** A new member with the catalog loaded and a plan from {@link #intake()}; returns the member's id. */
    public static String memberWithAPlan(CatalogReplica replica) {
        catalogLoaded(replica);
        String memberId = newMember();
        planFor(memberId, intake());
        return memberId;
    }

    public static String newMember() {
        return "member-" + UUID.randomUUID();
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification member(String id) {
        return as(Tokens.member(id));
    }

    /** A complete intake without red flags. */
    public static Map<String, Object> intake() {
        Map<String, Object> redFlags = new HashMap<>();
        for (String flag : List.of(
                "bladderOrBowelControl",
                "saddleNumbness",
                "worseningLegWeakness",
                "recentTrauma",
                "cancerHistory",
                "newEpisode",
                "boneFragility",
                "suddenOnset",
                "feverOrWeightLoss",
                "infectionRisk",
                "constantNightPain",
                "urinaryDifficulty",
                "bothLegsNumbOrWeak",
                "sexualDysfunction",
                "footDrop",
                "minorFallWithBoneRisk",
                "newPainOver50",
                "painNotEasedByRest",
                "recentInfection",
                "recentSpinalProcedure",
                "feelingUnwell",
                "inflammatoryBackPain")) {
            redFlags.put(flag, false);
        }
        Map<String, Object> intake = new HashMap<>();
        intake.put("conditions", List.of("NON_SPECIFIC_LOW_BACK_PAIN"));
        intake.put("painNow", 4);
        intake.put("painTypical", 5);
        intake.put("duration", "OVER_12_WEEKS");
        intake.put("spineSurgery", false);
        intake.put("redFlags", redFlags);
        intake.put("goals", List.of("REDUCE_PAIN", "PREVENT_RECURRENCE"));
        intake.put("equipment", List.of("MAT"));
        intake.put("cannotGetInto", List.of());
        intake.put("minutesPerSession", 15);
        intake.put("sessionsPerWeek", 3);
        intake.put("experience", "BEGINNER");
        return intake;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> redFlags(Map<String, Object> intake) {
        return (Map<String, Object>) intake.get("redFlags");
    }

    /** Takes an intake for a new plan and returns the answer. */
    public static JsonPath planFor(String memberId, Map<String, Object> intake) {
        return member(memberId)
                .body(intake)
                .post("/members/me/intake")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** Takes the intake for a new plan and puts the member on the clinician's panel (as an admin would). */
    public static void planOnPanel(String memberId, Map<String, Object> intake, String clinician) {
        planFor(memberId, intake);
        assign(memberId, clinician);
    }

    /** Puts the member on the clinician's panel (a clinician in Keycloak's stand-in), as an admin would. */
    public static void assign(String memberId, String clinician) {
        KeycloakStandIn.clinician(clinician);
        as(Tokens.admin("ada"))
                .body(Map.of("clinicianId", clinician))
                .put("/members/" + memberId + "/care-team")
                .then()
                .statusCode(200)
                .body("clinicianId", equalTo(clinician))
                .body("assignedBy", equalTo("ada"));
    }

    /** The member's next event of {@code type} on the topic, read as that event. */
    public static <T> T event(TopicReader topic, String memberId, String type, Class<T> as) {
        ConsumerRecord<String, String> record = topic.await(
                r -> memberId.equals(r.key()) && type.equals(TopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
        try {
            return CatalogFixture.JSON.readValue(record.value(), as);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The member's events of {@code type} read so far, after a quiet while. */
    public static List<ConsumerRecord<String, String>> events(
            TopicReader topic, String memberId, String type, Duration quiet) {
        return topic.readFor(quiet).stream()
                .filter(r -> memberId.equals(r.key()) && type.equals(TopicReader.header(r, "ce_type")))
                .toList();
    }

    /** A symptom report of these red flags, with a fresh report id. */
    public static Map<String, Object> symptoms(String... redFlags) {
        Map<String, Object> report = new HashMap<>();
        report.put("reportId", UUID.randomUUID().toString());
        report.put("redFlagSymptoms", List.of(redFlags));
        report.put("note", "started this morning");
        return report;
    }

    /** A session report doing every exercise of today's session. */
    public static Map<String, Object> sessionDoingToday(String memberId, Instant performedAt) {
        JsonPath today = member(memberId)
                .get("/members/me/plan/today")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> exercises = new ArrayList<>();
        for (String slug : today.getList("exercises.slug", String.class)) {
            Map<String, Object> done = new HashMap<>();
            done.put("slug", slug);
            done.put("status", "DONE");
            exercises.add(done);
        }
        Map<String, Object> session = new HashMap<>();
        session.put("sessionId", UUID.randomUUID().toString());
        session.put("planVersion", today.getInt("planVersion"));
        session.put("sessionNumber", today.getInt("sessionNumber"));
        session.put("performedAt", performedAt.toString());
        session.put("exercises", exercises);
        session.put("painBefore", 4);
        session.put("painDuring", 3);
        session.put("painAfter", 2);
        session.put("effort", "JUST_RIGHT");
        session.put("note", "felt good");
        session.put("redFlagSymptoms", List.of());
        return session;
    }
}
