package org.limber.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.limber.postgres.EmbeddedPostgresServer;
import org.limber.testsupport.PackagedService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production realm template (ops/keycloak/limber-realm.prod.json) imported for real: Keycloak
 * from keycloak-quarkus-dist (launcher/target, as {@code ./run} uses it) on an embedded
 * PostgreSQL, the template's {@code ${env.X}} secrets filled from ops/compose.test.env as compose
 * fills them. One Keycloak start for the class. Checks that the import succeeds with no users,
 * that no client has the password grant, and what the provisioning client may do: get a token
 * with client credentials and create a user in /members, and nothing else this test can think of.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionRealmIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path REALM = ROOT.resolve("ops/keycloak/limber-realm.prod.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static EmbeddedPostgresServer postgres;
    private static ManagedProcess keycloak;
    private static String url;
    private static Map<String, String> secrets;

    @BeforeAll
    static void importTheProductionRealm() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "keycloak-prod-realm");
        postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0, true);
        postgres.createDatabase("keycloak");
        secrets = new HashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("ops/compose.test.env"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                secrets.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        Map<String, String> env = new HashMap<>();
        for (String variable : List.of(
                "CONSOLE_CLIENT_SECRET",
                "CONSOLE_PUBLIC_URL",
                "PROVISIONING_CLIENT_SECRET",
                "DIRECTORY_CLIENT_SECRET",
                "LIMBER_APP_URL",
                "LIMBER_APP_REDIRECT_URI")) {
            env.put(variable, secrets.get(variable));
        }
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "it-admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "it-admin-" + UUID.randomUUID());
        secrets.put("it-admin-password", env.get("KC_BOOTSTRAP_ADMIN_PASSWORD"));
        int port = PackagedService.freePort();
        url = "http://localhost:" + port;
        Instant started = Instant.now();
        keycloak = KeycloakProcess.start(
                ROOT,
                REALM,
                env,
                List.of(
                        "--http-host=127.0.0.1",
                        "--http-port=" + port,
                        "--http-management-port=" + PackagedService.freePort(),
                        "--hostname=" + url,
                        "--db=postgres",
                        "--db-url=" + postgres.jdbcUrl("keycloak"),
                        "--db-username=" + EmbeddedPostgresServer.USER,
                        "--db-password=unused"),
                dir.resolve("keycloak.log"));
        // A first start builds Keycloak for these options (about a minute on an idle machine, more under load).
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (!answers("/realms/limber/.well-known/openid-configuration")) {
            assertThat(keycloak.alive())
                    .as("Keycloak is running:%n%s", keycloak.tail(40))
                    .isTrue();
            assertThat(Instant.now())
                    .as("Keycloak ready:%n%s", keycloak.tail(40))
                    .isBefore(deadline);
            Thread.sleep(500);
        }
        System.out.printf(
                "ProductionRealmIT: Keycloak ready in %d s%n",
                Duration.between(started, Instant.now()).toSeconds());
    }

    @AfterAll
    static void stop() throws IOException {
        if (keycloak != null) {
            keycloak.stop(Duration.ofSeconds(20));
        }
        if (postgres != null) {
            postgres.close();
        }
        // The launcher's next start copies the development realm into the import folder again anyway.
        if (keycloak != null) {
            Files.copy(
                    ROOT.resolve(KeycloakProcess.REALM_FILE),
                    KeycloakProcess.home(ROOT).resolve("data/import/limber-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    @Order(1) // before the provisioning test creates users
    void theRealmIsImportedWithItsPolicyRotationAndNoUsers() throws Exception {
        JsonNode realm = adminGet("/admin/realms/limber");
        JsonNode template = JSON.readTree(REALM.toFile());
        assertThat(realm.path("passwordPolicy").asText())
                .isEqualTo(template.path("passwordPolicy").asText());
        assertThat(realm.path("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(realm.path("refreshTokenMaxReuse").asInt()).isZero();
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        List<String> users = new ArrayList<>();
        adminGet("/admin/realms/limber/users?briefRepresentation=true&max=100")
                .forEach(user -> users.add(user.path("username").asText()));
        assertThat(users)
                .as("people in a freshly imported production realm")
                .allMatch(name -> name.startsWith("service-account-"));
        assertThat(realm.path("adminPermissionsEnabled").asBoolean()).isTrue();
    }

    @Test
    void noClientHasThePasswordGrant() throws Exception {
        for (String[] client : List.of(
                new String[] {"limber-console", secrets.get("CONSOLE_CLIENT_SECRET")},
                new String[] {"limber-app", null},
                new String[] {"limber-provisioning", secrets.get("PROVISIONING_CLIENT_SECRET")},
                new String[] {"limber-directory", secrets.get("DIRECTORY_CLIENT_SECRET")},
                new String[] {"limber-scripts", "limber-scripts-secret"})) {
            Map<String, String> form = new HashMap<>(Map.of(
                    "grant_type", "password", "client_id", client[0], "username", "maria", "password", "limber"));
            if (client[1] != null) {
                form.put("client_secret", client[1]);
            }
            HttpResponse<String> response = post("/realms/limber/protocol/openid-connect/token", form);
            assertThat(response.statusCode())
                    .as("password grant of %s", client[0])
                    .isIn(400, 401);
            assertThat(JSON.readTree(response.body()).path("error").asText())
                    .as("password grant of %s", client[0])
                    .isIn("unauthorized_client", "invalid_client");
        }
    }

    @Test
    void theProvisioningClientCreatesMembersAndNothingElse() throws Exception {
        HttpResponse<String> tokenResponse = post(
                "/realms/limber/protocol/openid-connect/token",
                Map.of(
                        "grant_type", "client_credentials",
                        "client_id", "limber-provisioning",
                        "client_secret", secrets.get("PROVISIONING_CLIENT_SECRET")));
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(tokenResponse.body());
        assertThat(tokens.has("refresh_token")).isFalse();
        String token = tokens.path("access_token").asText();

        // A member: created, in /members, with the member role through the group.
        HttpResponse<String> created = send("POST", "/admin/realms/limber/users", token, newUser("/members", null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String memberId = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        assertThat(adminGet("/admin/realms/limber/users/" + memberId + "/groups")
                        .findValuesAsText("path"))
                .containsExactly("/members");
        assertThat(adminGet("/admin/realms/limber/users/" + memberId + "/role-mappings/realm/composite")
                        .findValuesAsText("name"))
                .contains("member")
                .doesNotContain("clinician", "admin", "content-editor");

        // The password policy applies to what it sets.
        assertThat(send("POST", "/admin/realms/limber/users", token, newUser("/members", "short1"))
                        .statusCode())
                .isEqualTo(400);

        // Not a user outside /members, nor one without a group.
        assertThat(send("POST", "/admin/realms/limber/users", token, newUser("/clinicians", null))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/admin/realms/limber/users", token, newUser(null, null))
                        .statusCode())
                .isEqualTo(403);

        // No roles: neither the realm's admin role for the member, nor realm-management's roles for itself.
        JsonNode adminRole = adminGet("/admin/realms/limber/roles/admin");
        assertThat(send(
                                "POST",
                                "/admin/realms/limber/users/" + memberId + "/role-mappings/realm",
                                token,
                                List.of(Map.of("id", adminRole.path("id").asText(), "name", "admin")))
                        .statusCode())
                .isEqualTo(403);
        String provisioning = adminGet("/admin/realms/limber/clients?clientId=limber-provisioning")
                .get(0)
                .path("id")
                .asText();
        String self = adminGet("/admin/realms/limber/clients/" + provisioning + "/service-account-user")
                .path("id")
                .asText();
        String realmManagement = adminGet("/admin/realms/limber/clients?clientId=realm-management")
                .get(0)
                .path("id")
                .asText();
        JsonNode manageUsers = adminGet("/admin/realms/limber/clients/" + realmManagement + "/roles/manage-users");
        assertThat(send(
                                "POST",
                                "/admin/realms/limber/users/" + self + "/role-mappings/clients/" + realmManagement,
                                token,
                                List.of(Map.of("id", manageUsers.path("id").asText(), "name", "manage-users")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(
                                "PUT",
                                "/admin/realms/limber/users/" + memberId + "/groups/" + groupId("/clinicians"),
                                token,
                                Map.of())
                        .statusCode())
                .as("joining /clinicians")
                .isEqualTo(403);

        // Not another user: a clinician created by the realm's administrator can be neither read nor deleted.
        HttpResponse<String> clinician =
                send("POST", "/admin/realms/limber/users", adminToken(), newUser("/clinicians", null));
        assertThat(clinician.statusCode()).isEqualTo(201);
        String clinicianId =
                clinician.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        assertThat(send("GET", "/admin/realms/limber/users/" + clinicianId, token, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("DELETE", "/admin/realms/limber/users/" + clinicianId, token, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/admin/realms/limber/users", token, null).statusCode())
                .as("listing users")
                .isEqualTo(403);
        // Nor the realm or its clients.
        assertThat(send("GET", "/admin/realms/limber/clients", token, null).statusCode())
                .isEqualTo(403);
        assertThat(send("PUT", "/admin/realms/limber", token, Map.of("registrationAllowed", true))
                        .statusCode())
                .isEqualTo(403);
    }

    /**
     * The directory's two reads, as routine-service makes them (its {@code KeycloakAdmin}): the group
     * of clinicians by path and its members with their names and enabled flag; and nothing else: not
     * the members of /members, not a user by id, not the list of users, no change.
     */
    @Test
    void theDirectoryClientReadsTheCliniciansAndNothingElse() throws Exception {
        HttpResponse<String> tokenResponse = post(
                "/realms/limber/protocol/openid-connect/token",
                Map.of(
                        "grant_type", "client_credentials",
                        "client_id", "limber-directory",
                        "client_secret", secrets.get("DIRECTORY_CLIENT_SECRET")));
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        String token = JSON.readTree(tokenResponse.body()).path("access_token").asText();
        Map<String, Object> clinician = newUser("/clinicians", null);
        HttpResponse<String> created = send("POST", "/admin/realms/limber/users", adminToken(), clinician);
        assertThat(created.statusCode()).isEqualTo(201);
        String clinicianId =
                created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        HttpResponse<String> member =
                send("POST", "/admin/realms/limber/users", adminToken(), newUser("/members", null));
        String memberId = member.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");

        HttpResponse<String> group = send("GET", "/admin/realms/limber/group-by-path/clinicians", token, null);
        assertThat(group.statusCode()).as(group.body()).isEqualTo(200);
        String groupId = JSON.readTree(group.body()).path("id").asText();
        HttpResponse<String> members = send(
                "GET",
                "/admin/realms/limber/groups/" + groupId + "/members?first=0&max=100&briefRepresentation=false",
                token,
                null);
        assertThat(members.statusCode()).as(members.body()).isEqualTo(200);
        JsonNode listed = JSON.readTree(members.body());
        assertThat(listed.findValuesAsText("id")).contains(clinicianId).doesNotContain(memberId);
        JsonNode row = listed.get(0);
        assertThat(row.path("firstName").asText()).isEqualTo("Test");
        assertThat(row.path("email").asText()).endsWith("@example.org");
        assertThat(row.path("enabled").asBoolean()).isTrue();

        assertThat(send("GET", "/admin/realms/limber/groups/" + groupId("/members") + "/members", token, null)
                        .statusCode())
                .as("the members of /members")
                .isEqualTo(403);
        assertThat(send("GET", "/admin/realms/limber/users/" + memberId, token, null)
                        .statusCode())
                .as("a member by id")
                .isEqualTo(403);
        assertThat(send("GET", "/admin/realms/limber/users", token, null).statusCode())
                .as("listing users")
                .isEqualTo(403);
        assertThat(send("PUT", "/admin/realms/limber/users/" + clinicianId, token, Map.of("enabled", false))
                        .statusCode())
                .as("disabling a clinician")
                .isEqualTo(403);
        assertThat(send("POST", "/admin/realms/limber/users", token, newUser("/clinicians", null))
                        .statusCode())
                .as("creating a clinician")
                .isEqualTo(403);
    }

    private static Map<String, Object> newUser(String group, String password) {
        Map<String, Object> user = new HashMap<>();
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
        user.put("username", name);
        user.put("email", name + "@example.org");
        user.put("firstName", "Test");
        user.put("lastName", "Person");
        user.put("enabled", true);
        if (group != null) {
            user.put("groups", List.of(group));
        }
        if (password != null) {
            user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        }
        return user;
    }

    private static String groupId(String path) throws Exception {
        return adminGet("/admin/realms/limber/group-by-path" + path).path("id").asText();
    }

    private static String adminToken() throws Exception {
        HttpResponse<String> response = post(
                "/realms/master/protocol/openid-connect/token",
                Map.of(
                        "grant_type", "password",
                        "client_id", "admin-cli",
                        "username", "it-admin",
                        "password", secrets.get("it-admin-password")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static JsonNode adminGet(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, adminToken(), null);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Whether the server answers the path with 200 (false while it does not accept connections yet). */
    private static boolean answers(String path) throws Exception {
        try {
            return send("GET", path, null, null).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
