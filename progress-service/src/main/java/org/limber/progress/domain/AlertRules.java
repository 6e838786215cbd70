package org.limber.progress.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The alert rules clinicians maintain in {@code rules/alert-rules.yaml}; every kind must have one. */
public record AlertRules(Map<AlertKind, Rule> alerts) {

    public static final String LOCATION = "rules/alert-rules.yaml";

    /**
     * One rule. {@code threshold}: pain points (HIGH_PAIN, PAIN_ABOVE_BASELINE) or adherence percent
     * (LOW_ADHERENCE); {@code minSessions}: sessions a week needs before its mean counts
     * (PAIN_ABOVE_BASELINE), or that the pain of the last {@code days} needs to show a change (NO_RESPONSE);
     * {@code days}: days without a session (INACTIVE), or over which pain is measured (NO_RESPONSE);
     * {@code weeks}: weeks in a row (LOW_ADHERENCE); {@code fromWeek}, {@code toWeek}: the plan weeks (1 is the
     * first plan's first seven days) in which a rule applies (NO_RESPONSE); {@code eachCause}: every cause raises
     * its own alert, even while one of the kind is open.
     */
    public record Rule(
            Severity severity,
            Integer threshold,
            Integer minSessions,
            Integer days,
            Integer weeks,
            Integer fromWeek,
            Integer toWeek,
            Boolean eachCause,
            String reason) {

        public boolean folds() {
            return !Boolean.TRUE.equals(eachCause);
        }
    }

    public Rule rule(AlertKind kind) {
        return alerts.get(kind);
    }

    public static AlertRules load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("No alert rules file " + LOCATION + " on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and checks an alert rules file. */
    static AlertRules read(InputStream in) throws IOException {
        ObjectMapper yaml =
                new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        AlertRules rules = new AlertRules(
                new EnumMap<>(yaml.readValue(in, AlertRules.class).alerts()));
        for (AlertKind kind : AlertKind.values()) {
            Rule rule = rules.rule(kind);
            if (rule == null
                    || rule.severity() == null
                    || rule.reason() == null
                    || rule.reason().isBlank()) {
                throw new IllegalStateException("The alert rules need a severity and a reason for " + kind);
            }
            if (rule.severity() == Severity.URGENT && rule.folds()) {
                // Safety: an urgent cause must never vanish into an open alert of its kind.
                throw new IllegalStateException(
                        "An URGENT alert rule must raise an alert for each cause (eachCause: true): " + kind);
            }
        }
        Rule noResponse = rules.rule(AlertKind.NO_RESPONSE);
        if (noResponse.fromWeek() == null
                || noResponse.toWeek() == null
                || noResponse.days() == null
                || noResponse.minSessions() == null
                || noResponse.fromWeek() < 1
                || noResponse.toWeek() < noResponse.fromWeek()
                || noResponse.days() < 1
                || noResponse.minSessions() < 1) {
            throw new IllegalStateException(
                    "The NO_RESPONSE rule needs fromWeek (1 or more), toWeek (fromWeek or more), days and minSessions (1 or more)");
        }
        return rules;
    }
}
