package org.limber.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.configuration.MemorySize;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import static io.restassured.RestAssured.given;

/**
 * Sends random and mutated requests to every operation of the running service's OpenAPI document and
 * requires a 2xx or a 4xx {@code application/problem+json}, never a 5xx: valid bodies with fields removed,
 * types changed, huge strings and numbers, deep nesting and nulls; random query parameters and path ids.
 * A 400 or 422 problem names the field or parameter at fault ({@code errors[].field}).
 * A 401 to a request with a token fails the run: the token has expired or is refused, and the answers would
 * then say nothing about the input.
 *
 * <p>Now and then a request line longer than {@link #MAX_INITIAL_LINE} or headers larger than
 * {@link #MAX_HEADER_SIZE} (the services' {@code quarkus.http.limits}): the HTTP server refuses those
 * before any application code runs, and the answer must be exactly its 414 or 431; every shorter request
 * must not get either. A body larger than the service's {@code quarkus.http.limits.max-body-size} must get
 * the 413 problem; it is sent with {@code Expect: 100-continue}, as a careful client would, so that a body
 * the service refuses from its declared length is never sent. A request line and headers over their
 * limits never come together (see {@link #run}). A request that gets no answer at all (a connection
 * closed or reset) is a failure like a wrong answer, reported with the request and the seed. Random from
 * a seed that a failure names, so that it can be repeated ({@code -Dfuzz.seed=...}).
 */
public final class RequestFuzzer {

    /** {@code quarkus.http.limits.max-initial-line-length} of every service (service-common). */
    public static final int MAX_INITIAL_LINE = 4096;
    /** {@code quarkus.http.limits.max-header-size} of every service (service-common). */
    public static final int MAX_HEADER_SIZE = 20 * 1024;

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final List<Object> ODD = List.of(
            "",
            " ",
            "null",
            "-1",
            "0",
            "2147483648",
            "99999999999999999999999",
            "1e400",
            "NaN",
            "+999999999-12",
            "-999999999-01",
            "1000000000-01-01T00:00:00Z",
            "2024-13-45",
            "0000-00-00T00:00:00Z",
            "00000000-0000-0000-0000-000000000000",
            "not-a-uuid",
            "UNKNOWN_VALUE",
            "a,b,a,a",
            "../../etc",
            "%00",
            "é漢😀",
            "true",
            "[]",
            "{}",
            "\u0000",
            "x".repeat(1000));

    private final Random random;
    private final BodyMutator bodies;
    private final long seed;
    /** The running service's {@code quarkus.http.limits.max-body-size}, in bytes. */
    private final long maxBody = ConfigProvider.getConfig()
            .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
            .map(MemorySize::asLongValue)
            .orElse(Long.MAX_VALUE);

    public RequestFuzzer() {
        this.seed = Long.getLong("fuzz.seed", System.nanoTime());
        this.random = new Random(seed);
        this.bodies = new BodyMutator(random, this::odd);
    }

