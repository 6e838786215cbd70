package org.limber.progress.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.limber.events.member.ProgressAssessed;

/**
 * When a plan week is assessed and what the assessment says. A week is assessed once when it
 * ends or when all its prescribed sessions are done, and once early when a safety signal appears
 * (pain during a session above 5, pain 7 or more before a session, or pain before sessions averaging
 * the alert rule's points above baseline). Pure: the caller reads the facts and stores the result.
 */
public final class Assessments {

    /** Pain before a session at this or more is a flare: the gentle plan should start now, not at the week's end. */
    public static final int FLARE_PAIN = 7;
    /** Pain during a session above this is too much (0-2 fine, 3-5 acceptable). */
    public static final int PAIN_DURING_LIMIT = 5;
    /** A week's mean pain this many points below (above) the week before is a falling (rising) trend. */
    public static final double TREND_POINTS = 1.0;

    /**
     * Whether an assessment is a week's regular one (the week completed or ended) or an early one (a safety
     * signal): at most one of each per member, plan version and week.
     */
    public enum Timing {
        REGULAR,
        EARLY
    }

    public enum Trigger {
        WEEK_ENDED,
        WEEK_COMPLETED,
        SAFETY_SIGNAL
    }

    public enum Trend {
        FALLING,
        STABLE,
        RISING
    }

    public enum Signal {
        PAIN_DURING_ABOVE_5,
        PAIN_ABOVE_BASELINE,
        /** Pain 7 or more before the latest session: a flare. */
        PAIN_BEFORE_AT_LEAST_7
    }

    private Assessments() {}

    public static Timing timing(Trigger trigger) {
        return trigger == Trigger.SAFETY_SIGNAL ? Timing.EARLY : Timing.REGULAR;
    }

    /** Whether the week's prescribed sessions are all done. */
    public static boolean completed(PlanWeekFacts week) {
        return week.sessions() >= week.sessionsPerWeek();
    }

    /** The safety signals in the week's sessions. */
    public static List<Signal> signals(PlanWeekFacts week, AlertPolicy policy) {
        List<Signal> signals = new ArrayList<>();
        if (week.worstPainDuring() != null && week.worstPainDuring() > PAIN_DURING_LIMIT) {
            signals.add(Signal.PAIN_DURING_ABOVE_5);
        }
        if (policy.painAboveBaseline(week.sessions(), week.sumPainBefore(), week.baselinePain())) {
            signals.add(Signal.PAIN_ABOVE_BASELINE);
        }
        if (week.latestPain() != null && week.latestPain() >= FLARE_PAIN) {
            signals.add(Signal.PAIN_BEFORE_AT_LEAST_7);
        }
        return signals;
    }

    /**
     * The week's mean pain against the week before, or against the baseline when there were no
     * sessions the week before; stable without sessions this week.
     */
    public static Trend trend(Double meanPain, Double previousMeanPain, int baselinePain) {
        if (meanPain == null) {
            return Trend.STABLE;
        }
        double reference = previousMeanPain != null ? previousMeanPain : baselinePain;
        double change = meanPain - reference;
        if (change <= -TREND_POINTS) {
            return Trend.FALLING;
        }
        return change >= TREND_POINTS ? Trend.RISING : Trend.STABLE;
    }

    public static ProgressAssessed assess(
            PlanWeekFacts week, Trigger trigger, AlertPolicy policy, UUID id, Instant now) {
        List<String> signals = trigger == Trigger.SAFETY_SIGNAL
                ? signals(week, policy).stream().map(Enum::name).toList()
                : List.of();
        Integer adherence = ProgressMath.adherence(week.sessions(), week.sessionsPerWeek());
        return new ProgressAssessed(
                id,
                now,
                ProgressAssessed.SCHEMA_VERSION,
                week.memberId(),
                id,
                week.planVersion(),
                week.weekStart(),
                trigger.name(),
                signals,
                week.baselinePain(),
                week.sessions(),
                week.sessionsPerWeek(),
                adherence == null ? 0 : adherence,
                trend(week.meanPain(), week.previousMeanPain(), week.baselinePain())
                        .name(),
                week.meanPain() == null ? null : Math.round(week.meanPain() * 10) / 10.0,
                week.latestPain(),
                week.worstPainDuring(),
                week.effort(),
                week.skipped(),
                week.redFlagSymptoms());
    }
}
