package org.limber.console.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's privacy pages (issue 25) against stand-ins for routine- and progress-service ({@link ServicesDouble}):
 * the access audit with its filters passed on and each entry's who, member, what, service and client; the erasure
 * requests with each service's part and a hold's reason; a legal hold placed with a reason (none: the error next to
 * the field, nothing sent) and released.
 */
@QuarkusTest
@QuarkusTestResource(value = ServicesDouble.class, restrictToAnnotatedClass = true)
@TestSecurity(user = "ada", roles = "admin")
class PrivacyPagesTest {

    static final String ACCESS = """
            {"items": [{"memberId": "m-1", "accessedAt": "2026-12-07T09:30:00Z", "actorId": "c-1",
                        "actorName": "Casey Clinician", "actorRole": "clinician", "operation": "READ",
                        "resource": "progress", "service": "progress", "client": "limber-console"}],
             "page": 0, "size": 50, "total": 1, "totalPages": 1}""";

    static final String ERASURES = """
            {"items": [{"memberId": "m-1", "status": "IN_PROGRESS", "requestedAt": "2026-12-07T10:00:00Z",
                        "requestedBy": "m-1", "services": [
                          {"service": "routine", "status": "DONE", "completedAt": "2026-12-07T10:00:05Z"},
                          {"service": "engagement", "status": "PENDING"}]},
                       {"memberId": "m-2", "status": "HELD", "requestedAt": "2026-12-06T10:00:00Z",
                        "requestedBy": "ada", "holdReason": "A complaint about the care is open",
                        "services": []}],
             "page": 0, "size": 50, "total": 2, "totalPages": 1}""";

    static final String HOLDS = """
            {"items": [{"memberId": "m-2", "reason": "A complaint about the care is open", "placedBy": "ada",
                        "placedAt": "2026-12-05T08:00:00Z"}],
             "page": 0, "size": 50, "total": 1, "totalPages": 1}""";

    WireMockServer services;

    @BeforeEach
    void stubs() {
        services = ServicesDouble.server;
        services.resetAll();
        services.stubFor(get(urlPathEqualTo("/people")).willReturn(okJson("""
                        [{"id": "m-1", "name": "Maria Member"}, {"id": "m-2", "name": "Mo Held"}]""")));
        services.stubFor(get(urlPathEqualTo("/erasures")).willReturn(okJson(ERASURES)));
        services.stubFor(get(urlPathEqualTo("/legal-holds")).willReturn(okJson(HOLDS)));
    }

    @Test
    void theAuditShowsWhoSawWhichMemberAndPassesTheFiltersOn() {
        services.stubFor(get(urlPathEqualTo("/audit/access")).willReturn(okJson(ACCESS)));
        String html = given().get("/admin/audit?memberId=m-1&actorId=c-1&from=2026-12-01&to=2026-12-07")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String table = html.substring(html.indexOf("id=\"audit\""), html.indexOf("</table>"));
        assertThat(table)
                .contains("2026-12-07 09:30 UTC")
                .contains("Casey Clinician</span> <small class=\"muted code\">c-1</small>")
                .contains("clinician")
                .contains("Maria Member</span> <small class=\"muted code\">m-1</small>")
                .contains("<td>Read</td>")
                .contains("limber-console");
        services.verify(getRequestedFor(urlPathEqualTo("/audit/access"))
                .withQueryParam("memberId", equalTo("m-1"))
                .withQueryParam("actorId", equalTo("c-1"))
                .withQueryParam("from", equalTo("2026-12-01T00:00:00Z"))
                .withQueryParam("to", equalTo("2026-12-08T00:00:00Z"))
                .withQueryParam("page", equalTo("0")));
        assertThat(html).contains("value=\"2026-12-01\"").contains("<a href=\"/admin/audit\">Access audit</a>");
    }

    @Test
    void aDayThatIsNotADayIsRefusedNextToItsFieldAndNothingIsAsked() {
        String html = given().get("/admin/audit?from=yesterday&to=2026-12-07")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(html).contains("<p class=\"field-error\" id=\"from-error\">From is not a day written yyyy-mm-dd");
        services.verify(0, getRequestedFor(urlPathEqualTo("/audit/access")));
    }

