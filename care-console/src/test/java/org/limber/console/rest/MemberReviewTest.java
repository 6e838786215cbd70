package org.limber.console.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review of a suspended plan or a first-intake referral on the member page (issue 20), against a
 * stand-in for routine-service ({@link RoutineDouble}): the form (a checkbox per red flag, unticked; the
 * outcome; a note), the reviews so far, the body sent to {@code POST /members/{id}/plan/resume}, and
 * routine-service's field errors shown next to the form.
 */
@QuarkusTest
@QuarkusTestResource(value = RoutineDouble.class, restrictToAnnotatedClass = true)
@TestSecurity(user = "casey", roles = "clinician")
class MemberReviewTest {

    static final String SUSPENSION = """
            {"cause": "SESSION", "redFlags": ["SADDLE_NUMBNESS", "BLADDER_OR_BOWEL_CONTROL"],
             "sourceId": "7a1c1a8e-3a43-4a0e-9f0e-0d5d3c1b2a10", "since": "2026-12-01T09:30:00Z",
             "reason": "Your exercise plan is paused because you reported a warning symptom with a session."}""";

    static final String SUSPENDED_PLAN = """
            {"memberId": "m-s", "version": 3, "source": "ADAPTATION", "createdAt": "2026-11-30T08:00:00Z",
             "startDate": "2026-11-01", "sessionsPerWeek": 3, "minutesPerSession": 15, "baselinePain": 6,
             "conditions": ["NON_SPECIFIC_LOW_BACK_PAIN"], "sessions": [], "excluded": [], "notes": [],
             "flare": false, "adaptation": {"enabled": false}, "automaticChanges": [], "clinicianChanges": [],
             "status": "SUSPENDED", "suspension": %s}""".formatted(SUSPENSION);

    static final String HOLD = """
            {"memberId": "m-s", "referral": false, "planVersion": 3, "cause": "SESSION",
             "redFlags": ["SADDLE_NUMBNESS", "BLADDER_OR_BOWEL_CONTROL"],
             "sourceId": "7a1c1a8e-3a43-4a0e-9f0e-0d5d3c1b2a10", "since": "2026-12-01T09:30:00Z",
             "reason": "Your exercise plan is paused because you reported a warning symptom with a session.",
             "reviews": [{"redFlagsAssessed": ["SADDLE_NUMBNESS", "BLADDER_OR_BOWEL_CONTROL"], "outcome": "REFERRED_ON",
                          "outcomeText": null, "note": "Sent to A&E for an MRI <today>", "reviewedBy": "robin",
                          "reviewedAt": "2026-12-02T10:00:00Z"}]}""";

    static final String REFERRAL = """
            {"memberId": "m-r", "referral": true, "planVersion": null, "cause": "INTAKE",
             "redFlags": ["SADDLE_NUMBNESS"], "sourceId": "0b7f4a52-8a61-4a4c-8f55-2a3c7d9e1f00",
             "since": "2026-12-03T08:00:00Z",
             "reason": "You were referred to a clinician because you reported a warning symptom at your intake.",
             "reviews": []}""";

    static final String NO_PLAN = """
            {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "No plan yet."}""";

    static final String NO_SESSIONS = """
            {"items": [], "page": 0, "size": 10, "total": 0, "totalPages": 0}""";

    WireMockServer routine;

    @BeforeEach
    void stubs() {
        routine = RoutineDouble.server;
        routine.resetAll();
        routine.stubFor(get(urlPathEqualTo("/members/m-s/plan")).willReturn(okJson(SUSPENDED_PLAN)));
        routine.stubFor(get(urlPathEqualTo("/members/m-s/plan/suspension")).willReturn(okJson(HOLD)));
        routine.stubFor(get(urlPathEqualTo("/members/m-r/plan")).willReturn(problem(404, NO_PLAN)));
        routine.stubFor(get(urlPathEqualTo("/members/m-r/plan/suspension")).willReturn(okJson(REFERRAL)));
        routine.stubFor(get(urlPathEqualTo("/members/m-n/plan")).willReturn(problem(404, NO_PLAN)));
        routine.stubFor(get(urlPathEqualTo("/members/m-n/plan/suspension")).willReturn(problem(404, NO_PLAN)));
        for (String member : List.of("m-s", "m-r", "m-n")) {
            routine.stubFor(
                    get(urlPathEqualTo("/members/" + member + "/sessions")).willReturn(okJson(NO_SESSIONS)));
        }
    }

