package org.limber.progress.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The red-flag codes that are emergencies: those the clinicians' safety advice
 * ({@value #LOCATION}, in exercise-content, the file routine-service shows the member) gives the urgency
 * {@value #EMERGENCY_TODAY}: the signs of cauda equina syndrome (bladder or bowel control, difficulty passing
 * urine, saddle numbness, both legs numb or weak, a change in sexual function).
 *
 * <p>Clinical reason: cauda equina compression needs surgery within hours to save bladder, bowel and leg
 * function; the member is told to go to an emergency department today. The care team must see such an alert
 * before every other URGENT one (a red flag that asks for a call today), so an alert whose red-flag codes
 * include one of these is raised at {@link Severity#EMERGENCY}, which sorts first everywhere. The codes are
 * read from the one file that also decides what the member is told, never copied, so that the member's advice
 * and the care team's severity cannot disagree. A code the file does not know is not an emergency by this
 * rule, but its alert stays URGENT (every red-flag alert is), so nothing is lowered.
 */
public final class EmergencySigns {

    /** The classpath location of the safety advice (exercise-content). */
    public static final String LOCATION = "rules/red-flag-advice.yaml";

    /** The urgency of the advice that makes a code an emergency. */
    public static final String EMERGENCY_TODAY = "EMERGENCY_TODAY";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String code, String urgency) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(List<Entry> advice) {}

    private final Set<String> codes;

    EmergencySigns(Set<String> codes) {
        this.codes = Set.copyOf(codes);
    }

    /** Reads the emergency codes from the safety advice on the classpath; fails if it is missing or names none. */
    public static EmergencySigns load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("No safety advice file " + LOCATION + " on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EmergencySigns read(InputStream in) throws IOException {
        File file = new ObjectMapper(new YAMLFactory()).readValue(in, File.class);
        Set<String> codes = (file.advice() == null ? List.<Entry>of() : file.advice())
                .stream()
                        .filter(e -> e.code() != null && EMERGENCY_TODAY.equals(e.urgency()))
                        .map(Entry::code)
                        .collect(Collectors.toSet());
        if (codes.isEmpty()) {
            // Safety: a file without emergencies would silently rank cauda-equina signs as merely URGENT.
            throw new IllegalStateException("The safety advice " + LOCATION + " names no " + EMERGENCY_TODAY + " code");
        }
        return new EmergencySigns(codes);
    }

    /** The emergency codes. */
    public Set<String> codes() {
        return codes;
    }

    /**
     * The severity of an alert: {@link Severity#EMERGENCY} for an URGENT alert (a red flag in a session, a
     * symptom report, a referral at intake) whose red-flag codes include an emergency; else the rule's severity.
     * Only URGENT kinds carry red-flag codes in their details; the review kinds' details are reasons.
     */
    public Severity severity(Severity ofRule, Collection<String> details) {
        if (ofRule == Severity.URGENT && details != null && details.stream().anyMatch(codes::contains)) {
            return Severity.EMERGENCY;
        }
        return ofRule;
    }
}
