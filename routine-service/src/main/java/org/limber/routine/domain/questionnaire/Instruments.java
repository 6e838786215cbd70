package org.limber.routine.domain.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shipped questionnaires: FHIR R4 {@code Questionnaire} resources on the classpath (exercise-content's
 * {@code questionnaires/<code in lower case>.json}), each read once into an {@link Instrument} (items, ranges from the
 * minValue/maxValue extensions, choice scores from ordinalValue) and kept as its JSON to serve.
 */
public final class Instruments {

    /** The codes shipped, in the order they are listed. */
    public static final List<String> CODES = List.of(Scoring.STARTBACK, Scoring.PEG);

    private static final String EXT = "http://hl7.org/fhir/StructureDefinition/";

    /** One questionnaire: its facts and its resource as shipped. */
    public record Shipped(Instrument instrument, JsonNode resource) {}

    private final Map<String, Shipped> byCode;

    private Instruments(Map<String, Shipped> byCode) {
        this.byCode = byCode;
    }

    public static Instruments load(ObjectMapper json) {
        Map<String, Shipped> byCode = new LinkedHashMap<>();
        for (String code : CODES) {
            String path = "questionnaires/" + code.toLowerCase(java.util.Locale.ROOT) + ".json";
            try (InputStream in = Instruments.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException(path + " is missing");
                }
                JsonNode resource = json.readTree(in);
                byCode.put(code, new Shipped(read(code, resource), resource));
            } catch (IOException e) {
                throw new UncheckedIOException(path + " cannot be read", e);
            }
        }
        return new Instruments(byCode);
    }

    public Optional<Shipped> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<Shipped> all() {
        return List.copyOf(byCode.values());
    }

    /** Reads a Questionnaire resource's facts (only what the checks and scores need). */
    static Instrument read(String code, JsonNode q) {
        if (!"Questionnaire".equals(q.path("resourceType").asText())) {
            throw new IllegalStateException(code + " is not a Questionnaire");
        }
        List<Instrument.Item> items = new ArrayList<>();
        for (JsonNode item : q.path("item")) {
            String type = item.path("type").asText();
            Instrument.Type kind = switch (type) {
                case "integer" -> Instrument.Type.INTEGER;
                case "choice" -> Instrument.Type.CHOICE;
                default -> Instrument.Type.OTHER;
            };
            Map<String, Integer> options = new LinkedHashMap<>();
            for (JsonNode option : item.path("answerOption")) {
                options.put(
                        option.path("valueCoding").path("code").asText(),
                        extension(option, "ordinalValue").map(JsonNode::asInt).orElse(0));
            }
            items.add(new Instrument.Item(
                    item.path("linkId").asText(),
                    kind,
                    item.path("required").asBoolean(false),
                    item.path("readOnly").asBoolean(false),
                    extension(item, "minValue").map(JsonNode::asInt).orElse(null),
                    extension(item, "maxValue").map(JsonNode::asInt).orElse(null),
                    options));
        }
        return new Instrument(code, q.path("url").asText(), q.path("version").asText(), items);
    }

    private static Optional<JsonNode> extension(JsonNode node, String name) {
        for (JsonNode ext : node.path("extension")) {
            if ((EXT + name).equals(ext.path("url").asText())) {
                for (String field : List.of("valueInteger", "valueDecimal")) {
                    if (ext.has(field)) {
                        return Optional.of(ext.get(field));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
