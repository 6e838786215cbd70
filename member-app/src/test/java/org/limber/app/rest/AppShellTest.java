package org.limber.app.rest;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The shell, the manifest, the service worker and the configuration document, as a browser gets them. */
@QuarkusTest
class AppShellTest {

    @Test
    void theShellIsServedWithoutSignInAndLoadsTheAppModule() {
        RestAssured.given()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<script type=\"module\" src=\"/js/main.js\">"))
                .body(containsString("rel=\"manifest\" href=\"/manifest.webmanifest\""))
                .body(containsString("Report a symptom"));
    }

    @Test
    void theConfigurationNamesTheServicesAndTheIdentityProvider() {
        RestAssured.given()
                .get("/config.json")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-cache"))
                .body("catalogUrl", equalTo("http://localhost:8081"))
                .body("routineUrl", equalTo("http://localhost:8082"))
                .body("progressUrl", equalTo("http://localhost:8083"))
                .body("engagementUrl", equalTo("http://localhost:8086"))
                .body("oidcUrl", equalTo("http://localhost:8180/realms/limber"))
                .body("clientId", equalTo("limber-app"));
    }

    @Test
    void theManifestMakesItInstallable() {
        Map<String, Object> manifest = RestAssured.given()
                .get("/manifest.webmanifest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        assertThat(manifest)
                .containsEntry("start_url", "/")
                .containsEntry("display", "standalone")
                .containsKeys("name", "short_name");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> icons = (List<Map<String, String>>) manifest.get("icons");
        assertThat(icons).extracting(i -> i.get("sizes")).contains("192x192", "512x512");
        assertThat(icons).extracting(i -> i.get("purpose")).contains("maskable");
        for (Map<String, String> icon : icons) {
            byte[] png = RestAssured.given()
                    .get(icon.get("src"))
                    .then()
                    .statusCode(200)
                    .contentType("image/png")
                    .extract()
                    .asByteArray();
            int width =
                    ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
            assertThat(width + "x" + width).as(icon.get("src")).isEqualTo(icon.get("sizes"));
        }
    }

    @Test
    void theServiceWorkerCachesEveryModuleOfTheShell() {
        String worker = RestAssured.given()
                .get("/sw.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .extract()
                .asString();
        String main = RestAssured.given()
                .get("/js/main.js")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher screens = Pattern.compile("const SCREENS = \\[([^]]*)]").matcher(main);
        assertThat(screens.find()).isTrue();
        for (String screen : screens.group(1).replaceAll("[' ]", "").split(",")) {
            String path = "/js/screens/" + screen + ".js";
            assertThat(worker).as("the worker caches " + path).contains("'" + path + "'");
            RestAssured.given().get(path).then().statusCode(200);
        }
        for (String module : List.of("/js/main.js", "/js/auth.js", "/js/api.js", "/js/outbox.js", "/js/ui.js")) {
            assertThat(worker).contains("'" + module + "'");
        }
    }

    /**
     * The "Your data" screen (issue 25) is in the menu, loads when first shown (not preloaded), and makes the three
     * calls of the privacy contract: the export saved as a file, the access log in pages, the erasure behind a
     * confirmation (a ticked box and DELETE typed), then sign-out. What the browser does with it is checked against
     * the running stack by the launcher's MemberAppCheck.
     */
    @Test
    void yourDataIsInTheMenuAndCallsTheContractsOperations() {
        String shell =
                RestAssured.given().get("/").then().statusCode(200).extract().asString();
        assertThat(shell).contains("<a href=\"#/your-data\">Your data</a>").doesNotContain("screens/your-data.js");
        String api = RestAssured.given()
                .get("/js/api.js")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(api)
                .contains("exportData: ['GET', 'routine', '/members/me/export']")
                .contains("accessLog: ['GET', 'progress', '/members/me/access-log']")
                .contains("erase: ['POST', 'routine', '/members/me/erasure']");
        String screen = RestAssured.given()
                .get("/js/screens/your-data.js")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(screen)
                .contains("download('exportData'")
                .contains("URL.createObjectURL(blob)")
                .contains("call('accessLog', undefined, `?page=${next}&size=${SIZE}`)")
                .contains("const CONFIRM_WORD = 'DELETE'")
                .contains("call('erase', {})")
                .contains("app.signOut()");
    }

    /**
     * The service worker shows a Web Push message and opens the app on a tap; the messages screen tells the member
     * that messages are not read at once and points to the symptom report (what the browser does with them is
     * checked against the running stack by the launcher's browser checks).
     */
    @Test
    void pushIsShownAndOpensTheAppAndTheThreadSaysItIsNotForEmergencies() {
        String worker = RestAssured.given()
                .get("/sw.js")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(worker)
                .contains("addEventListener('push'")
                .contains("showNotification(")
                .contains("addEventListener('notificationclick'")
                .contains("openWindow(");
        String messages = RestAssured.given()
                .get("/js/screens/messages.js")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(messages)
                .contains("Messages are not read at once. For new or worse symptoms use Report a symptom.")
                .contains("href: '#/symptoms'");
        String reminders = RestAssured.given()
                .get("/js/screens/reminders.js")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(reminders)
                .contains("Intl.DateTimeFormat().resolvedOptions().timeZone")
                .contains("pushManager.subscribe(")
                .contains("call('vapidKey')");
        // The first load stays small: the new screens load when first shown, never preloaded by the shell.
        String shell =
                RestAssured.given().get("/").then().statusCode(200).extract().asString();
        assertThat(shell).doesNotContain("screens/messages.js").doesNotContain("screens/reminders.js");
    }

    @Test
    void textIsSentCompressed() {
        RestAssured.given()
                .config(RestAssuredConfig.config()
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip")
                .get("/js/main.js")
                .then()
                .statusCode(200)
                .header("Content-Encoding", "gzip");
    }
}
