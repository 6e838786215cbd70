package org.limber.common.rest;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.limber.common.problem.ProblemException;

/**
 * Reads query parameters so that a bad value is a 400 problem naming the parameter (JAX-RS
 * itself answers 404 when it cannot convert a query parameter).
 */
public final class QueryParams {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private QueryParams() {}

    /** An enum value by its name, case-insensitive, with '-' accepted for '_'; null when absent. */
    public static <E extends Enum<E>> E enumValue(String parameter, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(
                    parameter, "'" + raw + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A repeatable enum parameter ({@code ?x=A&x=B}, or {@code ?x=A,B}). */
    public static <E extends Enum<E>> Set<E> enumSet(String parameter, List<String> raw, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (raw != null) {
            raw.stream()
                    .flatMap(r -> Arrays.stream(r.split(",")))
                    .filter(r -> !r.isBlank())
                    .forEach(r -> values.add(enumValue(parameter, r, type)));
        }
        return values;
    }

    /** A whole number within bounds, or the default when absent. */
    public static int intValue(String parameter, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw ProblemException.badParameter(parameter, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(parameter, "'" + raw + "' is not a whole number");
        }
    }

    public static int page(String raw) {
        return intValue("page", raw, 0, 0, 100_000);
    }

    public static int size(String raw) {
        return intValue("size", raw, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    }
}
