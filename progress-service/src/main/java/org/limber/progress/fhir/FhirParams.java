package org.limber.progress.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The FHIR API's search parameters, parsed and bounded; anything else is a 400 OperationOutcome naming it. */
public final class FhirParams {

    /** FHIR's id: 1 to 64 of letters, digits, '-' and '.'. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    public static final Set<String> OBSERVATION_CODES =
            Set.of(FhirCodes.PAIN, FhirCodes.PEG, FhirCodes.EXERCISE_DAYS, FhirCodes.EXERCISE_MINUTES);
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2101-01-01T00:00:00Z");
    private static final int MAX_VALUES = 10;

    /** A half-open range of instants [from, to). */
    public record Range(Instant from, Instant to) {
        public boolean contains(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    private FhirParams() {}

    /** A patient reference ("Patient/id" or "id"): the member id. */
    public static String patient(String raw) {
        if (raw == null || raw.isBlank()) {
            throw FhirOutcome.badParameter("patient", "required: Patient/{id}");
        }
        return id("patient", raw.startsWith("Patient/") ? raw.substring("Patient/".length()) : raw);
    }

    public static String id(String name, String raw) {
        if (raw == null || !ID.matcher(raw).matches()) {
            throw FhirOutcome.badParameter(name, "must be a FHIR id (1 to 64 letters, digits, '-' or '.')");
        }
        return raw;
    }

    /** Codes of a token search ("code", "system|code", comma-separated); all the API serves when absent. */
    public static Set<String> codes(String raw) {
        if (raw == null || raw.isBlank()) {
            return OBSERVATION_CODES;
        }
        String[] values = raw.split(",", -1);
        if (values.length > MAX_VALUES) {
            throw FhirOutcome.badParameter("code", "at most " + MAX_VALUES + " codes");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String value : values) {
            int bar = value.indexOf('|');
            String system = bar < 0 ? null : value.substring(0, bar);
            String code = bar < 0 ? value : value.substring(bar + 1);
            if ((system != null && !system.equals(FhirCodes.LOINC)) || !OBSERVATION_CODES.contains(code)) {
                throw FhirOutcome.badParameter("code", "served: LOINC " + String.join(", ", OBSERVATION_CODES));
            }
            codes.add(code);
        }
        return codes;
    }

    /** The range the date parameters (each eq, ge, gt, le or lt and a date or a date-time) leave. */
    public static Range dates(List<String> raw) {
        Instant from = EARLIEST;
        Instant to = LATEST;
        if (raw == null) {
            return new Range(from, to);
        }
        if (raw.size() > 2) {
            throw FhirOutcome.badParameter("date", "at most 2 values (a lower and an upper bound)");
        }
        for (String value : raw) {
            String prefix = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
            Range day = moment(prefix.equals("eq") && !value.startsWith("eq") ? value : value.substring(2));
            switch (prefix) {
                case "eq" -> {
                    from = max(from, day.from());
                    to = min(to, day.to());
                }
                case "ge" -> from = max(from, day.from());
                case "gt" -> from = max(from, day.to());
                case "le" -> to = min(to, day.to());
                case "lt" -> to = min(to, day.from());
                default -> throw FhirOutcome.badParameter("date", "prefix eq, ge, gt, le or lt");
            }
        }
        return new Range(from, to.isBefore(from) ? from : to);
    }

    /** A date (the whole day, UTC) or a date-time with its offset (that instant). */
    private static Range moment(String value) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                check(day.getYear());
                Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                return new Range(start, start.plusSeconds(86_400));
            }
            OffsetDateTime t = OffsetDateTime.parse(value);
            check(t.getYear());
            return new Range(t.toInstant(), t.toInstant().plusNanos(1));
        } catch (DateTimeParseException e) {
            throw FhirOutcome.badParameter("date", "a date (2026-03-02) or a date-time with offset");
        }
    }

    private static void check(int year) {
        if (year < 2000 || year > 2100) {
            throw FhirOutcome.badParameter("date", "in the years 2000 to 2100");
        }
    }

    public static int count(String raw) {
        return integer("_count", raw, Bundles.DEFAULT_COUNT, 1, Bundles.MAX_COUNT);
    }

    public static int offset(String raw) {
        return integer("_offset", raw, 0, 0, Bundles.MAX_OFFSET);
    }

    private static int integer(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400
        }
        throw FhirOutcome.badParameter(name, "an integer from " + min + " to " + max);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
