package org.limber.catalog.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies for the editorial API, as a client would send them. */
public final class DraftBodies {

    private DraftBodies() {}

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Complete, valid content for an exercise. */
    public static Map<String, Object> content(String name) {
        Map<String, Object> range = new HashMap<>();
        range.put("sets", Map.of("min", 1, "max", 3));
        range.put("reps", Map.of("min", 5, "max", 15));
        Map<String, Object> dose = new HashMap<>();
        dose.put("sets", 2);
        dose.put("reps", 10);
        dose.put("restSeconds", 30);
        dose.put("range", range);
        Map<String, Object> content = new HashMap<>();
        content.put("name", name);
        content.put("aliases", List.of());
        content.put("description", "A gentle test movement for the lower back.");
        content.put("category", "MOBILITY");
        content.put("regions", List.of("LOWER_BACK"));
        content.put("muscles", List.of("erector spinae"));
        content.put("position", "STANDING");
        content.put("equipment", List.of("NONE"));
        content.put("level", "BEGINNER");
        content.put("unilateral", false);
        content.put("dose", dose);
        content.put("steps", List.of("Stand tall.", "Move gently.", "Return to the start."));
        content.put("mayFeel", List.of("A mild stretch."));
        content.put("tips", List.of("Breathe."));
        content.put("commonMistakes", List.of("Rushing."));
        content.put("direction", "NEUTRAL");
        content.put("spinalLoad", "LOW");
        content.put("safetyTags", List.of("FLARE_SAFE"));
        content.put("easier", List.of());
        content.put("harder", List.of());
        return content;
    }

    public static Map<String, Object> newDraft(String slug, Map<String, Object> content) {
        return Map.of("slug", slug, "content", content);
    }

    public static Map<String, Object> update(Map<String, Object> content) {
        return Map.of("content", content);
    }
}
