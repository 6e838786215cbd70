package org.limber.common.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}. {@code type} is a
 * stable URI per kind of problem; {@code errors} names each offending field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldProblem> errors,
        @JsonIgnore Map<String, Object> extensions) {

    public Problem(URI type, String title, int status, String detail, String instance, List<FieldProblem> errors) {
        this(type, title, status, detail, instance, errors, Map.of());
    }

    /** Extension members, written beside the standard ones. */
    @JsonAnyGetter
    public Map<String, Object> members() {
        return extensions == null ? Map.of() : extensions;
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://limber.dev/problems/";

    /** One field that is wrong: its path in the body, or a query/path/header parameter's name. */
    public record FieldProblem(String field, String message) {}

    public static URI type(String kind) {
        return URI.create(TYPE_BASE + kind);
    }
}
