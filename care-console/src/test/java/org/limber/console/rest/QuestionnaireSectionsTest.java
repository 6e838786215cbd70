package org.limber.console.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validated questionnaires on the pages, as progress-service's answers make them
 * ({@link ServicesDouble}): the member's STarT Back risk group in words with what it asks, the PEG trend as a
 * table, the panel's risk column; a member without answers says so, and a failing measures call leaves the rest
 * of the page.
 */
@QuarkusTest
@QuarkusTestResource(value = ServicesDouble.class, restrictToAnnotatedClass = true)
@TestSecurity(user = "casey", roles = "clinician")
class QuestionnaireSectionsTest {

    static final String MEASURES = """
            {"memberId": "m-q", "startBackRisk": "HIGH", "startBackTotal": 7, "startBackSubscale": 4,
             "startBackAt": "2026-09-01T08:00:00Z", "pegBaseline": 6.7, "pegLatest": 4.0, "pegChangePercent": 40.3,
             "pegMeaningfulFall": true,
             "peg": [{"authoredAt": "2026-09-01T08:00:00Z", "timepoint": "BASELINE", "score": 6.7},
                     {"authoredAt": "2026-10-13T08:00:00Z", "timepoint": "WEEK_6", "score": 5.3},
                     {"authoredAt": "2026-11-24T08:00:00Z", "timepoint": "END", "score": 4.0}]}""";

    WireMockServer services;

    @BeforeEach
    void stubs() {
        services = ServicesDouble.server;
        services.resetAll();
        services.stubFor(get(urlPathEqualTo("/members/m-q/progress"))
                .willReturn(okJson(MemberFiguresTest.progress("m-q", 6, 4, "33.3", "2026-09-01"))));
        services.stubFor(get(urlPathEqualTo("/care-team/alerts")).willReturn(okJson("""
                        {"items": [], "page": 0, "size": 200, "total": 0, "totalPages": 0}""")));
    }

    @Test
    void theMemberPageShowsTheRiskGroupInWordsAndThePegTrend() {
        services.stubFor(get(urlPathEqualTo("/members/m-q/measures")).willReturn(okJson(MEASURES)));
        String html =
                given().get("/members/m-q").then().statusCode(200).extract().asString();
        assertThat(html)
                .contains("High risk: psychologically informed care, a clinician&#39;s contact within 2 working days")
                .contains("total 7 of 9, psychosocial 4 of 5")
                .contains("6.7 at the start, 4.0 now: a meaningful fall (40.3% down, 30% or more)");
        String table = html.substring(
                html.indexOf("id=\"peg-trend\""), html.indexOf("</table>", html.indexOf("id=\"peg-trend\"")));
        assertThat(table).contains("at the start").contains("week 6").contains("end of the program");
        assertThat(table.indexOf("6.7")).isLessThan(table.indexOf("5.3"));
    }

    @Test
    void aMemberWithoutAnswersSaysSoAndAFailingCallLeavesTheRestOfThePage() {
        services.stubFor(get(urlPathEqualTo("/members/m-q/measures")).willReturn(okJson("""
                        {"memberId": "m-q", "pegMeaningfulFall": false, "peg": []}""")));
        String none =
                given().get("/members/m-q").then().statusCode(200).extract().asString();
        assertThat(none)
                .contains("<dd id=\"startback-risk\">not answered yet</dd>")
                .doesNotContain("id=\"peg-trend\"");
        services.stubFor(get(urlPathEqualTo("/members/m-q/measures"))
                .willReturn(aResponse().withStatus(503)));
        String failing =
                given().get("/members/m-q").then().statusCode(200).extract().asString();
        assertThat(failing).contains("id=\"h-questionnaires\"").contains("id=\"pain-chart\"");
    }

    @Test
    void thePanelShowsEachMembersRiskGroup() {
        services.stubFor(get(urlPathEqualTo("/care-team/panel")).willReturn(okJson("""
                        {"items": [{"memberId": "m-q", "baselinePain": 6, "latestPain": 4, "openAlerts": [],
                                    "worstSeverityRank": 0, "planStatus": "ACTIVE", "startBackRisk": "HIGH"},
                                   {"memberId": "m-n", "baselinePain": 5, "latestPain": 5, "openAlerts": [],
                                    "worstSeverityRank": 0, "planStatus": "ACTIVE"}],
                         "page": 0, "size": 100, "total": 2, "totalPages": 1}""")));
        String html = given().get("/panel").then().statusCode(200).extract().asString();
        assertThat(html)
                .contains("<th scope=\"col\">STarT Back risk</th>")
                .contains("<td><strong>High</strong></td>")
                .contains("<span class=\"muted\">not answered</span>");
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void theOutcomesReportShowsEveryMeasureForAllStartersAndForCompletersWithSmallGroupsSuppressed() {
        services.stubFor(get(urlPathEqualTo("/reports/outcomes")).willReturn(okJson("""
                        {"suppressed": false, "members": 24, "completers": 14, "completionRate": 58.3,
                         "meanPainChangePercent": 35.0, "shareReachingMcid": 64.3,
                         "adherence": {"under50": 10.0, "from50to79": 30.0, "atLeast80": 60.0},
                         "allStarters": {"members": 24, "painMembers": 24, "meanPainChangePercent": 21.5,
                           "medianPainChangePercent": 20.0, "shareReachingMcid": 41.7, "pegMembers": 22,
                           "baselinePegMean": 6.4, "baselinePegMedian": 6.3, "latestPegMean": 4.6,
                           "latestPegMedian": 4.5, "sharePegFall30": 36.4},
                         "completersOnly": {"members": 8, "note": "Fewer than 10 completers answered the PEG."}}""")));
        String html = given().get("/admin").then().statusCode(200).extract().asString();
        String table = html.substring(
                html.indexOf("id=\"outcome-measures\""),
                html.indexOf("</table>", html.indexOf("id=\"outcome-measures\"")));
        assertThat(table)
                .contains(
                        "<th scope=\"row\">PEG at the start, mean / median</th><td>6.4 / 6.3</td><td>suppressed / suppressed</td>")
                .contains("<th scope=\"row\">Share with a PEG fall of 30% or more</th><td>36.4</td><td>suppressed</td>")
                .contains("<td>21.5 / 20.0</td>");
    }
}