    /**
     * {@code tries} random requests ({@code -Dfuzz.tries=} sends more, for a longer search). {@code token} gives the bearer token of the right role for an
     * operation ({@code "POST /path/{id}"}); {@code examples} a valid body for the operations that take one
     * and {@code ids} a valid value for path parameters by name (either may be missing: random then).
     */
    public void run(int tries, Function<String, String> token, Map<String, Object> examples, Map<String, String> ids) {
        Map<String, JsonNode> operations = AuthorizationMatrix.operations();
        List<String> names = new ArrayList<>(operations.keySet());
        List<String> failures = new ArrayList<>();
        int requests = Integer.getInteger("fuzz.tries", tries);
        for (int i = 0; i < requests && failures.size() < 5; i++) {
            String operation = names.get(random.nextInt(names.size()));
            String failure = send(operation, operations.get(operation), token.apply(operation), examples, ids);
            if (failure != null) {
                failures.add(failure);
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("fuzzing (seed " + seed + ", -Dfuzz.seed=" + seed + " repeats it):\n  "
                    + String.join("\n  ", failures));
        }
    }

    /** Sends one random request to {@code operation}; what is wrong with the answer (with the request), or null. */
    private String send(
            String operation, JsonNode spec, String token, Map<String, Object> examples, Map<String, String> ids) {
        String method = operation.substring(0, operation.indexOf(' '));
        String template = operation.substring(operation.indexOf(' ') + 1);
        RequestSpecification request = given().urlEncodingEnabled(false).contentType("application/json");
        if (token != null) {
            request.auth().oauth2(token);
        }
        List<Object> pathValues = new ArrayList<>();
        String uri = uri(template, spec, ids, pathValues);
        // The request line, as the server reads it: "GET /path?query HTTP/1.1".
        boolean lineTooLong = method.length() + uri.length() + " HTTP/1.1".length() + 1 > MAX_INITIAL_LINE;
        // Never both: the server refuses a request line over the limit as soon as it has read it and closes
        // the connection, and a client still writing 20 KiB of headers behind it then fails on the closed
        // connection ("Broken pipe") instead of reading the 414, at random.
        boolean headersTooLarge = !lineTooLong && random.nextInt(30) == 0;
        if (headersTooLarge) {
            request.header("X-Fuzz", "x".repeat(MAX_HEADER_SIZE + 1));
        }
        String body = null;
        boolean bodyTooLarge = false;
        // A request refused before it is read carries no body (the server closes the connection).
        if ((spec.has("requestBody") || examples.containsKey(operation)) && !lineTooLong && !headersTooLarge) {
            body = bodies.mutated(examples.get(operation));
            bodyTooLarge = body.getBytes(StandardCharsets.UTF_8).length > maxBody;
            if (bodyTooLarge) {
                request.header("Expect", "100-continue");
            }
            request.body(body);
        }
        String sent = operation + " " + abbreviated(uri) + " " + pathValues + " body "
                + (body == null ? "none" : body.length() + " chars " + abbreviated(body))
                + (headersTooLarge ? " with headers over the limit" : "");
        Response response;
        try {
            response = request.request(method, uri);
        } catch (Exception e) {
            // No answer at all (the connection closed or reset): a failure too, reported with the request
            // and the seed like any other, rather than thrown past them.
            return sent + " -> no answer: " + e;
        }
        String failure = failure(response, token != null, lineTooLong, headersTooLarge, bodyTooLarge);
        return failure == null
                ? null
                : sent + " -> " + response.statusCode() + " " + response.contentType() + " "
                        + abbreviated(response.asString()) + ": " + failure;
    }

    /**
     * The request's path and query: each path parameter a valid id or an odd value (added to {@code pathValues}),
     * each query parameter perhaps with an odd value, and now and then a query over the request line's limit.
     */
    private String uri(String template, JsonNode spec, Map<String, String> ids, List<Object> pathValues) {
        Matcher m = PARAM.matcher(template);
        StringBuilder uri = new StringBuilder();
        while (m.find()) {
            String valid = ids.get(m.group(1));
            Object value = valid != null && random.nextBoolean() ? valid : odd();
            pathValues.add(value);
            m.appendReplacement(uri, Matcher.quoteReplacement(encoded(value)));
        }
        m.appendTail(uri);
        char separator = '?';
        for (JsonNode parameter : spec.path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && random.nextBoolean()) {
                uri.append(separator)
                        .append(parameter.path("name").asText())
                        .append('=')
                        .append(encoded(odd()));
                separator = '&';
            }
        }
        if (random.nextInt(30) == 0) {
            uri.append(separator).append("fuzz=").append("x".repeat(MAX_INITIAL_LINE));
        }
        return uri.toString();
    }

    /**
     * What is wrong with the answer, or null. A 401 to a request with a token is wrong: the token has expired or
     * is refused, and every later answer would be the same 401, which tells nothing about the input.
     */
    static String failure(
            Response response, boolean withToken, boolean lineTooLong, boolean headersTooLarge, boolean bodyTooLarge) {
        int status = response.statusCode();
        if (lineTooLong) {
            return status == 414 ? null : "a request line over the limit must be the server's 414";
        }
        if (headersTooLarge) {
            return status == 431 ? null : "headers over the limit must be the server's 431";
        }
        if (bodyTooLarge && status != 413) {
            return "a body over the service's limit must be a 413";
        }
        if (status >= 500) {
            return "a server error";
        }
        if (status < 200 || (status >= 300 && status < 400)) {
            return "neither a 2xx nor a 4xx";
        }
        if (status == 414 || status == 431) {
            return "a protocol-level refusal of a request within the limits";
        }
        if (status == 401) {
            return withToken
                    ? "a 401 to a request with a valid token (expired or refused): the run tests nothing"
                    : null;
        }
        if (status < 400) {
            return null;
        }
        if (String.valueOf(response.contentType()).startsWith("application/fhir+json")) {
            return fhirFailure(response, status);
        }
        if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            return "a 4xx that is not application/problem+json";
        }
        if (status == 400 || status == 422) {
            List<String> fields = response.jsonPath().getList("errors.field", String.class);
            if (fields == null || fields.isEmpty() || fields.stream().anyMatch(f -> f == null || f.isBlank())) {
                return "a 400 or 422 problem that names no field";
            }
        }
        return null;
    }

    /**
     * A FHIR API answers its 4xx as a FHIR {@code OperationOutcome} (the FHIR spec's error), not problem+json: it
     * must have an issue, and a 400 must say which parameter (the issue's {@code expression} or
     * {@code diagnostics}).
     */
    private static String fhirFailure(Response response, int status) {
        if (!"OperationOutcome".equals(response.jsonPath().getString("resourceType"))) {
            return "a FHIR 4xx that is not an OperationOutcome";
        }
        List<Object> issues = response.jsonPath().getList("issue");
        if (issues == null || issues.isEmpty()) {
            return "an OperationOutcome without an issue";
        }
        if (status == 400 || status == 422) {
            String said = String.valueOf(response.jsonPath().getList("issue.expression"))
                    + response.jsonPath().getList("issue.diagnostics");
            if (said.replaceAll("[\\[\\],\\s]|null", "").isEmpty()) {
                return "a FHIR 400 that names no parameter";
            }
        }
        return null;
    }

    private static String encoded(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviated(String text) {
        return text == null ? null : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private Object odd() {
        return ODD.get(random.nextInt(ODD.size()));
    }
}
