package org.limber.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

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
}
