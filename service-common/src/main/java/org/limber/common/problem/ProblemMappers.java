package org.limber.common.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.limber.common.problem.Problem.FieldProblem;
import org.limber.common.rest.NulCharacters;

/**
 * Turns every error into an RFC 9457 problem+json answer: domain problems, Bean Validation
 * failures (each field named), unreadable JSON (the field whose value is wrong), HTTP errors
 * of the framework (404, 405, 406, 415), and anything unexpected (a 500 without details).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Problem problem = e.toProblem(uri.getPath());
        Response.ResponseBuilder builder =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        return respond(invalid(e.getConstraintViolations()).toProblem(uri.getPath()));
    }

    /** The 400 problem for bean-validation failures, each field named (also for a resource that validates itself). */
    public static ProblemException invalid(Set<? extends ConstraintViolation<?>> violations) {
        List<FieldProblem> errors = violations.stream()
                .map(v -> new FieldProblem(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return ProblemException.invalid(400, "The request has invalid fields.", errors);
    }

    /** Wrong types, unknown fields, bad enum values (Quarkus has a built-in mapper without field names). */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unparseableJson(JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(unreadable(e).toProblem(uri.getPath()));
    }

    /** The 400 problem for a body that cannot be read, naming the field whose value is wrong. */
    public static ProblemException unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        String message;
        if (e instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            message = "must be one of " + List.of(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            // The only text refused while read: one holding U+0000 (NulCharacters).
            message = NulCharacters.MESSAGE;
        } else if (e instanceof InvalidFormatException invalid) {
            message = "has a value of the wrong type (" + invalid.getValue() + ")";
        } else if (e instanceof JsonMappingException) {
            message = "has a value of the wrong type";
        } else {
            message = "the body is not valid JSON";
        }
        List<FieldProblem> errors = List.of(new FieldProblem(field.isEmpty() ? "body" : field, message));
        return ProblemException.invalid(400, "The request body cannot be read.", errors);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String kind = title.toLowerCase().replace(' ', '-');
        Problem problem = new ProblemException(status, kind, title, e.getMessage(), List.of()).toProblem(uri.getPath());
        Response.ResponseBuilder builder =
                Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("Unexpected error on " + uri.getPath(), e);
        return respond(new ProblemException(
                        500,
                        "internal",
                        "Internal error",
                        "Something went wrong on our side; it has been logged.",
                        List.of())
                .toProblem(uri.getPath()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    /**
     * The field a violation is about, as a client knows it: a body field path
     * ({@code dose.range.sets}) or a parameter's name, without the method and argument names.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        boolean parameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = true;
                parts.add(node.getName());
                continue;
            }
            String name = node.getName();
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || name == null || name.startsWith("<")) {
                if (node.getIndex() != null && !parts.isEmpty()) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
                }
                continue;
            }
            if (node.getIndex() != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
            }
            parts.add(name);
        }
        // A request body's parameter name is not part of the field path a client sees.
        if (parameter && parts.size() > 1) {
            parts.remove(0);
        }
        return parts.stream().collect(Collectors.joining("."));
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
