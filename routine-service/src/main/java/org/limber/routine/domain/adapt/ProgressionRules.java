package org.limber.routine.domain.adapt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The progression rules clinicians maintain in {@code rules/progression-rules.yaml}, read and checked. */
public record ProgressionRules(int maxChangesPerWeek, List<Rule> rules) {

    public static final String LOCATION = "rules/progression-rules.yaml";

    public enum Action {
        STOP,
        FLARE,
        END_FLARE,
        REGRESS,
        REGRESS_SKIPPED,
        PROGRESS,
        HOLD
    }

    /** One rule: when all its conditions hold (null ones are not checked), its action, and why. */
    public record Rule(String id, When when, Action action, String reason) {
    }

    public record When(Boolean redFlagReported, Boolean inFlare, Integer painAtLeast, Integer painBelow, Integer worstPainDuringAbove,
            Integer worstPainDuringAtMost, Integer painAboveBaselineBy, Integer skippedAtLeast, Set<String> skipReasons,
            Integer adherenceAtLeast, Set<WeekFacts.Effort> effort, Set<WeekFacts.Trend> painTrend, Integer tooEasyWeeks) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static ProgressionRules load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("No rules file " + LOCATION + " on the classpath");
            }
            return check(YAML.readValue(in, ProgressionRules.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProgressionRules check(ProgressionRules file) {
        if (file.maxChangesPerWeek() < 1) {
            throw new IllegalStateException(LOCATION + ": maxChangesPerWeek must be at least 1");
        }
        Set<String> ids = new HashSet<>();
        for (Rule rule : file.rules()) {
            if (rule.id() == null || !ids.add(rule.id())) {
                throw new IllegalStateException(LOCATION + ": every rule needs an id of its own: " + rule.id());
            }
            if (rule.action() == null || rule.reason() == null || rule.reason().isBlank()) {
                throw new IllegalStateException(LOCATION + ": rule " + rule.id() + " needs an action and a reason");
            }
            When when = rule.when();
            if (when != null && (when.skippedAtLeast() == null) != (when.skipReasons() == null || when.skipReasons().isEmpty())) {
                throw new IllegalStateException(LOCATION + ": rule " + rule.id() + " gives skippedAtLeast and skipReasons together");
            }
        }
        Rule last = file.rules().get(file.rules().size() - 1);
        if (last.when() != null) {
            throw new IllegalStateException(LOCATION + ": the last rule must hold always (no conditions), so that every week is decided");
        }
        return file;
    }
}
