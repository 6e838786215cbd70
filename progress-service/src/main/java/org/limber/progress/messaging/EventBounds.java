package org.limber.progress.messaging;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.limber.events.member.MemberNeedsReview;

/**
 * The bounds every member event is held to before it is applied: an event outside them is a dead
 * letter, never a row too large or a list without end. Codes (red flags, causes, reasons) are
 * short printable strings; they are not held to a stricter pattern, and a repeated code is not a
 * reason to drop an event (it may carry a red flag): the consumer keeps each code once
 * ({@link #distinct}).
 */
final class EventBounds {

    static final int MAX_CODES = 32;
    static final int MAX_CODE_LENGTH = 64;
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_TEXT_LENGTH = 2000;
    static final int MAX_REASONS = 20;

    static final String CODES =
            "at most " + MAX_CODES + " distinct codes, each 1 to " + MAX_CODE_LENGTH + " printable characters";
    static final String ID = "at most " + MAX_ID_LENGTH + " characters and not blank when present";
    static final String TEXT = "at most " + MAX_TEXT_LENGTH + " characters";
    static final String REASONS =
            "reasons: 1 to " + MAX_REASONS + ", each a code and a text of at most " + MAX_TEXT_LENGTH + " characters";

    private static final Pattern CODE = Pattern.compile("[^\\p{Cntrl}]{1," + MAX_CODE_LENGTH + "}");

    private EventBounds() {}

    static boolean code(String value) {
        return value != null && !value.isBlank() && CODE.matcher(value).matches();
    }

    /** A list of codes within bounds once repeats are removed; {@code nonEmpty}: at least one. */
    static boolean codes(List<String> values, boolean nonEmpty) {
        if (values == null || (nonEmpty && values.isEmpty())) {
            return false;
        }
        return values.stream().allMatch(EventBounds::code) && new HashSet<>(values).size() <= MAX_CODES;
    }

    /** The list with each code once, in first-seen order (the same list when it has no repeat). */
    static List<String> distinct(List<String> values) {
        return new HashSet<>(values).size() == values.size() ? values : List.copyOf(new LinkedHashSet<>(values));
    }

    /** An optional id (a clinician, an admin): absent, or not blank and not too long. */
    static boolean id(String value) {
        return value == null || (!value.isBlank() && value.length() <= MAX_ID_LENGTH);
    }

    static boolean text(String value) {
        return value == null || value.length() <= MAX_TEXT_LENGTH;
    }

    static boolean reasons(List<MemberNeedsReview.Reason> reasons) {
        return reasons != null
                && !reasons.isEmpty()
                && reasons.size() <= MAX_REASONS
                && reasons.stream()
                        .allMatch(r -> r != null
                                && code(r.code())
                                && r.text() != null
                                && !r.text().isBlank()
                                && text(r.text()));
    }
}
