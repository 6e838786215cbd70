package org.limber.engagement.rest;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.engagement.EngagementTokens;
import org.limber.engagement.Fixtures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Messages between a member and the care team, on a real server: panel, read receipts, paging, bounds. */
@QuarkusTest
class MessagesTest {

    static final String MEMBER = Fixtures.newMember();
    static final String CLINICIAN = "clin-" + MEMBER;

    static boolean assigned;

    @BeforeEach
    void onThePanel() {
        if (assigned) {
            return;
        }
        assigned = true;
        Fixtures.send(Fixtures.plan(MEMBER, 3), Fixtures.careTeam(MEMBER, CLINICIAN));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> asClinician(CLINICIAN)
                        .get("/care-team/members/{m}/messages", MEMBER)
                        .then()
                        .statusCode(200));
    }

    static io.restassured.specification.RequestSpecification asMember(String member) {
        return given().auth().oauth2(EngagementTokens.member(member)).contentType(ContentType.JSON);
    }

    static io.restassured.specification.RequestSpecification asClinician(String clinician) {
        return given().auth().oauth2(EngagementTokens.clinician(clinician)).contentType(ContentType.JSON);
    }

    @Test
    void memberAndClinicianWriteAndReadEachOther() {
        UUID id = UUID.randomUUID();
        Response posted = asMember(MEMBER)
                .body(Map.of("id", id, "text", "The bridge felt easier today"))
                .post("/members/me/messages");
        posted.then()
                .statusCode(201)
                .body("id", equalTo(id.toString()))
                .body("author", equalTo("MEMBER"))
                .body("authorName", equalTo("Mia Member"))
                .body("flagged", equalTo(false))
                .body("pointer", nullValue())
                .body("notice", notNullValue());
        // The same id again: the same message, once.
        asMember(MEMBER)
                .body(Map.of("id", id, "text", "The bridge felt easier today"))
                .post("/members/me/messages")
                .then()
                .statusCode(201)
                .body("id", equalTo(id.toString()));
        asClinician(CLINICIAN)
                .get("/care-team/members/{m}/messages", MEMBER)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("unread", equalTo(1))
                .body("items[0].text", equalTo("The bridge felt easier today"));
        asClinician(CLINICIAN)
                .get("/care-team/messages/unread")
                .then()
                .statusCode(200)
                .body("members.memberId", hasItem(MEMBER));

        asClinician(CLINICIAN)
                .body(Map.of("upTo", id))
                .post("/care-team/members/{m}/messages/read", MEMBER)
                .then()
                .statusCode(204);
        asClinician(CLINICIAN)
                .get("/care-team/members/{m}/messages", MEMBER)
                .then()
                .body("unread", equalTo(0))
                .body("items[0].readAt", notNullValue());

        String reply = asClinician(CLINICIAN)
                .body(Map.of("text", "Well done, keep going"))
                .post("/care-team/members/{m}/messages", MEMBER)
                .then()
                .statusCode(201)
                .body("author", equalTo("CLINICIAN"))
                .body("authorName", equalTo("Carl Clinician"))
                .extract()
                .path("id");
        asMember(MEMBER)
                .get("/members/me/messages")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("unread", equalTo(1))
                .body("items[0].id", equalTo(reply))
                .body("notice", notNullValue());
        asMember(MEMBER)
                .body(Map.of("upTo", reply))
                .post("/members/me/messages/read")
                .then()
                .statusCode(204);
        asMember(MEMBER)
                .get("/members/me/messages?page=0&size=1")
                .then()
                .body("unread", equalTo(0))
                .body("items.size()", equalTo(1))
                .body("size", equalTo(1));
    }

    @Test
    void redFlagWordsAnswerWithAPointerAndFlagTheThread() {
        String member = Fixtures.newMember();
        String clinician = "clin-" + member;
        Fixtures.send(Fixtures.careTeam(member, clinician));
        asMember(member)
                .body(Map.of("text", "Since last night I feel numb in the saddle area"))
                .post("/members/me/messages")
                .then()
                .statusCode(201)
                .body("flagged", equalTo(true))
                .body("pointer.href", equalTo("/symptoms"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Response unread = asClinician(clinician).get("/care-team/messages/unread");
            assertThat(unread.statusCode()).isEqualTo(200);
            assertThat(unread.jsonPath().getList("members.memberId")).contains(member);
            assertThat(unread.jsonPath().getBoolean("members[0].flagged")).isTrue();
        });
    }

    @Test
    void anotherClinicianGets404AndAnAdminSeesTheThread() {
        asClinician("someone-else")
                .get("/care-team/members/{m}/messages", MEMBER)
                .then()
                .statusCode(404);
        asClinician("someone-else")
                .body(Map.of("text", "hello"))
                .post("/care-team/members/{m}/messages", MEMBER)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(EngagementTokens.admin("an-admin"))
                .get("/care-team/members/{m}/messages", MEMBER)
                .then()
                .statusCode(200);
        asMember(MEMBER).get("/care-team/members/{m}/messages", MEMBER).then().statusCode(403);
        given().get("/members/me/messages").then().statusCode(401);
    }

    @Test
    void boundsAreProblemsNamingTheField() {
        asMember(MEMBER)
                .body(Map.of("text", ""))
                .post("/members/me/messages")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("text"));
        asMember(MEMBER)
                .body(Map.of("text", "x".repeat(2001)))
                .post("/members/me/messages")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("text"));
        asMember(MEMBER)
                .body(Map.of("text", "x".repeat(2000)))
                .post("/members/me/messages")
                .then()
                .statusCode(201);
        asMember(MEMBER)
                .body(Map.of("id", "not-a-uuid", "text", "hi"))
                .post("/members/me/messages")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("id"));
        asMember(MEMBER)
                .body(Map.of("upTo", UUID.randomUUID()))
                .post("/members/me/messages/read")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("upTo"));
        asMember(MEMBER).get("/members/me/messages?size=1000").then().statusCode(400);
        // A token for another audience is refused.
        given().auth()
                .oauth2(org.limber.testsupport.Tokens.member(MEMBER))
                .get("/members/me/messages")
                .then()
                .statusCode(401);
    }
}
