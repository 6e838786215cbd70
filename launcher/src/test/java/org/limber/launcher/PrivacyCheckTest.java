package org.limber.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.limber.simulator.JsonHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link PrivacyCheck} counts as a finished erasure and as an export part with records. */
class PrivacyCheckTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anErasureIsCompletedOnlyWhenEveryServiceIsDone() throws Exception {
        String all = """
                {"status": "COMPLETED", "services": [{"service": "routine", "status": "DONE"},
                 {"service": "progress", "status": "DONE"}, {"service": "engagement", "status": "DONE"},
                 {"service": "keycloak", "status": "DONE"}]}""";
        assertThat(PrivacyCheck.completed(json.readTree(all))).isTrue();
        assertThat(PrivacyCheck.completed(json.readTree(all.replace("COMPLETED", "IN_PROGRESS"))))
                .isFalse();
        assertThat(PrivacyCheck.completed(json.readTree(all.replaceFirst("\"DONE\"}]}", "\"PENDING\"}]}"))))
                .isFalse();
        assertThat(
                        PrivacyCheck.completed(
                                json.readTree(
                                        "{\"status\": \"COMPLETED\", \"services\": [{\"service\": \"routine\", \"status\": \"DONE\"}]}")))
                .as("a service missing")
                .isFalse();
    }

    @Test
    void aPartHasRecordsWhenSomeListInItHasOne() throws Exception {
        JsonNode empty = json.readTree("{\"sessions\": [], \"plan\": {\"versions\": []}}");
        JsonNode nested = json.readTree("{\"sessions\": [], \"plan\": {\"versions\": [{\"version\": 1}]}}");
        assertThat(PrivacyCheck.hasRecords(empty)).isFalse();
        assertThat(PrivacyCheck.hasRecords(nested)).isTrue();
        assertThat(PrivacyCheck.hasRecords(json.readTree("{}"))).isFalse();
        assertThat(PrivacyCheck.hasRecords(json.missingNode())).isFalse();
    }

    @Test
    void engagementServicesPidIsTheRecordedProcessRunningInItsModule(@TempDir Path root) throws Exception {
        Path app = Files.createDirectories(root.resolve("engagement-service/target/quarkus-app"));
        Path other = Files.createDirectories(root.resolve("routine-service/target/quarkus-app"));
        Process routine =
                new ProcessBuilder("sleep", "60").directory(other.toFile()).start();
        Process engagement =
                new ProcessBuilder("sleep", "60").directory(app.toFile()).start();
        try {
            Files.createDirectories(root.resolve(".local/run"));
            Files.write(
                    root.resolve(".local/run/pids"),
                    List.of(
                            routine.pid() + " " + routine.info().startInstant().orElseThrow(),
                            "",
                            engagement.pid() + ""));
            BiConsumer<String, Supplier<Boolean>> none = (what, test) -> {};
            PrivacyCheck check = new PrivacyCheck(new JsonHttp(), Ports.from(Map.of()), root, none);
            assertThat(check.engagementPid()).isEqualTo(engagement.pid());
            engagement.destroyForcibly().waitFor();
            assertThat(check.engagementPid()).as("a pid no longer alive").isEqualTo(-1L);
        } finally {
            routine.destroyForcibly();
            engagement.destroyForcibly();
        }
    }
}
