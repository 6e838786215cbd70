package org.limber.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.limber.common.problem.Problem.FieldProblem;

/**
 * Thrown anywhere to answer with a problem+json: the kind becomes the problem's type URI.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<FieldProblem> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String kind, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of());
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition failed", detail, List.of());
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "precondition-required", "Precondition required", detail, List.of());
    }

    /** One bad parameter (query, path or header). */
    public static ProblemException badParameter(String parameter, String message) {
        return new ProblemException(
                400,
                "validation",
                "Invalid request",
                "The parameter " + parameter + " is invalid.",
                List.of(new FieldProblem(parameter, message)));
    }

    /** Content that breaks rules: 400 for a request body, 422 for stored content that cannot go further. */
    public static ProblemException invalid(int status, String detail, List<FieldProblem> errors) {
        return new ProblemException(
                status, "validation", status == 422 ? "Unprocessable content" : "Invalid request", detail, errors);
    }

    /** A service that is not ready yet: 503 with a Retry-After header of {@code seconds}. */
    public static ProblemException unavailable(String kind, String detail, int retryAfterSeconds) {
        return new ProblemException(503, kind, "Service unavailable", detail, List.of())
                .header("Retry-After", String.valueOf(retryAfterSeconds));
    }

    /** Adds a response header (such as Retry-After) to the problem's answer. */
    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * Adds a member to the problem beside its standard ones (RFC 9457 extension members), such as the
     * safety message a refused request that reported a red flag still carries.
     */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(kind), title, status, getMessage(), instance, errors, Map.copyOf(extensions));
    }
}
