package org.limber.progress.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * When an alert is due, by the rules: checks on one session, one week, and a member's activity.
 * Pure: the caller supplies the facts and stores the alerts.
 */
public final class AlertPolicy {

    private final AlertRules rules;

    public AlertPolicy(AlertRules rules) {
        this.rules = rules;
    }

    public AlertRules rules() {
        return rules;
    }

    /** Alerts one session calls for: a red-flag symptom; pain at or above the threshold before, during or after. */
    public List<AlertKind> forSession(int painBefore, int painDuring, int painAfter, List<String> redFlags) {
        List<AlertKind> due = new ArrayList<>();
        if (!redFlags.isEmpty()) {
            due.add(AlertKind.RED_FLAG_SYMPTOM);
        }
        int worst = Math.max(painBefore, Math.max(painDuring, painAfter));
        if (worst >= rules.rule(AlertKind.HIGH_PAIN).threshold()) {
            due.add(AlertKind.HIGH_PAIN);
        }
        return due;
    }

    /** Whether a week's mean pain before sessions is the threshold or more above baseline (with enough sessions to count). */
    public boolean painAboveBaseline(int sessions, int sumPainBefore, Integer baseline) {
        AlertRules.Rule rule = rules.rule(AlertKind.PAIN_ABOVE_BASELINE);
        if (baseline == null || sessions < rule.minSessions()) {
            return false;
        }
        return sumPainBefore >= (long) (baseline + rule.threshold()) * sessions;
    }

    /** Whether a member with an active plan has been inactive too long (since their last session, or the plan's start). */
    public boolean inactive(Instant lastActivityOrPlanStart, Instant now) {
        return lastActivityOrPlanStart != null
                && lastActivityOrPlanStart
                        .plus(rules.rule(AlertKind.INACTIVE).days(), ChronoUnit.DAYS)
                        .isBefore(now);
    }

    /** Whether every given week's adherence is under the threshold (and there are enough weeks). */
    public boolean lowAdherence(List<Integer> adherencePercentOfRecentWeeks) {
        AlertRules.Rule rule = rules.rule(AlertKind.LOW_ADHERENCE);
        return adherencePercentOfRecentWeeks.size() >= rule.weeks()
                && adherencePercentOfRecentWeeks.stream().allMatch(p -> p != null && p < rule.threshold());
    }
}
