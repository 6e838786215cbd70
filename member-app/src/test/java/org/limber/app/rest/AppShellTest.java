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
