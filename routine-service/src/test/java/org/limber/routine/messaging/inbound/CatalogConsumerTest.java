package org.limber.routine.messaging.inbound;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.events.catalog.ExercisePublished;
import org.limber.events.catalog.ExerciseSnapshot;
import org.limber.routine.Fixtures;
import org.limber.routine.KeycloakStandIn;
import org.limber.routine.domain.CatalogExercise;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.service.CatalogReplica;
import org.limber.testsupport.CatalogFixture;
import org.limber.testsupport.PostgresTestResource;
import org.limber.testsupport.Tokens;
import org.limber.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.limber.routine.Fixtures.as;
import static org.limber.routine.Fixtures.intake;
import static org.limber.routine.Fixtures.newMember;

/** The service's copy of the catalog, kept from the real broker. */
@QuarkusTest
class CatalogConsumerTest {

    static final String DLQ = "routine.catalog-exercises.dlq";

    @Inject
    CatalogReplica replica;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @BeforeEach
    void catalog() {
        Fixtures.catalogLoaded(replica);
    }

    private static ExerciseSnapshot copyOf(String slug, String newSlug, String name) {
        return CatalogFixture.renamed(
                Fixtures.CATALOG.stream()
                        .filter(e -> e.slug().equals(slug))
                        .findFirst()
                        .orElseThrow(),
                newSlug,
                name);
    }

    private CatalogExercise held(String slug) {
        return replica.find(slug).orElseThrow();
    }

