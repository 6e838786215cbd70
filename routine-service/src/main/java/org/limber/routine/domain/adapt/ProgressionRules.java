package org.limber.routine.domain.adapt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The progression rules clinicians maintain in {@code rules/progression-rules.yaml}, read and checked. */
public record ProgressionRules(
        int maxChangesPerWeek,
        int unsettledPainRise,
        FlareExit flareExit,
        int progressionIntervalDays,
        int clearanceOverdueDays,
        List<Rule> rules) {

    public static final String LOCATION = "rules/progression-rules.yaml";

    /** The fewest days between two progressions of one exercise, and in force before a week may progress. */
    static final int MIN_PROGRESSION_DAYS = 7;

    /** The fewest different days of settled sessions a flare may end on. */
    static final int MIN_SETTLED_DAYS = 2;

    public enum Action {
        STOP,
        FLARE,
        END_FLARE,
        RESTORE,
        REGRESS,
        REGRESS_SKIPPED,
        PROGRESS,
        HOLD
    }

    /** The actions a rule marked {@code safety} may take: never one that steps exercises up or down. */
    static final Set<Action> SAFETY_ACTIONS =
            EnumSet.of(Action.STOP, Action.FLARE, Action.END_FLARE, Action.RESTORE, Action.HOLD);

    /**
     * A session of a flare counts towards its end when the pain before it was at most
     * {@code painBeforeAtMost} and the worst during it at most {@code painDuringAtMost}.
     */
    public record FlareExit(int painBeforeAtMost, int painDuringAtMost) {

        public boolean settled(int painBefore, int painDuring) {
            return painBefore <= painBeforeAtMost && painDuring <= painDuringAtMost;
        }
    }

    /**
     * One rule: when all its conditions hold (null ones are not checked), its action, and why;
     * {@code safety} rules apply whether automatic adaptation is on or off.
     */
    public record Rule(String id, When when, Action action, String reason, Boolean safety) {

        public Rule(String id, When when, Action action, String reason) {
            this(id, when, action, reason, null);
        }

        public boolean isSafety() {
            return Boolean.TRUE.equals(safety);
        }
    }

    public record When(
            Boolean redFlagReported,
            Boolean inFlare,
            Boolean afterFlare,
            Integer sessionsAtLeast,
            Integer settledDaysAtLeast,
            Integer inForceDaysAtLeast,
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
        FlareExit exit = file.flareExit();
        if (exit == null
                || exit.painBeforeAtMost() < 0
                || exit.painBeforeAtMost() > 6
                || exit.painDuringAtMost() < 0
                || exit.painDuringAtMost() > 6) {
            throw new IllegalStateException(LOCATION
                    + ": flareExit needs painBeforeAtMost and painDuringAtMost, each 0 to 6 (a flare is pain 7)");
        }
        if (file.progressionIntervalDays() < MIN_PROGRESSION_DAYS) {
            throw new IllegalStateException(LOCATION + ": progressionIntervalDays must be at least "
                    + MIN_PROGRESSION_DAYS + " (one progression per exercise a week at most)");
        }
        if (file.clearanceOverdueDays() < 1) {
            throw new IllegalStateException(LOCATION + ": clearanceOverdueDays must be at least 1");
        }
        if (file.rules() == null || file.rules().isEmpty()) {
            throw new IllegalStateException(LOCATION + ": there must be rules");
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
            checkSafeguards(rule);
        }
        Rule last = file.rules().get(file.rules().size() - 1);
        if (last.when() != null) {
            throw new IllegalStateException(
                    LOCATION + ": the last rule must hold always (no conditions), so that every week is decided");
        }
        return file;
    }

    /** The safeguards no rule may drop, whatever clinicians write: each is a clinical safety requirement. */
    private static void checkSafeguards(Rule rule) {
        When when = rule.when();
        // A rule that makes a plan harder must never hold on a week without the facts it needs, nor on a version
        // that has not been in force for a week (a week of sessions done in two days is not a week).
        if (rule.action() == Action.PROGRESS
                && (when == null
                        || when.adherenceAtLeast() == null
                        || when.adherenceAtLeast() < 100
                        || when.painTrend() == null
                        || when.painTrend().contains(WeekFacts.Trend.RISING)
                        || when.unsettledSessionsAtMost() == null
                        || !Boolean.FALSE.equals(when.awaitingClearance())
                        || when.inForceDaysAtLeast() == null
                        || when.inForceDaysAtLeast() < MIN_PROGRESSION_DAYS)) {
            throw new IllegalStateException(
                    LOCATION + ": PROGRESS rule " + rule.id() + " must require adherenceAtLeast: 100, a painTrend"
                            + " without RISING, unsettledSessionsAtMost, awaitingClearance: false and"
                            + " inForceDaysAtLeast: " + MIN_PROGRESSION_DAYS + " or more");
        }
        // A flare ends on settled pain reported on more than one day, never on one reading.
        if (rule.action() == Action.END_FLARE
                && (when == null
                        || !Boolean.TRUE.equals(when.inFlare())
                        || when.sessionsAtLeast() == null
                        || when.sessionsAtLeast() < 1
                        || when.settledDaysAtLeast() == null
                        || when.settledDaysAtLeast() < MIN_SETTLED_DAYS)) {
            throw new IllegalStateException(LOCATION + ": END_FLARE rule " + rule.id()
                    + " must require inFlare: true, sessionsAtLeast: 1 or more and settledDaysAtLeast: "
                    + MIN_SETTLED_DAYS + " or more (a flare ends on settled sessions on different days only)");
        }
        // The plan from before a flare comes back in full only after a week one step easier.
        if (rule.action() == Action.RESTORE
                && (when == null
                        || !Boolean.TRUE.equals(when.afterFlare())
                        || when.inForceDaysAtLeast() == null
                        || when.inForceDaysAtLeast() < MIN_PROGRESSION_DAYS
                        || when.sessionsAtLeast() == null
                        || when.sessionsAtLeast() < 1)) {
            throw new IllegalStateException(LOCATION + ": RESTORE rule " + rule.id()
                    + " must require afterFlare: true, inForceDaysAtLeast: " + MIN_PROGRESSION_DAYS
                    + " or more and sessionsAtLeast: 1 or more");
        }
        // Red flags and flares are handled whether automatic adaptation is on or off.
        if ((rule.action() == Action.STOP || rule.action() == Action.FLARE) && !rule.isSafety()) {
            throw new IllegalStateException(LOCATION + ": " + rule.action() + " rule " + rule.id()
                    + " must be a safety rule (safety: true): it applies with adaptation off too");
        }
        if (rule.isSafety() && !SAFETY_ACTIONS.contains(rule.action())) {
            throw new IllegalStateException(LOCATION + ": rule " + rule.id() + " cannot be a safety rule: "
                    + rule.action() + " is an automatic adaptation, off when a clinician turns it off");
        }
    }
}
