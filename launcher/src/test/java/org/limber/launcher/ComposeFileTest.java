package org.limber.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Static checks of docker-compose.yml (no Docker engine is needed): every environment variable it
 * gives a service names a real configuration property of that service, the services have health
 * checks, restart policies, memory limits and wait for healthy dependencies, and the images match
 * the versions the build uses. The local launcher's environment is held to the same rule.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    private static final Map<String, String> MODULES = Map.of("catalog", "catalog-service", "routine", "routine-service", "progress",
            "progress-service");

    private static JsonNode compose;

    @BeforeAll
    static void read() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    @Test
    void everyVariableGivenToAServiceNamesOneOfItsConfigurationProperties() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> service : MODULES.entrySet()) {
            JsonNode environment = compose.path("services").path(service.getKey()).path("environment");
            assertThat(environment.size()).as("environment of %s", service.getKey()).isGreaterThan(5);
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
        assertThat(unknown).as("console variables that no configuration property reads").isEmpty();
        assertThat(properties).containsEntry("CONSOLE_CLIENT_SECRET", "quarkus.oidc.credentials.secret")
                .containsEntry("PROGRESS_URL", "quarkus.rest-client.progress.url");
        assertThat(console.path("environment").path("CONSOLE_CLIENT_SECRET").asText()).startsWith("${CONSOLE_CLIENT_SECRET");
        assertThat(iterable(console.path("depends_on").fieldNames())).containsExactlyInAnyOrder("keycloak", "catalog", "routine", "progress");
        assertThat(console.path("healthcheck").path("test").toString()).contains("/dev/tcp/127.0.0.1/8084").contains("/q/health/ready");
    }

    @Test
    void theLauncherConfiguresTheServicesWithTheSameVariables() throws IOException {
        Launcher launcher = new Launcher(ROOT, Ports.from(Map.of()), LaunchOptions.parse(new String[0]));
        for (Map.Entry<String, String> service : MODULES.entrySet()) {
            Map<String, String> properties = propertiesByVariable(service.getValue());
            Set<String> variables = launcher.serviceEnvironment(service.getKey()).keySet();
            assertThat(properties.keySet()).as("variables read by %s", service.getValue()).containsAll(variables);
        }
        assertThat(propertiesByVariable("care-console").keySet()).as("variables read by care-console")
                .containsAll(launcher.serviceEnvironment("console").keySet());
    }

    @Test
    void theVariablesMapToTheExpectedProperties() throws IOException {
        Map<String, String> routine = propertiesByVariable("routine-service");
        assertThat(routine).containsEntry("DB_URL", "quarkus.datasource.jdbc.url")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka.bootstrap.servers")
                .containsEntry("OIDC_URL", "quarkus.oidc.auth-server-url")
                .containsEntry("ROUTINE_PORT", "quarkus.http.port")
                .containsEntry("INTAKE_MAX_BACKDATE", "limber.routine.intake.max-backdate");
    }

    @Test
    void servicesHaveHealthChecksRestartPoliciesMemoryLimitsAndWaitForHealthyDependencies() {
        JsonNode services = compose.path("services");
        assertThat(iterable(services.fieldNames())).containsExactlyInAnyOrder("postgres", "kafka", "keycloak", "catalog", "routine",
                "progress", "console");
        services.fields().forEachRemaining(entry -> {
            JsonNode service = entry.getValue();
            String name = entry.getKey();
            assertThat(service.path("healthcheck").path("test").isArray()).as("health check of %s", name).isTrue();
            assertThat(service.path("restart").asText()).as("restart policy of %s", name).isEqualTo("unless-stopped");
            assertThat(service.path("mem_limit").asText()).as("memory limit of %s", name).matches("\\d+[mg]");
            service.path("depends_on").fields().forEachRemaining(dependency -> assertThat(dependency.getValue().path("condition").asText())
                    .as("%s waits for %s", name, dependency.getKey()).isEqualTo("service_healthy"));
        });
        for (String name : MODULES.keySet()) {
            JsonNode service = services.path(name);
            assertThat(iterable(service.path("depends_on").fieldNames())).as(name).containsExactlyInAnyOrder("postgres", "kafka", "keycloak");
            assertThat(service.path("build").path("dockerfile").asText()).isEqualTo("src/main/docker/Dockerfile.jvm");
            assertThat(ROOT.resolve(service.path("build").path("context").asText()).resolve("src/main/docker/Dockerfile.jvm")).exists();
            String port = service.path("environment").path(name.toUpperCase() + "_PORT").asText();
            assertThat(service.path("healthcheck").path("test").toString()).as("health check of %s", name)
                    .contains("/dev/tcp/127.0.0.1/" + port).contains("/q/health/ready");
            assertThat(service.path("ports").get(0).asText()).isEqualTo(port + ":" + port);
        }
    }

    @Test
    void imagesMatchTheVersionsTheBuildUses() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        assertThat(compose.path("services").path("keycloak").path("image").asText())
                .isEqualTo("quay.io/keycloak/keycloak:" + property(pom, "keycloak.version"));
        assertThat(compose.path("services").path("kafka").path("image").asText()).isEqualTo("apache/kafka:" + property(pom, "kafka.version"));
        assertThat(compose.path("services").path("keycloak").path("volumes").toString()).contains("./ops/keycloak/limber-realm.json");
    }

    /** Variable name to the property it sets, from ${VARIABLE} references in the service's and the shared configuration. */
    static Map<String, String> propertiesByVariable(String module) throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        for (Path file : List.of(ROOT.resolve("service-common/src/main/resources/META-INF/microprofile-config.properties"),
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
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as("property %s in pom.xml", name).isTrue();
        return matcher.group(1);
    }

    private static Set<String> iterable(java.util.Iterator<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEachRemaining(set::add);
        return set;
    }
}
