package org.limber.routine.domain.adapt;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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
        for (Rule rule : rules.rules()) {
            if (rule.when() == null) {
                return new Verdict(rule, render(rule.reason(), week, 0), Map.of());
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
                return new Verdict(rule, render(rule.reason(), week, 0), items);
            }
            return new Verdict(rule, render(rule.reason(), week, 0), Map.of());
        }
        throw new IllegalStateException("the last progression rule must always hold");
    }

    /** Whether all the rule's conditions hold. A pain condition never holds on a week without the pain figure (no sessions). */
    static boolean holds(When when, WeekFacts week) {
        return (when.redFlagReported() == null || when.redFlagReported() == week.redFlagReported())
                && (when.inFlare() == null || when.inFlare() == week.inFlare())
                && (when.sessionsAtLeast() == null || week.sessionsDone() >= when.sessionsAtLeast())
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
                .replace("{times}", String.valueOf(times));
    }

    private static String phrase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