    @Test
    void theWholeLibraryIsReplayedFromTheTopicAndARedeliveryChangesNothing() {
        assertThat(replica.options())
                .extracting(ExerciseOption::slug)
                .containsAll(
                        Fixtures.CATALOG.stream().map(ExerciseSnapshot::slug).toList());
        var before = held("glute-bridge").updatedAt;
        CatalogFixture.send(Fixtures.CATALOG.stream()
                .map(CatalogFixture::published)
                .map(Object.class::cast)
                .toList());
        String marker = "replay-marker-" + System.nanoTime();
        CatalogFixture.send(List.of(CatalogFixture.published(copyOf("walking", marker, "Marker"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(marker).isPresent());
        assertThat(held("glute-bridge").updatedAt).isEqualTo(before);
        assertThat(held("glute-bridge").version).isEqualTo(1);
    }

    @Test
    void onlyANewerVersionChangesTheCopy() {
        String slug = "versioned-" + System.nanoTime();
        ExerciseSnapshot v1 = copyOf("pelvic-tilt", slug, "Version one");
        ExerciseSnapshot v2 = CatalogFixture.withVersion(copyOf("pelvic-tilt", slug, "Version two"), 2, "PUBLISHED");
        CatalogFixture.send(List.of(CatalogFixture.published(v2), CatalogFixture.published(v1)));
        String marker = "order-marker-" + System.nanoTime();
        CatalogFixture.send(List.of(CatalogFixture.published(copyOf("walking", marker, "Marker"))));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        replica.find(marker).isPresent() && replica.find(slug).isPresent());
        assertThat(held(slug).version).isEqualTo(2);
        assertThat(held(slug).snapshot.name()).isEqualTo("Version two");
    }

    @Test
    void aBadEventGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() {
        String key = "broken-" + System.nanoTime();
        String good = "after-broken-" + System.nanoTime();
        try (TopicReader dlq = new TopicReader(DLQ)) {
            CatalogFixture.sendRaw(key, ExercisePublished.TYPE, "{ this is not json");
            CatalogFixture.sendRaw(key + "-type", "org.limber.catalog.SomethingElse", "{}");
            CatalogFixture.send(List.of(CatalogFixture.published(copyOf("walking", good, "Still consuming"))));
            ConsumerRecord<String, String> dead = dlq.await(r -> key.equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("malformed");
            assertThat(dead.value()).isEqualTo("{ this is not json");
            ConsumerRecord<String, String> unknown =
                    dlq.await(r -> (key + "-type").equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicReader.header(unknown, "dead-letter-reason")).contains("unknown event type");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(good).isPresent());
        assertThat(replica.find(key)).isEmpty();
    }

    @Test
    void aRetirementDuringAPassingDatabaseFaultWaitsAndIsAppliedNotDeadLettered() throws Exception {
        String slug = "retire-later-" + System.nanoTime();
        ExerciseSnapshot snapshot = copyOf("pelvic-tilt", slug, "Retired while the pool is dry");
        CatalogFixture.send(List.of(CatalogFixture.published(snapshot)));
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(slug).isPresent());

        List<Connection> held = new ArrayList<>();
        try (TopicReader dlq = new TopicReader(DLQ)) {
            try {
                // Every connection of the service's pool taken: the consumer's transaction gets a pool timeout.
                for (int i = 0; i < poolSize; i++) {
                    held.add(dataSource.getConnection());
                }
                CatalogFixture.send(List.of(CatalogFixture.retired(snapshot, "retired during a database fault")));
                await().during(Duration.ofSeconds(8))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> "PUBLISHED".equals(statusOf(slug)));
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> "RETIRED".equals(statusOf(slug)));
            dlq.holdsFor(
                    Duration.ofSeconds(2),
                    records -> assertThat(records)
                            .extracting(ConsumerRecord::key)
                            .as("dead letters")
                            .doesNotContain(slug));
        }
    }

    /** The replica's status of an exercise, read straight from the database (the service's pool may be dry). */
    private static String statusOf(String slug) throws SQLException {
        try (Connection db = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "");
                PreparedStatement query = db.prepareStatement("select status from catalog_exercise where slug = ?")) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    @Test
    void aRetiredExerciseIsNoLongerChosenAndPlansReplaceItAtTheirNextVersion() {
        String slug = "retire-me-" + System.nanoTime();
        ExerciseSnapshot snapshot = copyOf("pelvic-tilt", slug, "Soon retired");
        CatalogFixture.send(List.of(CatalogFixture.published(snapshot)));
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(slug).isPresent());

        String memberId = newMember();
        String clinician = KeycloakStandIn.clinician("clinician-" + memberId);
        Fixtures.planFor(memberId, intake());
        as(Tokens.admin("ada"))
                .body(Map.of("clinicianId", clinician))
                .put("/members/" + memberId + "/care-team")
                .then()
                .statusCode(200);
        String first = as(Tokens.clinician(clinician))
                .get("/members/" + memberId + "/plan")
                .jsonPath()
                .getString("sessions[0].items[1].slug");
        as(Tokens.clinician(clinician))
                .body(Map.of(
                        "note",
                        "Try the new one",
                        "changes",
                        List.of(Map.of("type", "SWAP", "slug", first, "to", slug, "session", 1))))
                .put("/members/" + memberId + "/plan")
                .then()
                .statusCode(200)
                .body("sessions[0].items[1].slug", equalTo(slug));

        CatalogFixture.send(List.of(CatalogFixture.retired(snapshot, "replaced by a better version")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !held(slug).published());
        assertThat(replica.options()).extracting(ExerciseOption::slug).doesNotContain(slug);
        // A retirement of an older version than the one held, or a redelivery, does not bring it back.
        assertThat(held(slug).status).isEqualTo("RETIRED");

        String other = as(Tokens.clinician(clinician))
                .get("/members/" + memberId + "/plan")
                .jsonPath()
                .getString("sessions[0].items[0].slug");
        as(Tokens.clinician(clinician))
                .body(Map.of(
                        "note", "Pause one", "changes", List.of(Map.of("type", "PAUSE", "slug", other, "session", 1))))
                .put("/members/" + memberId + "/plan")
                .then()
                .statusCode(200)
                .body("version", equalTo(3))
                .body("sessions.items.flatten().slug", not(hasItem(slug)))
                .body("sessions[0].items[1].reason", containsString("retired"));
    }
}
