package org.limber.console.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.inject.Inject;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import org.limber.console.client.Page;
import org.limber.console.client.ProgressViews.Alert;
import org.limber.console.client.RoutineViews.LoggedSession;
import org.limber.console.client.RoutineViews.LoggedSession.ExerciseReport;
import org.limber.console.domain.Problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The console's own behaviour without the services: sign-in redirect, role checks, CSRF, and the
 * pages it shows when a service is down (the services' URLs point where nothing listens). The flows
 * against the real services run in a real browser against the one-command stack (launcher's ConsoleCheck).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConsolePagesTest {

    @Inject
    @Location("tags/sessions.html")
    Template sessions;

    @Inject
    @Location("tags/alertrow.html")
    Template alertRow;

    @Test
    void aVisitorIsSentToSignIn() {
        given().redirects()
                .follow(false)
                .get("/panel")
                .then()
                .statusCode(302)
                .header("Location", containsString("response_type=code"))
                .header("Location", containsString("client_id=quarkus-web-app"));
    }

    @Test
    void staticFilesHealthAndTheSignedOutPageNeedNoSignIn() {
        given().get("/static/console.css").then().statusCode(200).body(containsString("--brand"));
        given().get("/webjars/htmx.org/2.0.8/dist/htmx.min.js").then().statusCode(200);
        given().get("/signed-out").then().statusCode(200).body(containsString("You have signed out"));
    }

    @Test
    @TestSecurity(user = "maria", roles = "member")
    void aMemberIsRefusedTheConsole() {
        given().redirects()
                .follow(false)
                .get("/")
                .then()
                .statusCode(403)
                .contentType(startsWith("text/html"))
                .body(containsString("The Limber console is for care teams"))
                .body(not(containsString("Exception")));
        given().get("/panel").then().statusCode(403).body(containsString("Not for this account"));
        given().get("/editor").then().statusCode(403);
        given().get("/admin").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "casey", roles = "clinician")
    void aClinicianStartsOnTodayAndSeesAClearPageWhenTheServiceIsDown() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", containsString("/today"));
        // Today's parts load apart: each says its service is down, the page still shows.
        given().get("/today")
                .then()
                .statusCode(200)
                .body(containsString("<h1>Today</h1>"))
                .body(containsString("The progress service is not answering"))
                .body(not(containsString("Exception")));
        given().get("/panel")
                .then()
                .statusCode(503)
                .contentType(startsWith("text/html"))
                .body(containsString("The progress service is not answering"))
                .body(not(containsString("Exception")))
                .body(containsString("Signed in as <strong>casey</strong>"));
        given().get("/admin").then().statusCode(403);
        given().get("/editor").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "casey", roles = "clinician")
    void theMemberPageShowsEachSectionsProblemAndBadInputIsRefusedInWords() {
        given().get("/members/m-1")
                .then()
                .statusCode(200)
                .body(containsString("The progress service is not answering"))
                .body(containsString("The routine service is not answering"));
        given().get("/members/not a member!")
                .then()
                .statusCode(404)
                .body(containsString("There is no member with that id."));
        given().get("/alerts?status=LOST")
                .then()
                .statusCode(400)
                .body(containsString("is not one of OPEN, ACKNOWLEDGED, RESOLVED"));
        given().get("/triage").then().statusCode(200).body(containsString("The progress service is not answering"));
        given().get("/no-such-page").then().statusCode(404).body(containsString("There is no such page."));
    }

    @Test
    void recentSessionsShowTheSkippedExercisesAndTheMembersNoteEscaped() {
        LoggedSession session = new LoggedSession(
                UUID.randomUUID(),
                Instant.parse("2026-11-20T08:30:00Z"),
                2,
                3,
                List.of(
                        new ExerciseReport("cat-cow", "DONE", null),
                        new ExerciseReport("glute-bridge", "SKIPPED", "PAIN"),
                        new ExerciseReport("bird-dog", "SKIPPED", "NO_TIME")),
                5,
                6,
                4,
                "TOO_HARD",
                "Knee hurt <script>alert(1)</script> & stopped",
                List.of());
        LoggedSession quiet = new LoggedSession(
                UUID.randomUUID(),
                Instant.parse("2026-11-18T08:30:00Z"),
                2,
                2,
                List.of(new ExerciseReport("cat-cow", "DONE", null)),
                3,
                3,
                2,
                "JUST_RIGHT",
                null,
                List.of("SADDLE_NUMBNESS"));
        String html = sessions.data("sessions", new Section<>(new Page<>(List.of(session, quiet), 0, 10, 2, 1), null))
                .render();
        assertThat(html)
                .contains("glute-bridge (PAIN), bird-dog (NO_TIME)")
                .doesNotContain("cat-cow")
                .contains("Knee hurt &lt;script&gt;alert(1)&lt;/script&gt; &amp; stopped")
                .doesNotContain("<script>")
                .contains("<td class=\"skipped\">none</td>")
                .contains("<td class=\"note\">-</td>")
                .contains("SADDLE_NUMBNESS")
                .contains("2026-11-20 08:30 UTC")
                .contains("The 2 most recent of 2 sessions");

        String down = sessions.data("sessions", new Section<>(null, Problem.down("routine service")))
                .render();
        assertThat(down).contains("The routine service is not answering").doesNotContain("<table");
    }

    @Test
    void alertKindsReadInWordsAndAnUnknownKindIsWrittenOut() {
        Alert review = alert("CANNOT_REGRESS");
        Alert unknown = alert("SOME_NEW_KIND");
        assertThat(alertRow.data("alert", review).data("back", "/alerts").render())
                .contains(
                        "<td>Pain not settling at the easiest level <small class=\"muted code\">CANNOT_REGRESS</small></td>");
        assertThat(alertRow.data("alert", unknown).data("back", "/alerts").render())
                .contains("<td>Some new kind <small class=\"muted code\">SOME_NEW_KIND</small></td>");
    }

    @Test
    void aMemberIsShownByNameWithTheIdBesideItOrByIdWhenNoNameIsKnown() {
        Alert a = alert("HIGH_PAIN");
        assertThat(alertRow.data("alert", a)
                        .data("back", "/alerts")
                        .data("names", Map.of(a.memberId(), "Maria Member"))
                        .render())
                .contains("<span class=\"person\">Maria Member</span> <small class=\"muted code\">" + a.memberId()
                        + "</small>");
        assertThat(alertRow.data("alert", a)
                        .data("back", "/alerts")
                        .data("names", Map.of())
                        .render())
                .contains("<span class=\"code\">" + a.memberId() + "</span>")
                .doesNotContain("class=\"person\"");
    }

    /** A resolved alert: its row has no form (a form's CSRF token needs a request). */
    private static Alert alert(String kind) {
        return new Alert(
                UUID.randomUUID(),
                "m-1",
                kind,
                "HIGH",
                "RESOLVED",
                "Pain stays high at the easiest level.",
                Instant.parse("2026-12-01T08:00:00Z"),
                "casey",
                Instant.parse("2026-12-01T09:00:00Z"),
                "Called.",
                "casey",
                Instant.parse("2026-12-02T09:00:00Z"),
                "Settled.",
                "casey",
                1,
                Instant.parse("2026-12-01T08:00:00Z"),
                null);
    }

    @Test
    @TestSecurity(user = "casey", roles = "clinician")
    void aFormWithoutItsCsrfTokenIsRefused() {
        given().contentType("application/x-www-form-urlencoded")
                .formParam("note", "seen")
                .post("/alerts/00000000-0000-0000-0000-000000000001/acknowledge")
                .then()
                .statusCode(400);
    }

    @Test
    @TestSecurity(user = "eddie", roles = "content-editor")
    void anEditorStartsOnTheLibrary() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", containsString("/editor"));
        given().get("/editor").then().statusCode(200).body(containsString("The catalog service is not answering"));
        given().get("/editor/exercises/Bad_Slug").then().statusCode(404);
        given().get("/panel").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void anAdminStartsOnAdmin() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", containsString("/admin"));
        given().get("/admin")
                .then()
                .statusCode(200)
                .body(containsString("Assign a member to a clinician"))
                .body(containsString("The progress service is not answering"));
    }
}
