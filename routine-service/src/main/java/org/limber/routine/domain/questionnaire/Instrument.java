package org.limber.routine.domain.questionnaire;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated questionnaire as the service checks and scores answers to it: the facts read from its shipped FHIR
 * R4 {@code Questionnaire} resource (exercise-content's {@code questionnaires/}).
 *
 * @param code    Limber's code for it ({@code PEG}, {@code STARTBACK}), the path's {@code {code}}
 * @param url     the Questionnaire's canonical url
 * @param version the Questionnaire's version
 * @param items   its items in order
 */
public record Instrument(String code, String url, String version, List<Item> items) {

    public Instrument {
        items = List.copyOf(items);
    }

    /** The kind of answer an item takes. */
    public enum Type {
        /** A whole number within {@code min}..{@code max}. */
        INTEGER,
        /** One of the answer options, by its coding's code; the option's score is its ordinalValue. */
        CHOICE,
        /** Anything else (a read-only score, a display text): never answered by the member. */
        OTHER
    }

    /**
     * One item.
     *
     * @param options for {@link Type#CHOICE}: each option's code and its score (in order)
     */
    public record Item(
            String linkId,
            Type type,
            boolean required,
            boolean readOnly,
            Integer min,
            Integer max,
            Map<String, Integer> options) {

        public Item {
            options = options == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        }

        /** Whether the member answers this item (read-only and other items are not answered). */
        public boolean answered() {
            return !readOnly && type != Type.OTHER;
        }
    }

    /** {@code url|version}, the canonical with its version as FHIR references it. */
    public String canonical() {
        return url + "|" + version;
    }

    public Optional<Item> item(String linkId) {
        return items.stream().filter(i -> i.linkId().equals(linkId)).findFirst();
    }
}
