package org.limber.routine.messaging.inbound;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;
import org.junit.jupiter.api.Test;

import org.limber.routine.Fixtures;
import org.limber.routine.health.CatalogReplicaReadiness;
import org.limber.testsupport.CatalogFixture;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.limber.routine.Fixtures.intake;
import static org.limber.routine.Fixtures.member;
import static org.limber.routine.Fixtures.newMember;
import static org.limber.routine.Fixtures.redFlags;

/**
 * No plan from a half-read catalog: with the catalog consumer held back (a new consumer group, its
 * channel paused at start), the service is not ready and intakes answer 503 until the copy has
 * consumed the topic up to the end offsets found at start. Before, readiness was UP and an intake
 * built a plan from whatever part of the catalog had been read.
 */
@QuarkusTest
@TestProfile(CatalogCatchUpTest.HeldBack.class)
class CatalogCatchUpTest {

    /** A consumer group that has read nothing, paused until the test lets it go. */
    public static class HeldBack implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.incoming.catalog-exercises.group.id",
                    "routine-catch-up-test-" + UUID.randomUUID(),
                    "mp.messaging.incoming.catalog-exercises.pausable",
                    "true",
                    "mp.messaging.incoming.catalog-exercises.initially-paused",
                    "true");
        }
    }

    @Inject
    ChannelRegistry channels;

    @Test
    void notReadyAndNoPlanUntilTheCatalogCopyHasCaughtUp() {
        CatalogFixture.send(Fixtures.CATALOG.stream()
                .map(CatalogFixture::published)
                .map(Object.class::cast)
                .toList());
        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == '" + CatalogReplicaReadiness.NAME + "' }.status", equalTo("DOWN"));
        member(newMember())
                .body(intake())
                .post("/members/me/intake")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://limber.dev/problems/catalog-not-ready"))
                .body("detail", containsString("try again"));
        // A referral needs no catalog and never waits.
        Map<String, Object> referral = intake();
        redFlags(referral).put("saddleNumbness", true);
        member(newMember())
                .body(referral)
                .post("/members/me/intake")
                .then()
                .statusCode(201)
                .body("outcome", equalTo("REFERRED"));

        channels.getPausable(CatalogConsumer.CHANNEL).resume();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        given().get("/q/health/ready")
                .then()
                .body("checks.name", hasItem(CatalogReplicaReadiness.NAME))
                .body(
                        "checks.find { it.name == '" + CatalogReplicaReadiness.NAME + "' }.data.status",
                        equalTo("caught up"));
        member(newMember())
                .body(intake())
                .post("/members/me/intake")
                .then()
                .statusCode(201)
                .body("outcome", equalTo("PLAN_CREATED"))
                .body("plan.sessions.items*.size()", everyItem(greaterThan(0)));
    }
}