    @Test
    void thePrivacyPageShowsErasuresWithEachServiceAndTheHolds() {
        String html =
                given().get("/admin/privacy").then().statusCode(200).extract().asString();
        String erasures = html.substring(html.indexOf("id=\"erasures\""), html.indexOf("id=\"holds\""));
        assertThat(erasures)
                .contains("Maria Member")
                .contains("<strong>IN_PROGRESS</strong>")
                .contains("routine: DONE")
                .contains("engagement: PENDING")
                .contains("<strong>HELD</strong>")
                .contains("A complaint about the care is open");
        String holds = html.substring(html.indexOf("id=\"legal-holds\""));
        assertThat(holds)
                .contains("Mo Held")
                .contains("<input type=\"hidden\" name=\"memberId\" value=\"m-2\">")
                .contains("Release the hold on Mo Held");
        assertThat(html).contains("<a href=\"/admin/privacy\">Privacy</a>");
    }

    @Test
    void aHoldWithoutAReasonIsRefusedNextToTheFieldAndNothingIsSent() {
        String html = FormToken.of("/admin/privacy")
                .form()
                .formParam("memberId", "m-3")
                .formParam("reason", "   ")
                .post("/admin/privacy/hold")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(html)
                .contains("<p class=\"field-error\" id=\"reason-error\">Reason is needed: why the record must be kept")
                .contains("value=\"m-3\"");
        services.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void aHoldIsPlacedWithItsReasonAndReleased() {
        services.stubFor(put(urlEqualTo("/members/m-3/legal-hold")).willReturn(okJson("""
                        {"memberId": "m-3", "reason": "Litigation", "placedBy": "ada",
                         "placedAt": "2026-12-07T11:00:00Z"}""")));
        services.stubFor(delete(urlEqualTo("/members/m-2/legal-hold"))
                .willReturn(aResponse().withStatus(204)));
        FormToken csrf = FormToken.of("/admin/privacy");
        Response placed = csrf.form()
                .formParam("memberId", "m-3")
                .formParam("reason", "Litigation")
                .redirects()
                .follow(false)
                .post("/admin/privacy/hold");
        assertThat(placed.statusCode()).isEqualTo(303);
        assertThat(placed.header("Location")).endsWith("/admin/privacy?done=HOLD_PLACED");
        services.verify(putRequestedFor(urlEqualTo("/members/m-3/legal-hold"))
                .withRequestBody(equalToJson("{\"reason\": \"Litigation\"}")));
        Response released = csrf.form()
                .formParam("memberId", "m-2")
                .redirects()
                .follow(false)
                .post("/admin/privacy/release");
        assertThat(released.statusCode()).isEqualTo(303);
        services.verify(deleteRequestedFor(urlEqualTo("/members/m-2/legal-hold")));
        assertThat(given().get(released.header("Location")).then().extract().asString())
                .contains("Legal hold released");
    }

    @Test
    void routineServicesRefusalOfAHoldIsShownWithWhatWasEntered() {
        services.stubFor(put(urlEqualTo("/members/nobody/legal-hold"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\": 404, \"title\": \"Not found\", \"detail\": \"No such member.\"}")));
        String html = FormToken.of("/admin/privacy")
                .form()
                .formParam("memberId", "nobody")
                .formParam("reason", "Litigation")
                .post("/admin/privacy/hold")
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertThat(html).contains("No such member.").contains(">Litigation</textarea>");
        services.verify(0, anyRequestedFor(urlPathEqualTo("/audit/access")));
    }

    @Test
    void aReleaseRefusedInPlaceShowsTheProblemInTheHoldsWithout4xxSoHtmxSwapsIt() {
        services.stubFor(
                delete(urlEqualTo("/members/m-2/legal-hold"))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"status\": 404, \"title\": \"Not found\", \"detail\": \"No hold on this member.\"}")));
        FormToken csrf = FormToken.of("/admin/privacy");
        String inPlace = csrf.form()
                .header("HX-Request", "true")
                .formParam("memberId", "m-2")
                .post("/admin/privacy/release")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String holds = inPlace.substring(inPlace.indexOf("id=\"holds\""));
        assertThat(holds).contains("No hold on this member.");
        csrf.form()
                .formParam("memberId", "m-2")
                .post("/admin/privacy/release")
                .then()
                .statusCode(404);
    }
}
