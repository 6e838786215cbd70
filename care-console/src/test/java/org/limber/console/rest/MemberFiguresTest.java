package org.limber.console.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures that cannot be misread, on the pages as progress-service's answers make them ({@link ServicesDouble}):
 * the change since baseline with "worse" or "better" in words, the weeks from the program's start, and alert kinds
 * and severities in words, most urgent first.
 */
@QuarkusTest
@QuarkusTestResource(value = ServicesDouble.class, restrictToAnnotatedClass = true)
@TestSecurity(user = "casey", roles = "clinician")
class MemberFiguresTest {

    static WireMockServer services() {
        return ServicesDouble.server;
    }

    /** Twelve weeks as progress-service answers them, the last the week of 2026-11-30; only that one has sessions. */
    static String progress(String member, int baseline, int latest, String changePercent, String programStart) {
        List<String> weeks = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            String start = java.time.LocalDate.parse("2026-11-30").minusWeeks(i).toString();
            weeks.add(i == 0 ? """
                    {"weekStart": "%s", "sessionsDone": 2, "sessionsPrescribed": 3, "adherencePercent": 67,
                     "meanPainBefore": %d, "meanWorstPainDuring": %d, "meanPainAfter": %d}""".formatted(start, latest, latest, latest) : """
                    {"weekStart": "%s", "sessionsDone": 0, "sessionsPrescribed": 0}""".formatted(start));
        }
        return """
                {"memberId": "%s", "planVersion": 1, "sessionsPerWeek": 3, "programStart": "%s",
                 "baselinePain": %d, "latestPain": %d, "changePoints": %d, "changePercent": %s,
                 "meaningfulChangeReached": false, "currentStreakWeeks": 0, "sessionsFirst14Days": 2,
                 "earlyMilestoneReached": false, "weeks": [%s]}""".formatted(
                member, programStart, baseline, latest, baseline - latest, changePercent, String.join(",", weeks));
    }

    static final String ALERTS = """
            {"items": [
              {"id": "00000000-0000-0000-0000-00000000000a", "memberId": "m-up", "kind": "INACTIVE", "severity": "NORMAL",
               "status": "OPEN", "reason": "No session for 7 days.", "raisedAt": "2026-12-01T08:00:00Z", "occurrences": 1},
              {"id": "00000000-0000-0000-0000-00000000000b", "memberId": "m-up", "kind": "HIGH_PAIN", "severity": "HIGH",
               "status": "OPEN", "reason": "Pain 8.", "raisedAt": "2026-12-02T08:00:00Z", "occurrences": 1},
              {"id": "00000000-0000-0000-0000-00000000000c", "memberId": "m-up", "kind": "RED_FLAG_SYMPTOM", "severity": "URGENT",
               "status": "OPEN", "reason": "Saddle numbness.", "raisedAt": "2026-12-01T09:00:00Z", "occurrences": 1}],
             "page": 0, "size": 200, "total": 3, "totalPages": 1}""";

    @BeforeEach
    void stubs() {
        services().resetAll();
        services()
                .stubFor(get(urlPathEqualTo("/members/m-up/progress"))
                        .willReturn(okJson(progress("m-up", 5, 8, "-60.0", "2026-12-02"))));
        services()
                .stubFor(get(urlPathEqualTo("/members/m-down/progress"))
                        .willReturn(okJson(progress("m-down", 6, 3, "50.0", "2026-06-01"))));
        services().stubFor(get(urlPathEqualTo("/care-team/alerts")).willReturn(okJson(ALERTS)));
    }

    @Test
    void painThatRoseReadsAsWorseAndPainThatFellAsBetterWithUnsignedFigures() {
        String up =
                given().get("/members/m-up").then().statusCode(200).extract().asString();
        assertThat(up)
                .contains("<dd id=\"pain-change\">3 points worse (pain up 60.0%)</dd>")
                .doesNotContain("-60.0");
        String down =
                given().get("/members/m-down").then().statusCode(200).extract().asString();
        assertThat(down).contains("<dd id=\"pain-change\">3 points better (pain down 50.0%)</dd>");
    }

    @Test
    void theChartAndTableStartAtTheProgramStartNotTwelveWeeksBefore() {
        String started =
                given().get("/members/m-up").then().statusCode(200).extract().asString();
        assertThat(rowWeeks(started)).containsExactly("2026-11-30");
        assertThat(started).contains("Pain over the last 1 week</title>");
        String older =
                given().get("/members/m-down").then().statusCode(200).extract().asString();
        assertThat(rowWeeks(older)).hasSize(12).startsWith("2026-09-14").endsWith("2026-11-30");
    }

    @Test
    void theMembersAlertsShowSeverityAndKindInWordsMostUrgentFirst() {
        String html =
                given().get("/members/m-up").then().statusCode(200).extract().asString();
        String table = html.substring(html.indexOf("id=\"member-alerts\""));
        assertThat(table)
                .contains("<span class=\"sev sev-URGENT\">Urgent</span>")
                .contains("<span class=\"sev sev-HIGH\">High</span>")
                .contains("<span class=\"sev sev-NORMAL\">Routine</span>")
                .doesNotContain(">NORMAL<")
                .doesNotContain(">URGENT<");
        assertThat(table.indexOf("Red-flag symptom reported"))
                .isLessThan(table.indexOf("High pain (7 or more)"))
                .isGreaterThan(0);
        assertThat(table.indexOf("High pain (7 or more)")).isLessThan(table.indexOf("No session for 7 days"));
    }

    @Test
    void thePanelsOpenAlertsAreWordsMostUrgentFirstNotCodes() {
        services().stubFor(get(urlPathEqualTo("/care-team/panel")).willReturn(okJson("""
                        {"items": [{"memberId": "m-up", "baselinePain": 5, "latestPain": 8,
                          "openAlerts": ["INACTIVE:NORMAL", "PAIN_ABOVE_BASELINE:HIGH", "RED_FLAG_SYMPTOM:URGENT"],
                          "worstSeverityRank": 3, "planStatus": "ACTIVE"}],
                         "page": 0, "size": 100, "total": 1, "totalPages": 1}""")));
        String html = given().get("/panel").then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("INACTIVE:NORMAL").doesNotContain("(NORMAL)");
        int urgent = html.indexOf("<span class=\"tag sev-URGENT\">Urgent: Red-flag symptom reported</span>");
        int high = html.indexOf("<span class=\"tag sev-HIGH\">High: Pain above baseline</span>");
        int routine = html.indexOf("<span class=\"tag sev-NORMAL\">Routine: No session for 7 days</span>");
        assertThat(urgent).isPositive().isLessThan(high);
        assertThat(high).isLessThan(routine);
    }

    /** The weeks of the figures table, in order. */
    static List<String> rowWeeks(String html) {
        String table =
                html.substring(html.indexOf("id=\"weeks\""), html.indexOf("</table>", html.indexOf("id=\"weeks\"")));
        Matcher m = Pattern.compile("<th scope=\"row\">([0-9-]+)</th>").matcher(table);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
