package org.limber.console.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin assigns by picking people, against a stand-in for routine-service's directory
 * ({@link RoutineDouble}): a member found by name, a clinician from the list with panel sizes (a
 * disabled account not offered), routine-service's refusal shown next to the field, a panel moved.
 */
@QuarkusTest
@QuarkusTestResource(value = RoutineDouble.class, restrictToAnnotatedClass = true)
@TestSecurity(user = "ada", roles = "admin")
class AdminPeopleTest {

    static final String CLINICIANS = """
            [{"id": "c-1", "name": "Casey Clinician", "email": "casey@demo.example", "enabled": true, "panelSize": 3},
             {"id": "c-2", "name": "Dana Left", "email": "dana@demo.example", "enabled": false, "panelSize": 2}]""";

    static final String MARIA = """
            {"items": [{"id": "m-1", "name": "Maria Member", "email": "maria@demo.example",
                        "clinician": {"id": "c-2", "name": "Dana Left"}}],
             "page": 0, "size": 20, "total": 1, "totalPages": 1}""";

    WireMockServer routine;

    @BeforeEach
    void stubs() {
        routine = RoutineDouble.server;
        routine.resetAll();
        routine.stubFor(get(urlPathEqualTo("/people/clinicians")).willReturn(okJson(CLINICIANS)));
        routine.stubFor(get(urlEqualTo("/people/members?q=maria&sort=name&page=0&size=20"))
                .willReturn(okJson(MARIA)));
    }

    @Test
    void aMemberIsFoundByNameAndTheClinicianPickedFromTheList() {
        String html = given().get("/admin?member=maria")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("value=\"m-1\" checked>")
                .contains(
                        "Maria Member (maria@demo.example) <small class=\"muted code\">m-1</small>, now with Dana Left")
                .contains("<option value=\"c-1\">Casey Clinician (casey@demo.example): 3 members</option>")
                .doesNotContain("<option value=\"c-2\">Dana Left (dana@demo.example)");
        routine.stubFor(put(urlEqualTo("/members/m-1/care-team")).willReturn(okJson("""
                        {"memberId": "m-1", "clinicianId": "c-1", "assignedBy": "ada",
                         "assignedAt": "2026-12-07T10:00:00Z"}""")));
        Response answer = FormToken.of("/admin?member=maria")
                .form()
                .formParam("memberId", "m-1")
                .formParam("clinicianId", "c-1")
                .redirects()
                .follow(false)
                .post("/admin/assign");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/admin?done=MEMBER_ASSIGNED");
        routine.verify(putRequestedFor(urlEqualTo("/members/m-1/care-team"))
                .withRequestBody(equalToJson("{\"clinicianId\": \"c-1\"}")));
    }

    @Test
    void routineServicesRefusalIsShownNextToTheClinicianAndNothingPickedIsAskedFor() {
        routine.stubFor(put(urlEqualTo("/members/m-1/care-team"))
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type": "https://limber.dev/problems/validation", "title": "Invalid request",
                                 "status": 422, "detail": "Only an enabled clinician can have a panel.",
                                 "errors": [{"field": "clinicianId", "message": "is not an enabled clinician's id"}]}""")));
        FormToken csrf = FormToken.of("/admin?member=maria");
        String refused = csrf.form()
                .formParam("memberId", "m-1")
                .formParam("clinicianId", "casey")
                .formParam("member", "maria")
                .post("/admin/assign")
                .then()
                .statusCode(422)
                .extract()
                .asString();
        assertThat(refused).contains("Clinician is not an enabled clinician").contains("Maria Member");
        String empty = csrf.form()
                .post("/admin/assign")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(empty)
                .contains("Member is needed: find the member and pick them")
                .contains("Clinician is needed: pick a clinician");
    }

    @Test
    void aWholePanelMovesInOneAction() {
        routine.stubFor(post(urlEqualTo("/care-team/panels/c-2/move"))
                .willReturn(okJson("{\"fromClinicianId\": \"c-2\", \"toClinicianId\": \"c-1\", \"moved\": 2}")));
        Response answer = FormToken.of("/admin")
                .form()
                .formParam("fromClinicianId", "c-2")
                .formParam("toClinicianId", "c-1")
                .redirects()
                .follow(false)
                .post("/admin/move-panel");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/admin?done=PANEL_MOVED.2");
        assertThat(given().get(answer.header("Location")).then().extract().asString())
                .contains("The panel has moved: 2 members are on the other clinician");
    }
}