    @Test
    void aSuspendedPlanShowsTheReviewFormWithEachRedFlagUntickedAndTheReviewsSoFar() {
        String html =
                given().get("/members/m-s").then().statusCode(200).extract().asString();
        String form = form(html);
        assertThat(html)
                .doesNotContain("/resume\"")
                .doesNotContain("Resume the plan")
                .contains("id=\"suspended\"")
                .contains("a red flag reported with a session")
                .contains("Your exercise plan is paused because you reported a warning symptom with a session.");
        assertThat(checkboxes(form))
                .containsExactly(
                        "<input type=\"checkbox\" name=\"redFlagsAssessed\" value=\"SADDLE_NUMBNESS\">",
                        "<input type=\"checkbox\" name=\"redFlagsAssessed\" value=\"BLADDER_OR_BOWEL_CONTROL\">");
        assertThat(form)
                .contains("Saddle numbness")
                .contains("New loss of bladder or bowel control")
                .contains("value=\"EXCLUDED_SAFE_TO_CONTINUE\"")
                .contains("Excluded — safe to continue")
                .contains("value=\"REFERRED_ON\"")
                .contains("Referred on — keep the plan paused")
                .contains("value=\"OTHER\"")
                .contains("name=\"outcomeText\"")
                .contains("<textarea id=\"review-note\" name=\"note\" required")
                .doesNotContain(" checked>");
        // The review recorded earlier (referred on), its note escaped.
        assertThat(html)
                .contains("<strong>Referred on — keep the plan paused</strong>, by robin on 2026-12-02 10:00 UTC")
                .contains("Note: Sent to A&amp;E for an MRI &lt;today&gt;");
    }

    @Test
    void aMemberReferredAtTheFirstIntakeHasNoPlanButTheReferralAndTheForm() {
        String html =
                given().get("/members/m-r").then().statusCode(200).extract().asString();
        assertThat(html)
                .contains("Referred at the first intake: no plan yet.")
                .contains("You were referred to a clinician because you reported a warning symptom at your intake.")
                .contains("No review recorded yet.")
                .doesNotContain("No plan: the member");
        assertThat(checkboxes(form(html)))
                .containsExactly("<input type=\"checkbox\" name=\"redFlagsAssessed\" value=\"SADDLE_NUMBNESS\">");
    }

    @Test
    void aMemberWithoutAPlanWhoIsNotHeldHasNoForm() {
        String html =
                given().get("/members/m-n").then().statusCode(200).extract().asString();
        assertThat(html).contains("No plan: the member").doesNotContain("review-form");
    }

