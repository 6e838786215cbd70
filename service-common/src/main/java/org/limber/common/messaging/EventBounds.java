package org.limber.common.messaging;

import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.limber.common.validation.YearBetween;
import org.limber.events.Ids;

/**
 * The bounds every event a consumer takes in is held to before it is applied (in its {@link
 * EventIntake.EventType}'s check): an event outside them is a dead letter, never a row too large, a list
 * without end or a date no arithmetic can take. Codes (red flags, causes, reasons, triggers) are
 * short printable strings; they are not held to a stricter pattern, and a repeated code is not a
 * reason to drop an event (it may carry a red flag): the consumer keeps each code once
 * ({@link #distinct}).
 */
public final class EventBounds {

    public static final int MAX_CODES = 32;
    public static final int MAX_CODE_LENGTH = 64;
    public static final int MAX_ID_LENGTH = Ids.MAX_LENGTH;
    public static final int MAX_TEXT_LENGTH = 2000;
    /** A session's exercises, as routine-service's session request allows. */
    public static final int MAX_EXERCISES = 50;
    /** Years of any date or time of an event (as routine-service's requests allow). */
    public static final int MIN_YEAR = 2000;

    public static final int MAX_YEAR = 2100;

    public static final String CODES =
            "at most " + MAX_CODES + " distinct codes, each 1 to " + MAX_CODE_LENGTH + " printable characters";
    public static final String ID = "at most " + MAX_ID_LENGTH + " characters and not blank when present";
    public static final String TEXT = "at most " + MAX_TEXT_LENGTH + " characters";
    public static final String KEY = "memberId of 1 to " + MAX_ID_LENGTH + " characters, not blank";
    public static final String TIME = "dates in the years " + MIN_YEAR + " to " + MAX_YEAR;

    private static final Pattern CODE = Pattern.compile("[^\\p{Cntrl}]{1," + MAX_CODE_LENGTH + "}");

    private static final Map<Class<?>, List<RecordComponent>> ID_COMPONENTS = new ConcurrentHashMap<>();

    private EventBounds() {}

    /**
     * Whether every id of the event (each {@code String} component named {@code ...Id} or {@code
     * ...By}, as {@link Ids} says) is absent or within bounds. {@link EventIntake} checks it for every
     * event it takes in, before the kind's own check, so no consumer can leave an id unbounded.
     */
    public static boolean ids(Object event) {
        if (!(event instanceof Record)) {
            return true;
        }
        for (RecordComponent component : idComponents(event.getClass())) {
            try {
                if (!id((String) component.getAccessor().invoke(event))) {
                    return false;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }
        return true;
    }

    /** The id components of an event record (see {@link Ids}). */
    public static List<RecordComponent> idComponents(Class<?> recordClass) {
        return ID_COMPONENTS.computeIfAbsent(
                recordClass,
                c -> c.isRecord()
                        ? Arrays.stream(c.getRecordComponents())
                                .filter(rc -> rc.getType() == String.class
                                        && (rc.getName().endsWith("Id")
                                                || rc.getName().endsWith("By")))
                                .toList()
                        : List.of());
    }

    public static boolean code(String value) {
        return value != null && !value.isBlank() && CODE.matcher(value).matches();
    }

    /** A list of codes within bounds once repeats are removed; {@code nonEmpty}: at least one. */
    public static boolean codes(List<String> values, boolean nonEmpty) {
        if (values == null || (nonEmpty && values.isEmpty())) {
            return false;
        }
        return values.stream().allMatch(EventBounds::code) && new HashSet<>(values).size() <= MAX_CODES;
    }

    /** The list with each code once, in first-seen order (the same list when it has no repeat). */
    public static List<String> distinct(List<String> values) {
        return new HashSet<>(values).size() == values.size() ? values : List.copyOf(new LinkedHashSet<>(values));
    }

    /** The member an event is about: required, not blank and not too long. */
    public static boolean key(String memberId) {
        return memberId != null && id(memberId);
    }

    /** A date or time of the domain: present and in the years {@value #MIN_YEAR} to {@value #MAX_YEAR}. */
    public static boolean time(TemporalAccessor value) {
        return YearBetween.Validator.within(value, MIN_YEAR, MAX_YEAR);
    }

    /** A list present, of at most {@code max} elements, none null. */
    public static boolean list(List<?> values, int max) {
        return values != null && values.size() <= max && values.stream().allMatch(Objects::nonNull);
    }

    /** An optional id (a clinician, an admin): absent, or not blank and not too long. */
    public static boolean id(String value) {
        return value == null || (!value.isBlank() && value.length() <= MAX_ID_LENGTH);
    }

    public static boolean text(String value) {
        return value == null || value.length() <= MAX_TEXT_LENGTH;
    }

    /**
     * A free text within {@value #MAX_TEXT_LENGTH} characters: the same text when it is, else its
     * start and "…" (never half a character). For the texts of events that may carry a red flag: a
     * note too long is no reason to drop the red flag with it.
     */
    public static String clip(String value) {
        if (value == null || value.length() <= MAX_TEXT_LENGTH) {
            return value;
        }
        int end = MAX_TEXT_LENGTH - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }
}
