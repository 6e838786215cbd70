package org.limber.routine.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.limber.common.problem.Problem.FieldProblem;
import org.limber.common.problem.ProblemException;
import org.limber.routine.domain.questionnaire.Instrument;
import org.limber.routine.domain.questionnaire.ResponseCheck.GivenAnswer;
import org.limber.routine.domain.questionnaire.ResponseCheck.GivenItem;
import org.limber.routine.service.QuestionnaireService.NewResponse;

/**
 * Reads a FHIR R4 {@code QuestionnaireResponse} (JSON) into the answers the service checks: resourceType, a UUID
 * {@code id} (the idempotency key), {@code status} completed, {@code questionnaire} (if given) the questionnaire's
 * canonical with or without its version, {@code authored} (optional, an instant with its offset), and top-level
 * {@code item}s each with a {@code linkId} and {@code answer}s of {@code valueInteger} or {@code valueCoding}.
 * Everything is bounded; a bad field is a 400 naming it.
 */
final class QuestionnaireResponseBody {

    static final int MAX_CHARS = 32 * 1024;
    static final int MAX_ITEMS = 40;
    static final int MAX_ANSWERS = 5;
    static final int MAX_TEXT = 64;

    private QuestionnaireResponseBody() {}

    static NewResponse read(ObjectMapper json, String body, String code, Instrument instrument) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badParameter("body", "a QuestionnaireResponse is required");
        }
        if (body.length() > MAX_CHARS) {
            throw ProblemException.badParameter("body", "is longer than " + MAX_CHARS + " characters");
        }
        JsonNode r;
        try {
            r = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badParameter("body", "is not JSON");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (r == null
                || !r.isObject()
                || !"QuestionnaireResponse".equals(r.path("resourceType").asText())) {
            throw ProblemException.invalid(
                    400,
                    "Not a QuestionnaireResponse.",
                    List.of(new FieldProblem("resourceType", "must be QuestionnaireResponse")));
        }
        UUID id = uuid(r.path("id"), problems);
        if (!"completed".equals(r.path("status").asText())) {
            problems.add(new FieldProblem("status", "must be completed"));
        }
        JsonNode questionnaire = r.path("questionnaire");
        if (!questionnaire.isMissingNode()
                && !questionnaire.asText().equals(instrument.url())
                && !questionnaire.asText().equals(instrument.canonical())) {
            problems.add(new FieldProblem("questionnaire", "must be " + instrument.canonical() + " for " + code));
        }
        Instant authored = authored(r.path("authored"), problems);
        List<GivenItem> items = items(r.path("item"), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(400, "The QuestionnaireResponse has invalid fields.", problems);
        }
        return new NewResponse(id, code, authored, items);
    }

    private static UUID uuid(JsonNode id, List<FieldProblem> problems) {
        try {
            if (id.isTextual() && id.asText().length() == 36) {
                return UUID.fromString(id.asText());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(new FieldProblem("id", "must be a UUID made by the client (the idempotency key)"));
        return null;
    }

    private static Instant authored(JsonNode authored, List<FieldProblem> problems) {
        if (authored.isMissingNode() || authored.isNull()) {
            return null;
        }
        try {
            if (authored.isTextual() && authored.asText().length() <= MAX_TEXT) {
                return OffsetDateTime.parse(authored.asText()).toInstant();
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(new FieldProblem("authored", "must be a date and time with its offset"));
        return null;
    }

    private static List<GivenItem> items(JsonNode items, List<FieldProblem> problems) {
        if (!items.isArray() || items.size() > MAX_ITEMS) {
            problems.add(new FieldProblem("item", "must be a list of at most " + MAX_ITEMS + " items"));
            return List.of();
        }
        List<GivenItem> given = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String linkId = item.path("linkId").asText("");
            if (!item.path("linkId").isTextual() || linkId.isEmpty() || linkId.length() > MAX_TEXT) {
                problems.add(
                        new FieldProblem("item[" + i + "].linkId", "is required, 1 to " + MAX_TEXT + " characters"));
                continue;
            }
            JsonNode answers = item.path("answer");
            if (!answers.isMissingNode() && (!answers.isArray() || answers.size() > MAX_ANSWERS)) {
                problems.add(
                        new FieldProblem("item[" + linkId + "]", "answer must be a list of at most " + MAX_ANSWERS));
                continue;
            }
            List<GivenAnswer> list = new ArrayList<>();
            for (JsonNode answer : answers) {
                list.add(answer(answer));
            }
            given.add(new GivenItem(linkId, list));
        }
        return given;
    }

    private static GivenAnswer answer(JsonNode answer) {
        JsonNode integer = answer.path("valueInteger");
        JsonNode code = answer.path("valueCoding").path("code");
        return new GivenAnswer(
                integer.isInt() ? integer.intValue() : null,
                code.isTextual() && code.asText().length() <= MAX_TEXT ? code.asText() : null);
    }
}
