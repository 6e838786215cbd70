package org.limber.routine.domain.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads and checks the condition rules file. */
public final class Rules {

    /** The classpath location of the rules clinicians edit. */
    public static final String LOCATION = "rules/condition-rules.yaml";

    private record File(List<Rule> rules) {}

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Rules() {}

    public static List<Rule> load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("No rules file " + LOCATION + " on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a rules file; every rule needs an id (unique), a reason, and something it excludes or allows. */
    public static List<Rule> read(InputStream in) throws IOException {
        List<Rule> rules = YAML.readValue(in, File.class).rules();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            if (rule.id() == null || !ids.add(rule.id())) {
                problems.add("a rule has no id or a duplicate id: " + rule.id());
            }
            if (rule.reason() == null || rule.reason().isBlank()) {
                problems.add(rule.id() + ": the reason is missing");
            }
            if (rule.exclude() == null && rule.only() == null) {
                problems.add(rule.id() + ": it neither excludes nor restricts anything");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The condition rules have errors: " + problems);
        }
        return List.copyOf(rules);
    }
}
