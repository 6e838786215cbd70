package org.limber.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * Who may call what, as a table kept in a service's test: for every operation of the service's own
 * OpenAPI document, the status class each kind of caller gets. {@link #check} calls every operation as
 * every caller and fails on any difference, on an operation the document has and the table has not (a new
 * endpoint cannot ship without its row) and on a row for an operation that no longer exists.
 *
 * <p>Expected outcomes: {@code 2xx}, {@code 401}, {@code 403}, {@code 404}, or {@code 4xx} (another client
 * error than 401 and 403, where the caller is let in but the request cannot succeed, such as resuming a
 * plan that is not suspended or a change without its {@code If-Match}).
 */
public final class AuthorizationMatrix {

    /** The callers, in the order of a row's expectations. */
    public enum Caller {
        ANONYMOUS("anonymous"),
        MEMBER("member"),
        OTHER_MEMBER("other member"),
        CLINICIAN_ON_PANEL("clinician (panel)"),
        CLINICIAN_OFF_PANEL("clinician (not panel)"),
        EDITOR("editor"),
        ADMIN("admin");

        final String label;

        Caller(String label) {
            this.label = label;
        }
    }

    private record Row(List<String> expected, Supplier<Object> body) {}

    private final Map<String, Row> rows = new LinkedHashMap<>();

    /**
     * A row: {@code operation} as {@code "GET /path/{param}"}, {@code expected} as seven outcomes separated
     * by spaces, in the order of {@link Caller}.
     */
    public AuthorizationMatrix row(String operation, String expected) {
        return row(operation, expected, null);
    }

    /** A row whose operation takes a body: {@code body} gives a fresh valid one for each call. */
    public AuthorizationMatrix row(String operation, String expected, Supplier<Object> body) {
        List<String> outcomes = List.of(expected.trim().split("\\s+"));
        if (outcomes.size() != Caller.values().length
                || !outcomes.stream()
                        .allMatch(
                                o -> List.of("2xx", "401", "403", "404", "4xx").contains(o))) {
            throw new IllegalArgumentException(
                    "row " + operation + ": expected 7 of 2xx/401/403/404/4xx, got " + expected);
        }
        if (rows.put(operation, new Row(outcomes, body)) != null) {
            throw new IllegalArgumentException("two rows for " + operation);
        }
        return this;
    }

    /** The operations of the running service's OpenAPI document, as {@code "GET /path/{param}"}. */
    public static Map<String, JsonNode> operations() {
        JsonNode document;
        try {
            document = TestEvents.JSON.readTree(given().accept(ContentType.JSON)
                    .get("/q/openapi?format=json")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (List.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    operations.put(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue());
                }
            }
        }
        return operations;
    }

    /**
     * Calls every operation as every caller. {@code tokens} has a bearer token for each caller but
     * {@link Caller#ANONYMOUS}; {@code concrete} turns a path template into a path to call (the member's id
     * for {@code {memberId}}, an existing slug, ...).
     */
    public void check(Map<Caller, String> tokens, UnaryOperator<String> concrete) {
        Map<String, JsonNode> operations = operations();
        List<String> problems = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>(operations.keySet());
        missing.removeAll(rows.keySet());
        missing.forEach(op -> problems.add(op + ": no row in the authorization matrix"));
        TreeSet<String> stale = new TreeSet<>(rows.keySet());
        stale.removeAll(operations.keySet());
        stale.forEach(op -> problems.add(op + ": a row for an operation the service does not have"));
        rows.forEach((operation, row) -> {
            if (!operations.containsKey(operation)) {
                return;
            }
            String method = operation.substring(0, operation.indexOf(' '));
            String path = concrete.apply(operation.substring(operation.indexOf(' ') + 1));
            for (Caller caller : Caller.values()) {
                RequestSpecification request = given().contentType(ContentType.JSON);
                if (caller != Caller.ANONYMOUS) {
                    request.auth().oauth2(tokens.get(caller));
                }
                if (row.body() != null) {
                    request.body(row.body().get());
                }
                int status = request.request(method, path).statusCode();
                String expected = row.expected().get(caller.ordinal());
                if (!outcome(status).equals(expected)
                        && !(expected.equals("4xx")
                                && status >= 400
                                && status < 500
                                && status != 401
                                && status != 403)) {
                    problems.add(operation + " as " + caller.label + ": expected " + expected + ", got " + status);
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new AssertionError("authorization matrix:\n  " + String.join("\n  ", problems));
        }
    }

    private static String outcome(int status) {
        return status >= 200 && status < 300 ? "2xx" : String.valueOf(status);
    }

    /** The table as Markdown, as docs/security.md shows it. */
    public String markdown() {
        StringBuilder table = new StringBuilder("| Operation |");
        for (Caller caller : Caller.values()) {
            table.append(' ').append(caller.label).append(" |");
        }
        table.append("\n|---|").append("---|".repeat(Caller.values().length)).append('\n');
        rows.forEach((operation, row) -> table.append("| `")
                .append(operation)
                .append("` | ")
                .append(String.join(" | ", row.expected()))
                .append(" |\n"));
        return table.toString();
    }

    /** Fails unless the Markdown file {@code doc} shows this table, so the two stay the same. */
    public void requireIn(Path doc) {
        String text;
        try {
            text = Files.readString(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (!text.contains(markdown())) {
            throw new AssertionError(doc + " must show this authorization matrix:\n" + markdown());
        }
    }

    /** A token for each caller, with the member, the other member and the two clinicians named. */
    public static Map<Caller, String> tokens(
            String member, String otherMember, String panelClinician, String otherClinician) {
        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        tokens.put(Caller.MEMBER, Tokens.member(member));
        tokens.put(Caller.OTHER_MEMBER, Tokens.member(otherMember));
        tokens.put(Caller.CLINICIAN_ON_PANEL, Tokens.clinician(panelClinician));
        tokens.put(Caller.CLINICIAN_OFF_PANEL, Tokens.clinician(otherClinician));
        tokens.put(Caller.EDITOR, Tokens.editor("matrix-editor"));
        tokens.put(Caller.ADMIN, Tokens.admin("matrix-admin"));
        return tokens;
    }
}
