package org.limber.routine.domain.adapt;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.limber.routine.domain.adapt.ProgressionRules.Action;
import org.limber.routine.domain.adapt.ProgressionRules.Rule;
import org.limber.routine.domain.adapt.ProgressionRules.When;

/** Decides, by the first progression rule that holds, what an assessed week does to the plan, and why. */
public final class Progression {

    /**
     * The rule that decided, its reason for the member, and for REGRESS_SKIPPED the exercises it
     * applies to with a reason each.
     */
    public record Verdict(Rule rule, String reason, Map<String, String> items) {

        public Action action() {
            return rule.action();
        }
    }

    private Progression() {}

    public static Verdict decide(ProgressionRules rules, WeekFacts week) {
        return first(rules, week, false)
                .orElseThrow(() -> new IllegalStateException("the last progression rule must always hold"));
    }

    /**
     * With automatic adaptation off: the first safety rule that holds (red flags, flares), or none. Safety rules apply
     * whether adaptation is on or off; the others wait until a clinician turns it back on.
     */
    public static Optional<Verdict> decideSafety(ProgressionRules rules, WeekFacts week) {
        return first(rules, week, true);
    }

    private static Optional<Verdict> first(ProgressionRules rules, WeekFacts week, boolean safetyOnly) {
        for (Rule rule : rules.rules()) {
            if (safetyOnly && !rule.isSafety()) {
                continue;
            }
            if (rule.when() == null) {
                return Optional.of(new Verdict(rule, render(rule.reason(), week, 0), Map.of()));
            }
            if (!holds(rule.when(), week)) {
                continue;
            }
            if (rule.when().skippedAtLeast() != null) {
                Map<String, String> items = new LinkedHashMap<>();
                week.skips().forEach((slug, reasons) -> {
                    int times = reasons.entrySet().stream()
                            .filter(e -> rule.when().skipReasons().contains(e.getKey()))
                            .mapToInt(Map.Entry::getValue)
                            .sum();
                    if (times >= rule.when().skippedAtLeast()) {
                        items.put(slug, render(rule.reason(), week, times));
                    }
                });
                return Optional.of(new Verdict(rule, render(rule.reason(), week, 0), items));
            }
            return Optional.of(new Verdict(rule, render(rule.reason(), week, 0), Map.of()));
        }
        return Optional.empty();
    }

    /** Whether all the rule's conditions hold. A pain condition never holds on a week without the pain figure (no sessions). */
    static boolean holds(When when, WeekFacts week) {
        return (when.redFlagReported() == null || when.redFlagReported() == week.redFlagReported())
                && (when.inFlare() == null || when.inFlare() == week.inFlare())
                && (when.afterFlare() == null || when.afterFlare() == week.afterFlare())
                && (when.sessionsAtLeast() == null || week.sessionsDone() >= when.sessionsAtLeast())
                && (when.settledDaysAtLeast() == null || week.settledDays() >= when.settledDaysAtLeast())
                && (when.inForceDaysAtLeast() == null || week.daysInForce() >= when.inForceDaysAtLeast())
                && (when.painAtLeast() == null || week.pain() != null && week.pain() >= when.painAtLeast())
                && (when.painBelow() == null || week.pain() != null && week.pain() < when.painBelow())
                && (when.worstPainDuringAbove() == null
                        || week.worstPainDuring() != null && week.worstPainDuring() > when.worstPainDuringAbove())
                && (when.worstPainDuringAtMost() == null
                        || week.worstPainDuring() != null && week.worstPainDuring() <= when.worstPainDuringAtMost())
                && (when.painAboveBaselineBy() == null
                        || week.meanPain() != null
                                && week.meanPain() - week.baselinePain() >= when.painAboveBaselineBy())
                && (when.skippedAtLeast() == null
                        || week.skips().values().stream()
                                .anyMatch(reasons -> reasons.entrySet().stream()
                                                .filter(e -> when.skipReasons().contains(e.getKey()))
                                                .mapToInt(Map.Entry::getValue)
                                                .sum()
                                        >= when.skippedAtLeast()))
                && (when.adherenceAtLeast() == null || week.adherencePercent() >= when.adherenceAtLeast())
                && (when.effort() == null || when.effort().contains(week.effort()))
                && (when.painTrend() == null || when.painTrend().contains(week.trend()))
                && (when.tooEasyWeeks() == null || week.tooEasyWeeks() >= when.tooEasyWeeks())
                && (when.unsettledSessionsAtLeast() == null
                        || week.unsettledSessions() >= when.unsettledSessionsAtLeast())
                && (when.unsettledSessionsAtMost() == null
                        || week.unsettledSessions() <= when.unsettledSessionsAtMost())
                && (when.awaitingClearance() == null || when.awaitingClearance() == week.awaitingClearance());
    }

    static String render(String template, WeekFacts week, int times) {
        return template.replace("{pain}", String.valueOf(week.pain()))
                .replace("{worstPainDuring}", String.valueOf(week.worstPainDuring()))
                .replace(
                        "{painRise}",
                        week.meanPain() == null
                                ? "?"
                                : String.valueOf(Math.round((week.meanPain() - week.baselinePain()) * 10) / 10.0))
                .replace("{effort}", phrase(week.effort()))
                .replace("{trend}", phrase(week.trend()))
                .replace("{settledDays}", String.valueOf(week.settledDays()))
                .replace("{times}", String.valueOf(times));
    }

    private static String phrase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
