package org.limber.progress.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * When an alert is due, by the rules: checks on one session, one week, and a member's activity.
 * Pure: the caller supplies the facts and stores the alerts.
 */
public final class AlertPolicy {

    private final AlertRules rules;
    private final EmergencySigns emergencies;

    public AlertPolicy(AlertRules rules, EmergencySigns emergencies) {
        this.rules = rules;
        this.emergencies = emergencies;
    }

    /** The rules, with the emergency codes of the safety advice on the classpath. */
    public AlertPolicy(AlertRules rules) {
        this(rules, EmergencySigns.load());
    }

    public AlertRules rules() {
        return rules;
    }

    /** An alert's severity: its rule's, or EMERGENCY for an urgent one with a sign of cauda equina ({@link EmergencySigns}). */
    public Severity severity(AlertKind kind, List<String> details) {
        return emergencies.severity(rules.rule(kind).severity(), details);
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

    /** The first plan's start dates, {@code from} to {@code to} (both included), of the members at the review point today. */
    public record Starts(LocalDate from, LocalDate to) {}

    /**
     * The starts of the members whose plan week (1 is the first plan's first seven days) is today within the
     * NO_RESPONSE rule's weeks.
     */
    public Starts noResponseStarts(LocalDate today) {
        AlertRules.Rule rule = rules.rule(AlertKind.NO_RESPONSE);
        return new Starts(today.minusDays(rule.toWeek() * 7L - 1), today.minusDays((rule.fromWeek() - 1) * 7L));
    }

    /** The plan week {@code today} is in, 1 being the seven days from the first plan's start (0 or less before it). */
    public static long planWeek(LocalDate firstPlanStart, LocalDate today) {
        long days = ChronoUnit.DAYS.between(firstPlanStart, today);
        return days < 0 ? 0 : days / 7 + 1;
    }

    /**
     * Whether a member shows no response at the guideline's review point: today is in the rule's plan weeks (6 to 8),
     * the baseline is above 0 (pain that can fall), and the pain of the rule's last days (the mean pain before
     * sessions then) has not fallen meaningfully ({@link ProgressMath#meaningfulFall}), or too few sessions were done
     * then to show it (fewer than the rule's {@code minSessions}): conservative, a review rather than silence.
     *
     * @param sessions      sessions done in the rule's last {@code days} days
     * @param sumPainBefore their pains before, summed
     */
    public boolean noResponse(
            LocalDate firstPlanStart, LocalDate today, Integer baseline, int sessions, int sumPainBefore) {
        AlertRules.Rule rule = rules.rule(AlertKind.NO_RESPONSE);
        long week = planWeek(firstPlanStart, today);
        if (baseline == null || baseline <= 0 || week < rule.fromWeek() || week > rule.toWeek()) {
            return false;
        }
        return sessions < rule.minSessions()
                || !ProgressMath.meaningfulFall(baseline, (double) sumPainBefore / sessions);
    }

    /** What a NO_RESPONSE alert says about the member's pain (its {@code details}). */
    public List<String> noResponseDetails(int baseline, int sessions, int sumPainBefore) {
        int days = rules.rule(AlertKind.NO_RESPONSE).days();
        if (sessions < rules.rule(AlertKind.NO_RESPONSE).minSessions()) {
            return List.of("TOO_FEW_SESSIONS: baseline pain " + baseline + "; " + sessions + " session"
                    + (sessions == 1 ? "" : "s") + " in the last " + days + " days, too few to show a change");
        }
        BigDecimal mean =
                BigDecimal.valueOf(sumPainBefore).divide(BigDecimal.valueOf(sessions), 1, RoundingMode.HALF_UP);
        return List.of("NO_MEANINGFUL_CHANGE: baseline pain " + baseline + "; mean pain before sessions " + mean
                + " over the last " + days + " days (" + sessions + " sessions)");
    }
}
