package org.limber.console.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's engagement sections (the thread and reply on the member page, unread counts on the panel and
 * Today, the escalations of alerts, EMERGENCY first) against {@link ServicesDouble}, which stands in for
 * engagement-service's care-team API as agreed (the service is built on another branch), and for routine- and
 * progress-service. Kept small: the pages' own behaviour, not the service's.
 */
@QuarkusTest
@QuarkusTestResource(value = ServicesDouble.class, restrictToAnnotatedClass = true)
@TestSecurity(user = "casey", roles = "clinician")
class EngagementSectionsTest {

    static final String URGENT_ID = "00000000-0000-0000-0000-0000000000c1";
    static final String EMERGENCY_ID = "00000000-0000-0000-0000-0000000000e1";

    static final String ALERTS = """
            {"items": [
              {"id": "%s", "memberId": "m-up", "kind": "RED_FLAG_SYMPTOM", "severity": "URGENT",
               "status": "OPEN", "reason": "Red flag.", "raisedAt": "2026-12-01T09:00:00Z", "occurrences": 1},
              {"id": "%s", "memberId": "m-up", "kind": "RED_FLAG_SYMPTOM", "severity": "EMERGENCY",
               "status": "OPEN", "reason": "Red flag.", "raisedAt": "2026-12-01T08:00:00Z", "occurrences": 1}],
             "page": 0, "size": 100, "total": 2, "totalPages": 1}""".formatted(URGENT_ID, EMERGENCY_ID);

    static final String THREAD = """
            {"items": [
              {"id": "msg-3", "memberId": "m-up", "author": "MEMBER", "authorId": "m-up", "authorName": "Maria Lopez",
               "text": "I can't feel my <b>saddle</b> area", "sentAt": "2026-12-03T10:00:00Z", "readAt": null, "flagged": true},
              {"id": "msg-2", "memberId": "m-up", "author": "CLINICIAN", "authorId": "casey", "authorName": "Casey Doe",
               "text": "How was the walk?", "sentAt": "2026-12-02T10:00:00Z", "readAt": "2026-12-02T12:00:00Z", "flagged": false},
              {"id": "msg-1", "memberId": "m-up", "author": "MEMBER", "authorId": "m-up", "authorName": "Maria Lopez",
               "text": "Walked today", "sentAt": "2026-12-01T10:00:00Z", "readAt": "2026-12-01T11:00:00Z", "flagged": false}],
             "total": 23, "page": 0, "size": 20, "unread": 1}""";

    static final String UNREAD = """
            {"total": 5, "members": [
              {"memberId": "m-flag", "unread": 1, "flagged": true, "lastAt": "2026-12-01T10:00:00Z"},
              {"memberId": "m-up", "unread": 4, "flagged": false, "lastAt": "2026-12-03T10:00:00Z"}]}""";

    static final String ESCALATIONS = """
            [{"alertId": "%s", "level": 1, "at": "2026-12-01T08:15:00Z", "notified": "TRIAGE_AND_ADMINS",
              "recipients": 3, "channels": ["PUSH", "EMAIL"]},
             {"alertId": "%s", "level": 0, "at": "2026-12-01T08:00:00Z", "notified": "CLINICIAN",
              "recipients": 1, "channels": ["PUSH"]}]""".formatted(EMERGENCY_ID, EMERGENCY_ID);

    static WireMockServer services() {
        return ServicesDouble.server;
    }

    @BeforeEach
    void stubs() {
        services().resetAll();
        services()
                .stubFor(get(urlPathEqualTo("/members/m-up/progress"))
                        .willReturn(okJson(MemberFiguresTest.progress("m-up", 5, 8, "-60.0", "2026-12-02"))));
        services().stubFor(get(urlPathEqualTo("/care-team/alerts")).willReturn(okJson(ALERTS)));
        services()
                .stubFor(get(urlPathEqualTo("/care-team/members/m-up/messages")).willReturn(okJson(THREAD)));
        services()
                .stubFor(post(urlPathEqualTo("/care-team/members/m-up/messages/read"))
                        .willReturn(aResponse().withStatus(204)));
        services().stubFor(get(urlPathEqualTo("/care-team/messages/unread")).willReturn(okJson(UNREAD)));
        services().stubFor(get(urlPathEqualTo("/care-team/escalations")).willReturn(okJson(ESCALATIONS)));
        services()
                .stubFor(
                        get(urlPathMatching("/care-team/alerts/.*/escalations")).willReturn(okJson(ESCALATIONS)));
    }

