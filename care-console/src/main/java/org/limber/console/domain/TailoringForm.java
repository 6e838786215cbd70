package org.limber.console.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.limber.events.member.PrescribedDose;

/**
 * The clinician's tailoring form over one exercise of a plan: what to change (swap, dose, pause, resume, lock,
 * unlock), the exercise and its session, the exercise to swap to or the new dose, a required note and an optional
 * override reason. Every value is bounded and checked here before anything is sent; routine-service checks the
 * change itself (a swap to an exercise left out for the member, a dose out of its range).
 */
public final class TailoringForm {

    /** What a clinician may change, in the form's order. */
    public static final List<String> CHANGE_TYPES = List.of("SWAP", "DOSE", "PAUSE", "RESUME", "LOCK", "UNLOCK");

    private TailoringForm() {}

    /**
     * The form, read: the change ({@code to} for a swap, {@code dose} for a dose), the note, the override reason,
     * and the errors found, by field name (the change is to be sent only when there are none).
     */
    public record Result(
            String type,
            String slug,
            Integer session,
            String to,
            PrescribedDose dose,
            String note,
            String overrideReason,
            Map<String, String> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Reads the form from its values by field name ({@code form.apply("sets")}; null when absent). */
    public static Result read(Function<String, String> form) {
        Map<String, String> errors = new HashMap<>();
        String note = FormValues.required(form.apply("note"), "note", errors);
        String rawType = form.apply("type");
        String type = rawType == null ? null : rawType.trim().toUpperCase(Locale.ROOT);
        if (type == null || !CHANGE_TYPES.contains(type)) {
            errors.put("type", "choose what to change");
        }
        String slug = FormValues.required(form.apply("slug"), "slug", errors);
        Integer session = FormValues.number(form.apply("session"), "session", 1, 7, errors);
        String to = "SWAP".equals(type) ? FormValues.required(form.apply("to"), "to", errors) : null;
        PrescribedDose dose = "DOSE".equals(type) ? dose(form, errors) : null;
        String overrideReason = FormValues.text(form.apply("overrideReason"), FormValues.NOTE);
        return new Result(type, slug, session, to, dose, note, overrideReason, Map.copyOf(errors));
    }

    /** The new dose: sets, and repetitions or a duration; null when a value is wrong (the error noted). */
    private static PrescribedDose dose(Function<String, String> form, Map<String, String> errors) {
        Integer sets = FormValues.number(form.apply("sets"), "sets", 1, 10, errors);
        Integer reps = FormValues.number(form.apply("reps"), "reps", 1, 50, errors);
        Integer hold = FormValues.number(form.apply("holdSeconds"), "holdSeconds", 1, 120, errors);
        Integer duration = FormValues.number(form.apply("durationSeconds"), "durationSeconds", 10, 3600, errors);
        Integer rest = FormValues.number(form.apply("restSeconds"), "restSeconds", 0, 300, errors);
        if (sets == null && !errors.containsKey("sets")) {
            errors.put("sets", "is needed");
        }
        if (reps == null && duration == null && !errors.containsKey("reps")) {
            errors.put("reps", "give repetitions or a duration");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new PrescribedDose(sets, reps, hold, duration, rest == null ? 0 : rest, form.apply("perSide") != null);
    }
}
