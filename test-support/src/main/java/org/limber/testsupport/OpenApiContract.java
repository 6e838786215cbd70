package org.limber.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The running service's OpenAPI document as the contract a mobile team generates its client from: every
 * operation has a unique {@code operationId}, a success response (a 2xx with a schema, or a 204 without a body)
 * and error responses with a schema. And the member app's calls to the service (its {@code CALLS} table in
 * {@code member-app/.../js/api.js}) are operations of the document.
 */
public final class OpenApiContract {

    /** The app's table of calls: {@code name: ['GET', 'routine', '/members/me/plan'],}. */
    static final Pattern CALL = Pattern.compile("\\[\\s*'(GET|POST|PUT|DELETE|PATCH)',\\s*'(\\w+)',\\s*'([^']+)'\\s*]");

    static final Path APP_CALLS = Path.of("../member-app/src/main/resources/META-INF/resources/js/api.js");

    private OpenApiContract() {}

    /** What the document lacks, one line per operation and fault; empty when it is complete. */
    public static List<String> problems() {
        List<String> problems = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        AuthorizationMatrix.operations().forEach((name, operation) -> {
            String id = operation.path("operationId").asText("");
            if (id.isBlank()) {
                problems.add(name + ": no operationId");
            } else if (ids.putIfAbsent(id, name) != null) {
                problems.add(name + ": operationId " + id + " is also " + ids.get(id) + "'s");
            }
            boolean success = false;
            for (Iterator<Map.Entry<String, JsonNode>> responses =
                            operation.path("responses").fields();
                    responses.hasNext(); ) {
                Map.Entry<String, JsonNode> response = responses.next();
                String status = response.getKey();
                boolean schema = hasSchema(response.getValue());
                if (status.startsWith("2")) {
                    success = true;
                    if (!schema && !status.equals("204") && !status.equals("202")) {
                        problems.add(name + ": success response " + status + " has no schema");
                    }
                } else if ((status.startsWith("4") || status.startsWith("5")) && !schema) {
                    problems.add(name + ": error response " + status + " has no schema");
                }
            }
            if (!success) {
                problems.add(name + ": no success response");
            }
        });
        return problems;
    }

    /** The member app's calls to {@code service} (its name in the app's table), as {@code "GET /path"}. */
    public static List<String> appCalls(String service) {
        String source;
        try {
            source = Files.readString(APP_CALLS);
        } catch (IOException e) {
            throw new UncheckedIOException("the member app's calls: " + APP_CALLS.toAbsolutePath(), e);
        }
        List<String> calls = new ArrayList<>();
        Matcher matcher = CALL.matcher(source);
        while (matcher.find()) {
            if (matcher.group(2).equals(service)) {
                calls.add(matcher.group(1) + " " + matcher.group(3));
            }
        }
        return calls;
    }

    private static boolean hasSchema(JsonNode response) {
        for (JsonNode media : response.path("content")) {
            if (media.has("schema")) {
                return true;
            }
        }
        return false;
    }
}