    @Test
    void theReviewIsSentAsRoutineServiceReadsItAndThePageSaysWhatItDid() {
        routine.stubFor(post(urlEqualTo("/members/m-s/plan/resume")).willReturn(okJson("""
                        {"memberId": "m-s", "outcome": "OTHER", "status": "ACTIVE", "planVersion": 4,
                         "reviewedBy": "casey", "reviewedAt": "2026-12-04T10:00:00Z", "adaptationOn": false}""")));
        FormToken csrf = FormToken.of("/members/m-s");
        Response answer = csrf.form()
                .formParam("redFlagsAssessed", "SADDLE_NUMBNESS", "BLADDER_OR_BOWEL_CONTROL")
                .formParam("outcome", "OTHER")
                .formParam("outcomeText", "Seen by the GP: settled")
                .formParam("note", "Phoned; no numbness now, bladder normal.")
                .redirects()
                .follow(false)
                .post("/members/m-s/review");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/members/m-s?done=REVIEW_PLAN_RUNS_ADAPTATION_OFF.4");
        assertThat(given().get(answer.header("Location"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("Review recorded: the plan runs again (version 4); automatic adaptation is off.");
        routine.verify(
                1, postRequestedFor(urlEqualTo("/members/m-s/plan/resume")).withRequestBody(equalToJson("""
                                {"redFlagsAssessed": ["SADDLE_NUMBNESS", "BLADDER_OR_BOWEL_CONTROL"],
                                 "outcome": "OTHER", "outcomeText": "Seen by the GP: settled",
                                 "note": "Phoned; no numbness now, bladder normal."}""")));
    }

    @Test
    void aReferralClearedSaysTheMemberMayTakeTheIntake() {
        routine.stubFor(post(urlEqualTo("/members/m-r/plan/resume")).willReturn(okJson("""
                        {"memberId": "m-r", "outcome": "EXCLUDED_SAFE_TO_CONTINUE", "status": "NO_PLAN",
                         "planVersion": null, "adaptationOn": true}""")));
        Response answer = FormToken.of("/members/m-r")
                .form()
                .formParam("redFlagsAssessed", "SADDLE_NUMBNESS")
                .formParam("outcome", "EXCLUDED_SAFE_TO_CONTINUE")
                .formParam("outcomeText", "")
                .formParam("note", "Examined: saddle sensation normal.")
                .redirects()
                .follow(false)
                .post("/members/m-r/review");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/members/m-r?done=REVIEW_REFERRAL_CLEARED");
        routine.verify(postRequestedFor(urlEqualTo("/members/m-r/plan/resume")).withRequestBody(equalToJson("""
                                {"redFlagsAssessed": ["SADDLE_NUMBNESS"], "outcome": "EXCLUDED_SAFE_TO_CONTINUE",
                                 "outcomeText": null, "note": "Examined: saddle sensation normal."}""")));
    }

    @Test
    void routineServicesFieldErrorsShowNextToTheFormWithWhatWasEntered() {
        routine.stubFor(post(urlEqualTo("/members/m-s/plan/resume")).willReturn(problem(422, """
                        {"type": "https://limber.dev/problems/invalid", "title": "Unprocessable", "status": 422,
                         "detail": "The review must assess every red flag that suspended the plan.",
                         "errors": [{"field": "redFlagsAssessed", "message": "must include BLADDER_OR_BOWEL_CONTROL"}]}""")));
        String html = FormToken.of("/members/m-s")
                .form()
                .formParam("redFlagsAssessed", "SADDLE_NUMBNESS")
                .formParam("outcome", "EXCLUDED_SAFE_TO_CONTINUE")
                .formParam("note", "Checked the saddle area only.")
                .post("/members/m-s/review")
                .then()
                .statusCode(422)
                .extract()
                .asString();
        assertThat(html)
                .contains("The review must assess every red flag that suspended the plan.")
                .contains("<p class=\"field-error\" id=\"review-flags-error\">Red flags assessed: must include"
                        + " BLADDER_OR_BOWEL_CONTROL</p>")
                .contains("aria-describedby=\"review-flags-hint review-flags-error\"");
        String form = form(html);
        assertThat(checkboxes(form))
                .containsExactly(
                        "<input type=\"checkbox\" name=\"redFlagsAssessed\" value=\"SADDLE_NUMBNESS\" checked>",
                        "<input type=\"checkbox\" name=\"redFlagsAssessed\" value=\"BLADDER_OR_BOWEL_CONTROL\">");
        assertThat(form)
                .contains(
                        "value=\"EXCLUDED_SAFE_TO_CONTINUE\" id=\"outcome-EXCLUDED_SAFE_TO_CONTINUE\" required checked>")
                .contains(">Checked the saddle area only.</textarea>");
    }

    @Test
    void aNoteAloneOrOtherWithoutItsTextIsRefusedInWordsAndNothingIsSent() {
        // The old resume form's body: a note only.
        String html = FormToken.of("/members/m-s")
                .form()
                .formParam("note", "Looked at it.")
                .post("/members/m-s/review")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(html)
                .contains("The review was not recorded")
                .contains("id=\"review-flags-error\">Red flags assessed: tick each red flag you assessed</p>")
                .contains("id=\"review-outcome-error\">Outcome: choose the outcome of your review</p>")
                .doesNotContain("review-note-error");
        String other = FormToken.of("/members/m-s")
                .form()
                .formParam("redFlagsAssessed", "SADDLE_NUMBNESS", "BLADDER_OR_BOWEL_CONTROL")
                .formParam("outcome", "OTHER")
                .formParam("note", " ")
                .post("/members/m-s/review")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(other)
                .contains(
                        "id=\"review-outcome-text-error\">Other outcome: say what the outcome is when it is Other</p>")
                .contains("id=\"review-note-error\">Note: is needed</p>")
                .doesNotContain("review-flags-error");
        routine.verify(0, postRequestedFor(anyUrl()));
        // The old path is gone.
        FormToken.of("/members/m-s")
                .form()
                .formParam("note", "Looked at it.")
                .post("/members/m-s/resume")
                .then()
                .statusCode(404);
    }

    // ---- helpers ----

    /** A problem+json answer, as the services write them. */
    static ResponseDefinitionBuilder problem(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(body);
    }

    /** The review form of a page. */
    static String form(String html) {
        int id = html.indexOf("id=\"review-form\"");
        int start = id < 0 ? -1 : html.lastIndexOf("<form", id);
        assertThat(start).as("the review form").isNotNegative();
        return html.substring(start, html.indexOf("</form>", start));
    }

    static List<String> checkboxes(String html) {
        Matcher m = Pattern.compile("<input type=\"checkbox\"[^>]*>").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
