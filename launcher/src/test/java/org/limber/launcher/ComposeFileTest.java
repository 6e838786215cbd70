package org.limber.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static checks of docker-compose.yml (no Docker engine is needed): every environment variable it
 * gives a service names a real configuration property of that service, the services have health
 * checks, restart policies, memory limits and wait for healthy dependencies, and the images match
 * the versions the build uses. The local launcher's environment is held to the same rule.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    private static final Map<String, String> MODULES = Map.of(
            "catalog",
            "catalog-service",
            "routine",
            "routine-service",
            "progress",
            "progress-service",
            "engagement",
            "engagement-service");

    private static JsonNode compose;

    @BeforeAll
    static void read() throws IOException {
        compose = new ObjectMapper(new YAMLFactory())
                .readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    @Test
    void everyVariableGivenToAServiceNamesOneOfItsConfigurationProperties() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> service : MODULES.entrySet()) {
            JsonNode environment =
                    compose.path("services").path(service.getKey()).path("environment");
            assertThat(environment.size())
                    .as("environment of %s", service.getKey())
                    .isGreaterThan(5);
            Map<String, String> properties = propertiesByVariable(service.getValue());
            environment.fieldNames().forEachRemaining(variable -> {
                if (!properties.containsKey(variable)) {
                    unknown.add(service.getKey() + ": " + variable);
                }
            });
        }
        assertThat(unknown).as("variables that no configuration property reads").isEmpty();
    }

    @Test
    void theConsoleGetsItsSecretFromTheEnvironmentAndEveryVariableNamesOneOfItsProperties() throws IOException {
        JsonNode console = compose.path("services").path("console");
        Map<String, String> properties = propertiesByVariable("care-console");
        List<String> unknown = new ArrayList<>();
        console.path("environment").fieldNames().forEachRemaining(variable -> {
            if (!properties.containsKey(variable)) {
                unknown.add(variable);
            }
        });
        assertThat(unknown)
                .as("console variables that no configuration property reads")
                .isEmpty();
        assertThat(properties)
                .containsEntry("CONSOLE_CLIENT_SECRET", "quarkus.oidc.credentials.secret")
                .containsEntry("PROGRESS_URL", "quarkus.rest-client.progress.url");
        assertThat(console.path("environment").path("CONSOLE_CLIENT_SECRET").asText())
                .startsWith("${CONSOLE_CLIENT_SECRET");
        assertThat(iterable(console.path("depends_on").fieldNames()))
                .containsExactlyInAnyOrder("keycloak", "catalog", "routine", "progress");
        assertThat(console.path("healthcheck").path("test").toString())
                .contains("/dev/tcp/127.0.0.1/8084")
                .contains("/q/health/ready");
    }

    @Test
    void theMemberAppIsToldThePublicAddressesAndEveryVariableNamesOneOfItsProperties() throws IOException {
        JsonNode app = compose.path("services").path("member-app");
        Map<String, String> properties = propertiesByVariable("member-app");
        assertThat(iterable(app.path("environment").fieldNames()))
                .containsExactlyInAnyOrder(
                        "MEMBER_APP_PORT", "OIDC_URL", "CATALOG_URL", "ROUTINE_URL", "PROGRESS_URL", "ENGAGEMENT_URL")
                .allSatisfy(variable -> assertThat(properties).containsKey(variable));
        assertThat(app.path("environment").path("OIDC_URL").asText()).startsWith("${KEYCLOAK_PUBLIC_URL");
        assertThat(app.path("healthcheck").path("test").toString())
                .contains("/dev/tcp/127.0.0.1/8085")
                .contains("/q/health/ready");
        Launcher launcher =
                new Launcher(ROOT, Ports.from(Map.of()), LaunchOptions.parse(new String[0]), Clock.systemUTC());
        assertThat(properties.keySet())
                .containsAll(launcher.serviceEnvironment("member-app").keySet());
    }

    @Test
    void theLauncherConfiguresTheServicesWithTheSameVariables() throws IOException {
        Launcher launcher =
                new Launcher(ROOT, Ports.from(Map.of()), LaunchOptions.parse(new String[0]), Clock.systemUTC());
        for (Map.Entry<String, String> service : MODULES.entrySet()) {
            Map<String, String> properties = propertiesByVariable(service.getValue());
            Set<String> variables =
                    launcher.serviceEnvironment(service.getKey()).keySet();
            assertThat(properties.keySet())
                    .as("variables read by %s", service.getValue())
                    .containsAll(variables);
        }
        assertThat(propertiesByVariable("care-console").keySet())
                .as("variables read by care-console")
                .containsAll(launcher.serviceEnvironment("console").keySet());
    }

    @Test
    void theVariablesMapToTheExpectedProperties() throws IOException {
        Map<String, String> routine = propertiesByVariable("routine-service");
        assertThat(routine)
                .containsEntry("DB_URL", "quarkus.datasource.jdbc.url")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka.bootstrap.servers")
                .containsEntry("OIDC_URL", "quarkus.oidc.auth-server-url")
                .containsEntry("ROUTINE_PORT", "quarkus.http.port")
                .containsEntry("INTAKE_MAX_BACKDATE", "limber.routine.intake.max-backdate");
    }

    @Test
    void servicesHaveHealthChecksRestartPoliciesMemoryLimitsAndWaitForHealthyDependencies() {
        JsonNode services = compose.path("services");
        assertThat(iterable(services.fieldNames()))
                .containsExactlyInAnyOrder(
                        "postgres",
                        "kafka",
                        "kafka-setup",
                        "keycloak",
                        "keycloak-gate",
                        "catalog",
                        "routine",
                        "progress",
                        "engagement",
                        "console",
                        "member-app");
        // kafka-setup is a job that runs once (Kafka's logins and ACLs): the services wait until it succeeded.
        assertThat(services.path("kafka-setup").path("restart").asText()).isEqualTo("no");
        assertThat(services.path("kafka-setup")
                        .path("depends_on")
                        .path("kafka")
                        .path("condition")
                        .asText())
                .isEqualTo("service_healthy");
        services.fields().forEachRemaining(entry -> {
            JsonNode service = entry.getValue();
            String name = entry.getKey();
            if (name.equals("kafka-setup")) {
                return;
            }
            assertThat(service.path("healthcheck").path("test").isArray())
                    .as("health check of %s", name)
                    .isTrue();
            assertThat(service.path("restart").asText())
                    .as("restart policy of %s", name)
                    .isEqualTo("unless-stopped");
            assertThat(service.path("mem_limit").asText())
                    .as("memory limit of %s", name)
                    .matches("\\d+[mg]");
            service.path("depends_on")
                    .fields()
                    .forEachRemaining(dependency -> assertThat(
                                    dependency.getValue().path("condition").asText())
                            .as("%s waits for %s", name, dependency.getKey())
                            .isEqualTo(
                                    dependency.getKey().equals("kafka-setup")
                                            ? "service_completed_successfully"
                                            : "service_healthy"));
        });
        for (String name : MODULES.keySet()) {
            JsonNode service = services.path(name);
            assertThat(iterable(service.path("depends_on").fieldNames()))
                    .as(name)
                    .containsExactlyInAnyOrder("postgres", "kafka-setup", "keycloak");
            assertThat(service.path("build").path("dockerfile").asText()).isEqualTo("src/main/docker/Dockerfile.jvm");
            assertThat(ROOT.resolve(service.path("build").path("context").asText())
                            .resolve("src/main/docker/Dockerfile.jvm"))
                    .exists();
            String port = service.path("environment")
                    .path(name.toUpperCase() + "_PORT")
                    .asText();
            assertThat(service.path("healthcheck").path("test").toString())
                    .as("health check of %s", name)
                    .contains("/dev/tcp/127.0.0.1/" + port)
                    .contains("/q/health/ready");
            assertThat(service.path("ports").get(0).asText()).isEqualTo("127.0.0.1:" + port + ":" + port);
        }
    }

    @Test
    void imagesMatchTheVersionsTheBuildUses() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        assertThat(compose.path("services").path("keycloak").path("image").asText())
                .isEqualTo("quay.io/keycloak/keycloak:" + property(pom, "keycloak.version"));
        assertThat(compose.path("services").path("kafka").path("image").asText())
                .isEqualTo("apache/kafka:" + property(pom, "kafka.version"));
        assertThat(compose.path("services").path("keycloak").path("volumes").toString())
                .contains("./ops/keycloak/limber-realm.prod.json:/opt/keycloak/data/import/");
    }

    @Test
    void everySecretComesFromTheEnvironmentAndIsRequired() throws IOException {
        List<String> problems = new ArrayList<>();
        compose.path("services")
                .fields()
                .forEachRemaining(service -> service.getValue()
                        .path("environment")
                        .fields()
                        .forEachRemaining(e -> {
                            if (e.getKey().matches(".*(PASSWORD|SECRET|ADMIN).*")
                                    && !e.getValue().asText().matches("\\$\\{" + "[A-Z0-9_]+:\\?[^}]*}")) {
                                problems.add(service.getKey() + ": " + e.getKey() + " = "
                                        + e.getValue().asText());
                            }
                        }));
        assertThat(problems).as("secrets with a default or a literal value").isEmpty();
        // The test values for `docker-compose config -q` name every required variable.
        Set<String> required = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?").matcher(compose.toString());
        while (matcher.find()) {
            required.add(matcher.group(1));
        }
        assertThat(required)
                .contains(
                        "POSTGRES_PASSWORD", "CATALOG_DB_PASSWORD", "KEYCLOAK_ADMIN_PASSWORD", "CONSOLE_CLIENT_SECRET");
        assertThat(variablesOf(ROOT.resolve("ops/compose.test.env"))).containsAll(required);
    }

    @Test
    void eachServiceLogsInToKafkaAsItsOwnUserAndTheBrokerRequiresLogins() throws IOException {
        for (String name : MODULES.keySet()) {
            JsonNode environment = compose.path("services").path(name).path("environment");
            assertThat(environment.path("KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_PLAINTEXT");
            assertThat(environment.path("KAFKA_USERNAME").asText()).isEqualTo(name);
            String variable = "KAFKA_" + name.toUpperCase() + "_PASSWORD";
            assertThat(environment.path("KAFKA_PASSWORD").asText()).startsWith("${" + variable + ":?");
            assertThat(compose.path("services")
                            .path("kafka-setup")
                            .path("environment")
                            .path(variable)
                            .asText())
                    .startsWith("${" + variable + ":?");
        }
        assertThat(propertiesByVariable("routine-service"))
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "kafka.security.protocol")
                .containsEntry("KAFKA_PASSWORD", "kafka.sasl.jaas.config");
        JsonNode kafka = compose.path("services").path("kafka").path("environment");
        assertThat(kafka.path("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").asText())
                .doesNotContain(":PLAINTEXT")
                .contains("CLIENT:SASL_PLAINTEXT");
        assertThat(kafka.path("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND").asText()).isEqualTo("false");
        assertThat(kafka.path("KAFKA_SUPER_USERS").asText()).isEqualTo("User:admin");
        kafka.fields().forEachRemaining(setting -> {
            if (setting.getKey().endsWith("_JAAS_CONFIG")
                    && setting.getValue().asText().contains("password")) {
                assertThat(setting.getValue().asText())
                        .as(setting.getKey())
                        .doesNotContainPattern("password=\"[^$]")
                        .contains("${KAFKA_ADMIN_PASSWORD:?");
            }
        });
    }

    @Test
    void onlyKeycloakAndTheConsoleArePublishedBeyondLoopback() {
        Set<String> open = new TreeSet<>();
        compose.path("services")
                .fields()
                .forEachRemaining(service -> service.getValue().path("ports").forEach(port -> {
                    if (!port.asText().startsWith("127.0.0.1:")) {
                        open.add(service.getKey());
                    }
                }));
        assertThat(open).containsExactlyInAnyOrder("keycloak-gate", "console", "member-app");
        assertThat(compose.path("services").path("postgres").has("ports")).isFalse();
        assertThat(compose.path("services").path("kafka").has("ports")).isFalse();
    }

    @Test
    void keycloaksAdminAndMasterRealmAreOffThePublicPort() throws IOException {
        JsonNode keycloak = compose.path("services").path("keycloak");
        keycloak.path("ports").forEach(port -> assertThat(port.asText()).startsWith("127.0.0.1:"));
        assertThat(keycloak.path("command").toString()).contains("--hostname-admin=http://127.0.0.1:8181");
        JsonNode gate = compose.path("services").path("keycloak-gate");
        assertThat(gate.path("ports").get(0).asText()).isEqualTo("8180:8080");
        assertThat(gate.path("volumes").get(0).asText()).startsWith("./ops/keycloak/gate.conf:");
        String conf = Files.readString(ROOT.resolve("ops/keycloak/gate.conf"));
        // Only the realm paths and their resources are passed on; master and everything else (/admin) is a 404.
        assertThat(conf)
                .contains("location /realms/master { return 404; }")
                .contains("location / { return 404; }")
                .doesNotContainPattern("location /admin[^;]*proxy_pass");
        assertThat(Pattern.compile("location (\\S+) \\{\\s*proxy_pass")
                        .matcher(conf)
                        .results()
                        .map(m -> m.group(1)))
                .containsExactlyInAnyOrder("/realms/", "/resources/");
    }

    @Test
    void theProductionRealmHasNoUsersNoLiteralSecretsAndAStrongPolicy() throws IOException {
        JsonNode realm = new ObjectMapper()
                .readTree(ROOT.resolve("ops/keycloak/limber-realm.prod.json").toFile());
        for (JsonNode user : realm.path("users")) {
            assertThat(user.path("serviceAccountClientId").isTextual())
                    .as("only service accounts: %s", user.path("username"))
                    .isTrue();
            assertThat(user.has("credentials")).isFalse();
        }
        List<String> clients = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            clients.add(id);
            if (client.has("secret")) {
                assertThat(client.path("secret").asText())
                        .as("secret of %s", id)
                        .matches("\\$\\{[A-Z0-9_]+}");
            }
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false))
                    .as("password grant of %s", id)
                    .isFalse();
            assertThat(client.path("redirectUris").toString())
                    .as("redirects of %s", id)
                    .doesNotContain("localhost", "127.0.0.1");
        }
        assertThat(clients).doesNotContain("limber-scripts").contains("limber-api", "limber-app", "limber-console");
        // The member app's tokens carry only the member role: a staff account signing in there gets no staff token.
        JsonNode app = client(realm, "limber-app");
        assertThat(app.path("fullScopeAllowed").isBoolean()).isTrue();
        assertThat(app.path("fullScopeAllowed").asBoolean()).isFalse();
        List<String> appRoles = new ArrayList<>();
        realm.path("scopeMappings").forEach(m -> {
            if (m.path("client").asText().equals("limber-app")) {
                m.path("roles").forEach(r -> appRoles.add(r.asText()));
            }
        });
        assertThat(appRoles).containsExactly("member");
        // Keycloak ends the console's session of an account it signs out (back-channel logout, on the compose network).
        JsonNode console = client(realm, "limber-console");
        assertThat(console.path("frontchannelLogout").asBoolean(true)).isFalse();
        assertThat(console.path("attributes").path("backchannel.logout.url").asText())
                .isEqualTo("http://console:8084/back-channel-logout");
        // The service accounts have no admin role at all (one would switch its fine-grained permissions off): the
        // realm's two admin permissions let the provisioning account create users in /members and the directory
        // account view /clinicians and its members (ProductionRealmIT shows what each may do).
        assertThat(realm.path("users").findValuesAsText("serviceAccountClientId"))
                .containsExactlyInAnyOrder("limber-provisioning", "limber-directory");
        for (JsonNode account : realm.path("users")) {
            assertThat(account.has("clientRoles")).isFalse();
            assertThat(account.has("realmRoles")).isFalse();
        }
        assertThat(realm.path("adminPermissionsEnabled").asBoolean()).isTrue();
        Map<String, String> groupIds = new HashMap<>();
        realm.path("groups")
                .findParents("path")
                .forEach(g -> groupIds.put(g.path("path").asText(), g.path("id").asText()));
        Map<String, String> permissions = new HashMap<>();
        realm.path("clients")
                .findValues("authorizationSettings")
                .forEach(settings -> settings.path("policies").forEach(policy -> {
                    if (policy.path("type").asText().equals("scope")) {
                        permissions.put(
                                policy.path("config").path("resources").asText(),
                                policy.path("config").path("scopes").asText());
                    }
                }));
        assertThat(permissions)
                .containsOnly(
                        Map.entry(
                                "[\"" + groupIds.get("/members") + "\"]", "[\"manage-members\",\"manage-membership\"]"),
                        Map.entry("[\"" + groupIds.get("/clinicians") + "\"]", "[\"view\",\"view-members\"]"));
        assertThat(realm.path("revokeRefreshToken").asBoolean())
                .as("refresh-token rotation")
                .isTrue();
        assertThat(realm.path("refreshTokenMaxReuse").asInt(-1)).isZero();
        String policy = realm.path("passwordPolicy").asText();
        assertThat(policy)
                .contains("hashAlgorithm(argon2)", "notUsername", "notEmail")
                .doesNotContain("hashIterations");
        Matcher length = Pattern.compile("(?<!max)[Ll]ength\\((\\d+)\\)").matcher(policy);
        assertThat(length.find()).isTrue();
        assertThat(Integer.parseInt(length.group(1))).isGreaterThanOrEqualTo(12);
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(Files.readString(ROOT.resolve("ops/keycloak/limber-realm.prod.json")))
                .doesNotContain("limber-console-secret", "limber-scripts-secret", "\"value\"");
    }

    static JsonNode client(JsonNode realm, String clientId) {
        return realm.path("clients").findParents("clientId").stream()
                .filter(c -> c.path("clientId").asText().equals(clientId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    @Test
    void theDevelopmentRealmKeepsTheDemoUsersAndTheScriptsClientForTheLauncher() throws IOException {
        JsonNode realm = new ObjectMapper()
                .readTree(ROOT.resolve(KeycloakProcess.REALM_FILE).toFile());
        assertThat(realm.path("users").findValuesAsText("username"))
                .contains("maria", "casey", "robin", "eddie", "ada");
        assertThat(realm.path("clients").findValuesAsText("clientId")).contains("limber-scripts", "limber-console");
        // The member app: anyone may register on loopback and becomes a member; the app's origins may sign in.
        assertThat(realm.path("registrationAllowed").asBoolean()).isTrue();
        assertThat(realm.path("defaultGroups").toString()).isEqualTo("[\"/members\"]");
        JsonNode app = null;
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals("limber-app")) {
                app = client;
            }
        }
        assertThat(app).isNotNull();
        assertThat(app.path("publicClient").asBoolean()).isTrue();
        assertThat(app.path("redirectUris").toString()).contains("http://localhost:8085/*");
        assertThat(app.path("attributes").path("pkce.code.challenge.method").asText())
                .isEqualTo("S256");
    }

    @Test
    void productionHasNoDefaultCorsOriginAndNoSwaggerUiUnlessEnabled() throws IOException {
        List<String> shared = Files.readAllLines(
                ROOT.resolve("service-common/src/main/resources/META-INF/microprofile-config.properties"));
        assertThat(shared)
                .contains(
                        "%prod.quarkus.http.cors.origins=${WEB_ORIGINS:}",
                        "%prod.quarkus.swagger-ui.enable=${SWAGGER_UI:false}",
                        "limber.security.allow-development-credentials=${ALLOW_DEV_CREDENTIALS:false}");
        for (String module : MODULES.values()) {
            assertThat(Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.properties")))
                    .as(module)
                    .doesNotContain("cors.origins", "swagger-ui.enable");
        }
    }

    private static Set<String> variablesOf(Path envFile) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(envFile)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.substring(0, line.indexOf('=')));
            }
        }
        return names;
    }

    /** Variable name to the property it sets, from ${VARIABLE} references in the service's and the shared configuration. */
    static Map<String, String> propertiesByVariable(String module) throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        for (Path file : List.of(
                ROOT.resolve("service-common/src/main/resources/META-INF/microprofile-config.properties"),
                ROOT.resolve(module).resolve("src/main/resources/application.properties"))) {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#") || !line.contains("=")) {
                    continue;
                }
                String key = line.substring(0, line.indexOf('=')).trim().replaceFirst("^%[a-z]+\\.", "");
                Matcher matcher = REFERENCE.matcher(line.substring(line.indexOf('=') + 1));
                while (matcher.find()) {
                    result.putIfAbsent(matcher.group(1), key);
                }
            }
        }
        return result;
    }

    private static String property(String pom, String name) {
        Matcher matcher =
                Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as("property %s in pom.xml", name).isTrue();
        return matcher.group(1);
    }

    private static Set<String> iterable(Iterator<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEachRemaining(set::add);
        return set;
    }
}
