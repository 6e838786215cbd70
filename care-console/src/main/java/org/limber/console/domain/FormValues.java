package org.limber.console.domain;

import java.util.Map;

/** Reading a form's values: bounded text, whole numbers in a range, and the errors found, by field name. */
public final class FormValues {

    /** The longest a note or a reason may be. */
    public static final int NOTE = 2000;

    private FormValues() {}

    /** Bounded text from a form: trimmed, at most {@code max} characters, null when empty. */
    public static String text(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = raw.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }

    /** A required text of at most {@link #NOTE} characters; "is needed" under {@code field} when empty. */
    public static String required(String raw, String field, Map<String, String> errors) {
        String t = text(raw, NOTE);
        if (t == null) {
            errors.put(field, "is needed");
        }
        return t;
    }

    /** An optional whole number from {@code min} to {@code max}; null when empty or wrong (the error then noted). */
    public static Integer number(String raw, String field, int min, int max, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max) {
                errors.put(field, "must be " + min + "-" + max);
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number");
            return null;
        }
    }

    /** The errors in one sentence, sorted by field: "note is needed; sets must be 1-10". */
    public static String describe(Map<String, String> errors) {
        return errors.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .sorted()
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    }
}
