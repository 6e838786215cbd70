package org.limber.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A small JSON-over-HTTP client; a connection failure is retried a few times, an HTTP error is the caller's to judge. */
public final class JsonHttp {

    /** An answer: the status, the body (a missing node when empty or not JSON) and the Location header. */
    public record Reply(int status, JsonNode body, String location) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body, or an exception naming the call when the status is not 2xx. */
        public JsonNode expect(String what) {
            if (!ok()) {
                throw new CallFailed(what + " answered " + status + ": " + body);
            }
            return body;
        }
    }

    /** A call that did not get the answer it needed. */
    public static final class CallFailed extends RuntimeException {
        public CallFailed(String message) {
            super(message);
        }
    }

    private static final int ATTEMPTS = 4;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public ObjectMapper mapper() {
        return mapper;
    }

    public Reply get(String url, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), bearer);
    }

    public Reply post(String url, String bearer, Object body) {
        return send(
                HttpRequest.newBuilder(URI.create(url)).POST(json(body)).header("Content-Type", "application/json"),
                bearer);
    }

    public Reply put(String url, String bearer, Object body) {
        return send(
                HttpRequest.newBuilder(URI.create(url)).PUT(json(body)).header("Content-Type", "application/json"),
                bearer);
    }

    /** An application/x-www-form-urlencoded POST (OpenID Connect token requests). */
    public Reply form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/x-www-form-urlencoded"),
                null);
    }

    private HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Reply send(HttpRequest.Builder builder, String bearer) {
        builder.timeout(Duration.ofSeconds(30)).header("Accept", "application/json, application/problem+json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        HttpRequest request = builder.build();
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                return new Reply(
                        response.statusCode(),
                        parse(response.body()),
                        response.headers().firstValue("Location").orElse(null));
            } catch (IOException e) {
                last = e;
                sleep(250L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallFailed("interrupted");
            }
        }
        throw new CallFailed(request.method() + " " + request.uri() + " failed: " + last);
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