    private static String memberPage() {
        return given().get("/members/m-up").then().statusCode(200).extract().asString();
    }

    @Test
    void theThreadShowsNewestFirstWithNamesReceiptsAndTheFlagAndMarksTheMembersMessagesRead() {
        String html = memberPage();
        String thread = html.substring(html.indexOf("id=\"h-messages\""));
        assertThat(thread.indexOf("saddle")).isPositive().isLessThan(thread.indexOf("How was the walk?"));
        assertThat(thread.indexOf("How was the walk?")).isLessThan(thread.indexOf("Walked today"));
        assertThat(thread)
                .contains("Maria Lopez")
                .contains("Casey Doe")
                .contains("Flagged: mentions a possible red-flag symptom")
                .contains("Not read yet")
                .contains("Read <time datetime=\"2026-12-02T12:00:00Z\">")
                .contains("&lt;b&gt;saddle&lt;/b&gt;") // the member's words escaped
                .contains("23 messages")
                .contains("id=\"older-messages\"");
        services()
                .verify(
                        1,
                        postRequestedFor(urlPathEqualTo("/care-team/members/m-up/messages/read"))
                                .withRequestBody(equalToJson("{\"upTo\": \"msg-3\"}")));
    }

    @Test
    void aReplyIsSentOnceWithItsKeyAndABadOneComesBackWithTheErrorNextToTheField() {
        services()
                .stubFor(post(urlPathEqualTo("/care-team/members/m-up/messages"))
                        .willReturn(aResponse()
                                .withStatus(201)
                                .withHeader("Content-Type", "application/json")
                                .withBody("""
                                        {"id": "msg-4", "memberId": "m-up", "author": "CLINICIAN", "authorId": "casey",
                                         "authorName": "Casey Doe", "text": "Please call us", "sentAt": "2026-12-03T11:00:00Z",
                                         "readAt": null, "flagged": false}""")));
        FormToken token = FormToken.of("/members/m-up");
        String empty = token.form()
                .formParam("text", "   ")
                .post("/members/m-up/messages")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(empty).contains("id=\"reply-text-error\">Message: is needed");
        String tooLong = token.form()
                .formParam("text", "x".repeat(2001))
                .post("/members/m-up/messages")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(tooLong).contains("must be at most 2000 characters (it has 2001)");
        services().verify(0, postRequestedFor(urlPathEqualTo("/care-team/members/m-up/messages")));

        String key = "6f1c2b7e-1111-4222-8333-944455556666";
        given().redirects()
                .follow(false)
                .spec(token.form())
                .formParam("id", key)
                .formParam("text", "  Please call us  ")
                .post("/members/m-up/messages")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/members/m-up?done=MESSAGE_SENT"));
        services()
                .verify(
                        1,
                        postRequestedFor(urlPathEqualTo("/care-team/members/m-up/messages"))
                                .withRequestBody(matchingJsonPath(
                                        "$.id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(key)))
                                .withRequestBody(matchingJsonPath(
                                        "$.text",
                                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("Please call us"))));
    }

    @Test
    void aReplyTheServiceRefusesShowsItsFieldErrorAndKeepsTheText() {
        services()
                .stubFor(post(urlPathEqualTo("/care-team/members/m-up/messages"))
                        .willReturn(aResponse()
                                .withStatus(400)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody("""
                                        {"status": 400, "title": "Bad request", "detail": "text is too long",
                                         "errors": [{"field": "text", "message": "must be 1 to 2000 characters"}]}""")));
        String html = FormToken.of("/members/m-up")
                .form()
                .formParam("text", "Kept as written")
                .post("/members/m-up/messages")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(html)
                .contains("id=\"reply-text-error\">Message: must be 1 to 2000 characters")
                .contains(">Kept as written</textarea>");
    }

    @Test
    void thePanelAndTodayShowUnreadCountsFlaggedFirst() {
        services().stubFor(get(urlPathEqualTo("/care-team/panel")).willReturn(okJson("""
                        {"items": [{"memberId": "m-up", "baselinePain": 5, "latestPain": 8,
                          "openAlerts": ["RED_FLAG_SYMPTOM:URGENT", "RED_FLAG_SYMPTOM:EMERGENCY"],
                          "worstSeverityRank": 4, "planStatus": "SUSPENDED"}],
                         "page": 0, "size": 100, "total": 1, "totalPages": 1}""")));
        String panel = given().get("/panel").then().statusCode(200).extract().asString();
        assertThat(panel).contains("<strong>4 unread</strong>");
        // EMERGENCY first and in words, not only by its colour.
        int emergency = panel.indexOf("<span class=\"tag sev-EMERGENCY\">Emergency: Red-flag symptom reported</span>");
        assertThat(emergency)
                .isPositive()
                .isLessThan(panel.indexOf("<span class=\"tag sev-URGENT\">Urgent: Red-flag symptom reported</span>"));

        String today = given().get("/today").then().statusCode(200).extract().asString();
        assertThat(today).contains("<strong id=\"unread-total\">5</strong>");
        String list = today.substring(today.indexOf("id=\"unread-members\""));
        assertThat(list.indexOf("m-flag")).isPositive().isLessThan(list.indexOf("m-up"));
        assertThat(list).contains("Flagged: mentions a possible red-flag symptom");
    }

    @Test
    void anAlertShowsItsEscalationsAndAnEmergencyIsFirstInWords() {
        String html = memberPage();
        String table = html.substring(html.indexOf("id=\"member-alerts\""));
        assertThat(table.indexOf("<span class=\"sev sev-EMERGENCY\">Emergency</span>"))
                .isPositive()
                .isLessThan(table.indexOf("<span class=\"sev sev-URGENT\">Urgent</span>"));
        String emergencyRow = table.substring(
                table.indexOf("id=\"alert-" + EMERGENCY_ID + "\""),
                table.indexOf("</tr>", table.indexOf("id=\"alert-" + EMERGENCY_ID + "\"")));
        assertThat(emergencyRow.indexOf("Notified at once"))
                .isPositive()
                .isLessThan(emergencyRow.indexOf("Escalated (not acknowledged)"));
        assertThat(emergencyRow)
                .contains("the triage clinicians and the admins (3 notified by PUSH and EMAIL)")
                .contains("the member&#39;s clinician (1 notified by PUSH)");

        String alerts = given().get("/alerts").then().statusCode(200).extract().asString();
        assertThat(alerts).contains("Escalated (not acknowledged)");

        services().stubFor(get(urlPathEqualTo("/care-team/triage")).willReturn(okJson(ALERTS)));
        String triage = given().get("/triage").then().statusCode(200).extract().asString();
        assertThat(triage.indexOf("<span class=\"sev sev-EMERGENCY\">Emergency</span>"))
                .isPositive()
                .isLessThan(triage.indexOf("<span class=\"sev sev-URGENT\">Urgent</span>"));
    }

    @Test
    void engagementServiceFailingOrDownLeavesEveryPageWithANoticeInItsSection() {
        services()
                .stubFor(get(urlPathMatching("/care-team/(members/.*/messages|messages/unread|escalations)"))
                        .willReturn(aResponse().withStatus(500)));
        services()
                .stubFor(get(urlPathMatching("/care-team/alerts/.*/escalations"))
                        .willReturn(aResponse().withStatus(503)));
        services().stubFor(get(urlPathEqualTo("/care-team/panel")).willReturn(okJson("""
                        {"items": [{"memberId": "m-up", "baselinePain": 5, "latestPain": 8, "openAlerts": [],
                          "worstSeverityRank": 0, "planStatus": "ACTIVE"}],
                         "page": 0, "size": 100, "total": 1, "totalPages": 1}""")));
        String member = memberPage();
        assertThat(member)
                .contains("id=\"messages-problem\"")
                .contains("id=\"escalations-problem\"")
                .contains("id=\"pain-change\""); // the rest of the page is there
        assertThat(given().get("/panel").then().statusCode(200).extract().asString())
                .contains("id=\"unread-problem\"");
        assertThat(given().get("/today").then().statusCode(200).extract().asString())
                .contains("id=\"unread-problem\"");
        assertThat(given().get("/alerts").then().statusCode(200).extract().asString())
                .contains("id=\"escalations-problem\"");
    }
}
