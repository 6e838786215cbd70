package org.limber.routine.domain.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.limber.routine.domain.intake.RedFlag;

/**
 * What to tell a member at once for each red-flag symptom, read from the clinicians' file
 * {@value #LOCATION}: the safety message an app shows with a report that carries red flags.
 */
public final class RedFlagAdvice {

    /** The classpath location of the advice clinicians edit. */
    public static final String LOCATION = "rules/red-flag-advice.yaml";

    /** How soon the member must get care; ordered from the most urgent. */
    public enum Urgency {
        EMERGENCY_TODAY,
        CLINICIAN_TODAY
    }

    /** One code's advice, as written in the file. */
    public record Entry(String code, Urgency urgency, String advice, String reason) {}

    /** The headline of an urgency. */
    public record Headline(String headline) {}

    /** The file. */
    public record File(Map<Urgency, Headline> urgencies, List<Entry> advice) {}

    /** What the app shows: the most urgent headline, then what to do per symptom. */
    public record SafetyMessage(Urgency urgency, String headline, List<SymptomAdvice> symptoms) {}

    /** What to do about one reported symptom. */
    public record SymptomAdvice(RedFlag redFlag, Urgency urgency, String advice) {}

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<RedFlag, Entry> entries;
    private final Map<Urgency, Headline> headlines;

    private RedFlagAdvice(Map<RedFlag, Entry> entries, Map<Urgency, Headline> headlines) {
        this.entries = entries;
        this.headlines = headlines;
    }

    public static RedFlagAdvice load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("No advice file " + LOCATION + " on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses an advice file; every red-flag code needs exactly one entry with an urgency, advice and a
     * reason, and every urgency a headline.
     */
    public static RedFlagAdvice read(InputStream in) throws IOException {
        File file = YAML.readValue(in, File.class);
        List<String> problems = new ArrayList<>();
        Map<RedFlag, Entry> entries = new EnumMap<>(RedFlag.class);
        for (Entry entry : file.advice() == null ? List.<Entry>of() : file.advice()) {
            RedFlag flag;
            try {
                flag = RedFlag.valueOf(String.valueOf(entry.code()));
            } catch (IllegalArgumentException e) {
                problems.add("no red flag " + entry.code());
                continue;
            }
            if (entries.put(flag, entry) != null) {
                problems.add(flag + ": more than one entry");
            }
            if (entry.urgency() == null || blank(entry.advice()) || blank(entry.reason())) {
                problems.add(flag + ": the urgency, advice or reason is missing");
            }
        }
        for (RedFlag flag : RedFlag.values()) {
            if (flag.consequence != RedFlag.Consequence.CONTEXT && !entries.containsKey(flag)) {
                problems.add(flag + ": no advice");
            }
        }
        Map<Urgency, Headline> headlines = file.urgencies() == null ? Map.of() : file.urgencies();
        for (Urgency urgency : Urgency.values()) {
            if (headlines.get(urgency) == null || blank(headlines.get(urgency).headline())) {
                problems.add(urgency + ": no headline");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The red-flag advice has errors: " + problems);
        }
        return new RedFlagAdvice(entries, new EnumMap<>(headlines));
    }

    public Entry of(RedFlag flag) {
        return entries.get(flag);
    }

    /** The message for the reported symptoms, most urgent first; null when none was reported. */
    public SafetyMessage messageFor(Collection<RedFlag> reported) {
        if (reported == null || reported.isEmpty()) {
            return null;
        }
        List<SymptomAdvice> symptoms = reported.stream()
                .distinct()
                .map(entries::get)
                .sorted(Comparator.comparing(Entry::urgency).thenComparing(Entry::code))
                .map(e -> new SymptomAdvice(
                        RedFlag.valueOf(e.code()), e.urgency(), e.advice().strip()))
                .toList();
        Urgency top = symptoms.get(0).urgency();
        return new SafetyMessage(top, headlines.get(top).headline(), symptoms);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
