package org.limber.console.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A clinician's review of a member held for a review (a suspended plan, or a referral at the first intake): the
 * red flags assessed (a checkbox each), the outcome (its text for Other) and a required note. Checked here first;
 * routine-service then checks that every red flag of the hold was assessed.
 */
public final class ReviewForm {

    static final Pattern RED_FLAG = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");
    static final int MAX_FLAGS = 32;

    private ReviewForm() {}

    /** What the clinician put in the form, shown again with the errors (nothing ticked at first). */
    public record Values(List<String> redFlags, String outcome, String outcomeText, String note) {

        public static final Values EMPTY = new Values(List.of(), null, null, null);

        public boolean ticked(String flag) {
            return redFlags.contains(flag);
        }

        /** The outcome's text, sent only with the outcome Other. */
        public String outcomeTextToSend() {
            return "OTHER".equals(outcome) ? outcomeText : null;
        }
    }

    /** The form, read: its values, and the errors found by field name (sent only when there are none). */
    public record Result(Values values, Map<String, String> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result read(List<String> redFlagsAssessed, String rawOutcome, String rawOutcomeText, String rawNote) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (String raw : redFlagsAssessed == null ? List.<String>of() : redFlagsAssessed) {
            String flag = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
            if (!RED_FLAG.matcher(flag).matches()) {
                errors.put("redFlagsAssessed", "'" + FormValues.text(raw, 60) + "' is not a red flag");
            } else if (!flags.contains(flag)) {
                flags.add(flag);
            }
        }
        if (flags.isEmpty() && !errors.containsKey("redFlagsAssessed")) {
            errors.put("redFlagsAssessed", "tick each red flag you assessed");
        } else if (flags.size() > MAX_FLAGS) {
            errors.put("redFlagsAssessed", "at most " + MAX_FLAGS);
        }
        String outcome = rawOutcome == null ? null : rawOutcome.trim().toUpperCase(Locale.ROOT);
        if (outcome == null || !Labels.OUTCOMES.contains(outcome)) {
            errors.put("outcome", "choose the outcome of your review");
            outcome = null;
        }
        String outcomeText = FormValues.text(rawOutcomeText, FormValues.NOTE);
        if ("OTHER".equals(outcome) && outcomeText == null) {
            errors.put("outcomeText", "say what the outcome is when it is Other");
        }
        String note = FormValues.required(rawNote, "note", errors);
        return new Result(new Values(flags, outcome, outcomeText, note), errors);
    }

    /**
     * routine-service's field errors by the form's field names: it names an element of a list
     * ({@code redFlagsAssessed[0]}) where the form has one group.
     */
    public static Map<String, String> fieldErrors(Problem problem) {
        Map<String, String> out = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) -> {
            String name = field == null ? "" : field.replaceFirst("\\[.*$", "");
            out.merge(name, message, (a, b) -> a + "; " + b);
        });
        return out;
    }
}
