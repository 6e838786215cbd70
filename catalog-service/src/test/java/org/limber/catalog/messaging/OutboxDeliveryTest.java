package org.limber.catalog.messaging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.limber.catalog.rest.DraftBodies;
import org.limber.events.catalog.CatalogTopics;
import org.limber.events.catalog.ExercisePublished;
import org.limber.testsupport.KafkaTestResource;
import org.limber.testsupport.PostgresTestResource;
import org.limber.testsupport.Tokens;
import org.limber.testsupport.TopicReader;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox keeps an event while the broker is down and delivers it when the broker is back. */
@QuarkusTest
class OutboxDeliveryTest {

    @Test
    void anEventWrittenWhileKafkaIsDownIsDeliveredWhenItIsBack() throws Exception {
        String slug = "outbox-check-" + System.nanoTime();
        KafkaTestResource.broker().stopBroker();
        try {
            given().auth()
                    .oauth2(Tokens.editor("edna"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("slug", slug, "content", DraftBodies.content("Outbox check")))
                    .post("/editor/exercises")
                    .then()
                    .statusCode(201);
            // Publishing succeeds although Kafka is down: the event waits in the outbox.
            given().auth()
                    .oauth2(Tokens.editor("edna"))
                    .contentType(ContentType.JSON)
                    .post("/editor/exercises/" + slug + "/publish")
                    .then()
                    .statusCode(200);
            // Nothing is relayed while the broker is down: the row stays pending throughout.
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> "pending".equals(publishedAt(slug)));
        } finally {
            KafkaTestResource.broker().startBroker();
        }
        try (TopicReader topic = new TopicReader(CatalogTopics.EXERCISES)) {
            ConsumerRecord<String, String> record = topic.await(r -> slug.equals(r.key()), Duration.ofSeconds(60));
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo(ExercisePublished.TYPE);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !"pending".equals(publishedAt(slug)));
        given().auth()
                .oauth2(Tokens.editor("edna"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "test clean-up"))
                .post("/editor/exercises/" + slug + "/retire")
                .then()
                .statusCode(200);
    }

    /** "pending" while the outbox row for the slug waits, its publication time once relayed. */
    private static String publishedAt(String slug) throws SQLException {
        try (Connection db = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "");
                PreparedStatement query = db.prepareStatement(
                        "select coalesce(published_at::text, 'pending') from outbox_event where message_key = ? order by id")) {
            query.setString(1, slug);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("an outbox row for " + slug).isTrue();
                return rows.getString(1);
            }
        }
    }
}
