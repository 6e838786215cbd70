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
public record ProgressionRules(int maxChangesPerWeek, int unsettledPainRise, List<Rule> rules) {

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
    public record Rule(String id, When when, Action action, String reason) {}

    public record When(
            Boolean redFlagReported,
            Boolean inFlare,
            Integer sessionsAtLeast,
            Integer painAtLeast,
            Integer painBelow,
            Integer worstPainDuringAbove,
            Integer worstPainDuringAtMost,
            Integer painAboveBaselineBy,
            Integer skippedAtLeast,
            Set<String> skipReasons,
            Integer adherenceAtLeast,
            Set<WeekFacts.Effort> effort,
            Set<WeekFacts.Trend> painTrend,
            Integer tooEasyWeeks,
            Integer unsettledSessionsAtLeast,
            Integer unsettledSessionsAtMost,
            Boolean awaitingClearance) {}

    /** Whether a session's pain had not settled: pain after it at least {@link #unsettledPainRise} above the pain before. */
    public boolean unsettled(int painBefore, int painAfter) {
        return painAfter - painBefore >= unsettledPainRise;
    }

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static ProgressionRules load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("No rules file " + LOCATION + " on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and checks a progression rules file. */
    static ProgressionRules read(InputStream in) throws IOException {
        return check(YAML.readValue(in, ProgressionRules.class));
    }

    static ProgressionRules check(ProgressionRules file) {
        if (file.maxChangesPerWeek() < 1) {
            throw new IllegalStateException(LOCATION + ": maxChangesPerWeek must be at least 1");
        }
        if (file.unsettledPainRise() < 1 || file.unsettledPainRise() > 10) {
            throw new IllegalStateException(LOCATION + ": unsettledPainRise must be 1 to 10 points");
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
            if (when != null
                    && (when.skippedAtLeast() == null)
                            != (when.skipReasons() == null || when.skipReasons().isEmpty())) {
                throw new IllegalStateException(
                        LOCATION + ": rule " + rule.id() + " gives skippedAtLeast and skipReasons together");
            }
        }
        for (Rule rule : file.rules()) {
            // A rule that makes a plan harder must never hold on a week without the facts it needs.
            When when = rule.when();
            if (rule.action() == Action.PROGRESS
                    && (when == null
                            || when.adherenceAtLeast() == null
                            || when.adherenceAtLeast() < 100
                            || when.painTrend() == null
                            || when.painTrend().contains(WeekFacts.Trend.RISING)
                            || when.unsettledSessionsAtMost() == null
                            || !Boolean.FALSE.equals(when.awaitingClearance()))) {
                throw new IllegalStateException(
                        LOCATION + ": PROGRESS rule " + rule.id() + " must require adherenceAtLeast: 100, a painTrend"
                                + " without RISING, unsettledSessionsAtMost and awaitingClearance: false");
            }
            if (rule.action() == Action.END_FLARE
                    && (when == null || when.sessionsAtLeast() == null || when.sessionsAtLeast() < 1)) {
                throw new IllegalStateException(LOCATION + ": END_FLARE rule " + rule.id()
                        + " must require sessionsAtLeast: 1 or more" + " (a flare ends on reported sessions only)");
            }
        }
        Rule last = file.rules().get(file.rules().size() - 1);
        if (last.when() != null) {
            throw new IllegalStateException(
                    LOCATION + ": the last rule must hold always (no conditions), so that every week is decided");
        }
        return file;
    }
}
