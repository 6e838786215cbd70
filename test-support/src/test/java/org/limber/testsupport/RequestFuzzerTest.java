package org.limber.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFuzzerTest {

    static Response answer(int status, String contentType, String body) {
        return new ResponseBuilder()
                .setStatusCode(status)
                .setContentType(contentType)
                .setBody(body)
                .build();
    }

    @Test
    void a401ToARequestWithATokenFailsTheRunAndWithoutOneItDoesNot() {
        Response unauthorized = answer(401, "text/plain", "");
        assertThat(RequestFuzzer.failure(unauthorized, true, false, false, false))
                .contains("401");
        assertThat(RequestFuzzer.failure(unauthorized, false, false, false, false))
                .isNull();
    }

    @Test
    void otherAnswersAreJudgedAsBefore() {
        assertThat(RequestFuzzer.failure(answer(200, "application/json", "{}"), true, false, false, false))
                .isNull();
        assertThat(RequestFuzzer.failure(answer(500, "text/plain", "boom"), true, false, false, false))
                .isEqualTo("a server error");
        assertThat(RequestFuzzer.failure(answer(403, "text/plain", ""), true, false, false, false))
                .isEqualTo("a 4xx that is not application/problem+json");
        assertThat(RequestFuzzer.failure(
                        answer(400, "application/problem+json", "{\"errors\": [{\"field\": \"note\"}]}"),
                        true,
                        false,
                        false,
                        false))
                .isNull();
    }

    @Test
    void testTokensOutliveARun() throws Exception {
        String[] parts = Tokens.clinician("casey").split("\\.");
        JsonNode claims = new ObjectMapper()
                .readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        long lifetime = claims.path("exp").asLong() - claims.path("iat").asLong();
        assertThat(lifetime).isEqualTo(Tokens.LIFETIME.toSeconds()).isGreaterThanOrEqualTo(3600);
    }
}
