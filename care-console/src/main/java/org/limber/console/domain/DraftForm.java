package org.limber.console.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The editor's form over an exercise's content: which fields it shows, their values from the content,
 * and the content with the form's values put back (every other field kept as it was). Numbers that are
 * not numbers are reported next to their field here; everything else is validated by catalog-service,
 * whose field errors ({@code content.dose.sets}) come back to the same fields.
 */
public final class DraftForm {

    public enum Control {
        TEXT,
        TEXTAREA,
        LINES,
        NUMBER,
        CHOICE
    }

    /** A field: its form name, its path in the content (dots), its label and how it is edited. */
    public record Field(String name, String path, String label, Control control, List<String> options, String hint) {

        public boolean isText() {
            return control == Control.TEXT;
        }

        public boolean isArea() {
            return control == Control.TEXTAREA || control == Control.LINES;
        }

        public boolean isNumber() {
            return control == Control.NUMBER;
        }

        public boolean isChoice() {
            return control == Control.CHOICE;
        }
    }

    public static final List<Field> FIELDS = List.of(
            new Field("name", "name", "Name", Control.TEXT, List.of(), "Up to 120 characters."),
            new Field(
                    "description", "description", "Description", Control.TEXTAREA, List.of(), "Up to 1000 characters."),
            new Field("aliases", "aliases", "Other names", Control.LINES, List.of(), "One a line, up to 10."),
            new Field("level", "level", "Level", Control.CHOICE, List.of("BEGINNER", "INTERMEDIATE", "ADVANCED"), null),
            new Field(
                    "steps",
                    "steps",
                    "Steps",
                    Control.LINES,
                    List.of(),
                    "One step a line, in order; at least one, up to 15."),
            new Field(
                    "mayFeel",
                    "mayFeel",
                    "What the member may feel",
                    Control.LINES,
                    List.of(),
                    "One a line, up to 10."),
            new Field("tips", "tips", "Tips", Control.LINES, List.of(), "One a line, up to 10."),
            new Field(
                    "commonMistakes",
                    "commonMistakes",
                    "Common mistakes",
                    Control.LINES,
                    List.of(),
                    "One a line, up to 10."),
            new Field("doseSets", "dose.sets", "Sets", Control.NUMBER, List.of(), "1-10."),
            new Field(
                    "doseReps",
                    "dose.reps",
                    "Repetitions",
                    Control.NUMBER,
                    List.of(),
                    "1-50; empty for a timed exercise."),
            new Field(
                    "doseHoldSeconds",
                    "dose.holdSeconds",
                    "Hold (seconds)",
                    Control.NUMBER,
                    List.of(),
                    "1-120; may be empty."),
            new Field(
                    "doseDurationSeconds",
                    "dose.durationSeconds",
                    "Duration (seconds)",
                    Control.NUMBER,
                    List.of(),
                    "10-3600; empty when counted in repetitions."),
            new Field(
                    "doseRestSeconds",
                    "dose.restSeconds",
                    "Rest between sets (seconds)",
                    Control.NUMBER,
                    List.of(),
                    "0-300."));

    /** Longest a single form value may be before it is even sent (the service's own limits are smaller). */
    static final int MAX_VALUE = 8000;

    private DraftForm() {}

    /** The form's values, from the content. */
    public static Map<String, String> values(JsonNode content) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : FIELDS) {
            JsonNode v = at(content, f.path());
            if (v == null || v.isNull() || v.isMissingNode()) {
                out.put(f.name(), "");
            } else if (v.isArray()) {
                List<String> lines = new ArrayList<>();
                v.forEach(e -> lines.add(e.asText()));
                out.put(f.name(), String.join("\n", lines));
            } else {
                out.put(f.name(), v.asText());
            }
        }
        return out;
    }

    /** The result of putting a form back into content: the new content, and the errors found here (field name to message). */
    public record Result(ObjectNode content, Map<String, String> errors) {}

    public static Result apply(JsonNode content, Map<String, String> form) {
        ObjectNode copy = content.deepCopy();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Field f : FIELDS) {
            String raw = form.getOrDefault(f.name(), "");
            if (raw.length() > MAX_VALUE) {
                errors.put(f.name(), "is too long");
                continue;
            }
            ObjectNode parent = parent(copy, f.path());
            String key = f.path().substring(f.path().lastIndexOf('.') + 1);
            switch (f.control()) {
                case LINES -> {
                    ArrayNode lines = parent.putArray(key);
                    raw.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(lines::add);
                }
                case NUMBER -> {
                    String t = raw.trim();
                    if (t.isEmpty()) {
                        parent.putNull(key);
                    } else {
                        try {
                            parent.put(key, Integer.parseInt(t));
                        } catch (NumberFormatException e) {
                            errors.put(f.name(), "must be a whole number");
                        }
                    }
                }
                default -> parent.put(key, raw.trim());
            }
        }
        return new Result(copy, errors);
    }

    /** catalog-service's field errors ("content.dose.sets") as the form's fields ("doseSets"); others under "". */
    public static Map<String, String> fromService(Map<String, String> serviceErrors) {
        Map<String, String> out = new LinkedHashMap<>();
        serviceErrors.forEach((field, message) -> {
            String path = field.startsWith("content.") ? field.substring("content.".length()) : field;
            String name = FIELDS.stream()
                    .filter(f -> path.equals(f.path()) || path.startsWith(f.path() + "["))
                    .map(Field::name)
                    .findFirst()
                    .orElse("");
            out.merge(name, name.isEmpty() ? field + " " + message : message, (a, b) -> a + "; " + b);
        });
        return out;
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode n = node;
        for (String part : path.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        return n;
    }

    private static ObjectNode parent(ObjectNode root, String path) {
        ObjectNode n = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = n.get(parts[i]);
            n = child instanceof ObjectNode o ? o : n.putObject(parts[i]);
        }
        return n;
    }
}
