package org.limber.routine.domain.adapt;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.limber.events.member.ProgressAssessed;

/**
 * An assessed plan week as the progression rules see it.
 *
 * @param pain               the latest pain before a session, or the worst during one when higher (null without sessions)
 * @param sessionsDone       sessions reported in the week
 * @param trend              the week's mean pain against the last earlier week that had sessions (the baseline when none did),
 *                           or progress-service's trend when that is less favourable
 * @param skips              per exercise, how often it was skipped for each reason
 * @param tooEasyWeeks       how many assessments in a row (this one included) felt too easy
 * @param unsettledSessions  sessions of the week whose pain after was well above the pain before (it had not settled)
 * @param awaitingClearance  after spine surgery, until a clinician clears automatic progression for the member
 */
public record WeekFacts(
        boolean redFlagReported,
        boolean inFlare,
        Integer pain,
        Integer worstPainDuring,
        Double meanPain,
        int baselinePain,
        int sessionsDone,
        int adherencePercent,
        Effort effort,
        Trend trend,
        Map<String, Map<String, Integer>> skips,
        int tooEasyWeeks,
        int unsettledSessions,
        boolean awaitingClearance) {

    public enum Effort {
        TOO_EASY,
        JUST_RIGHT,
        TOO_HARD
    }

    public enum Trend {
        FALLING,
        STABLE,
        RISING
    }

    /** A week's mean pain this many points below the reference week is falling; any rise at all is rising. */
    public static final double FALLING_POINTS = 1.0;

    /**
     * The facts of {@code assessment}; {@code previous} is the member's assessment before it, if any;
     * {@code referenceMeanPain} the mean pain of the last earlier week with sessions (null when none had).
     */
    public static WeekFacts of(
            ProgressAssessed assessment,
            ProgressAssessed previous,
            Double referenceMeanPain,
            boolean inFlare,
            int unsettledSessions,
            boolean awaitingClearance) {
        Integer pain = assessment.latestPain();
        if (assessment.worstPainDuring() != null && (pain == null || assessment.worstPainDuring() > pain)) {
            pain = assessment.worstPainDuring();
        }
        Map<String, Map<String, Integer>> skips = new TreeMap<>();
        for (ProgressAssessed.Skip skip :
                assessment.skipped() == null ? List.<ProgressAssessed.Skip>of() : assessment.skipped()) {
            skips.computeIfAbsent(skip.slug(), s -> new TreeMap<>()).merge(skip.reason(), skip.times(), Integer::sum);
        }
        Effort effort = effort(assessment.effort());
        int tooEasyWeeks = effort != Effort.TOO_EASY
                ? 0
                : previous != null && effort(previous.effort()) == Effort.TOO_EASY ? 2 : 1;
        return new WeekFacts(
                assessment.redFlagSymptoms() != null
                        && !assessment.redFlagSymptoms().isEmpty(),
                inFlare,
                pain,
                assessment.worstPainDuring(),
                assessment.meanPain(),
                assessment.baselinePain(),
                assessment.sessionsDone(),
                assessment.adherencePercent(),
                effort,
                worse(
                        Trend.valueOf(assessment.painTrend()),
                        trend(assessment.meanPain(), referenceMeanPain, assessment.baselinePain())),
                skips,
                tooEasyWeeks,
                unsettledSessions,
                awaitingClearance);
    }

    /**
     * The pain trend for progression, against the last earlier week that had sessions (a week after a
     * gap is not compared with the baseline), else the baseline. Any rise at all is RISING: pain
     * should not climb week over week, and a rise under a point repeated for weeks would otherwise
     * progress the plan twice before the 2-points-over-baseline rule stops it. Without sessions the
     * week has no trend (STABLE); the progression rules also require the week done as prescribed.
     */
    static Trend trend(Double meanPain, Double referenceMeanPain, int baselinePain) {
        if (meanPain == null) {
            return Trend.STABLE;
        }
        double change = meanPain - (referenceMeanPain != null ? referenceMeanPain : baselinePain);
        if (change > 1e-9) {
            return Trend.RISING;
        }
        return change <= -FALLING_POINTS + 1e-9 ? Trend.FALLING : Trend.STABLE;
    }

    /** The less favourable of progress-service's trend and this one (rising over stable over falling): the safer to act on. */
    static Trend worse(Trend a, Trend b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Too hard if any session was, too easy if most were, just right otherwise (and without sessions). */
    static Effort effort(ProgressAssessed.Effort counts) {
        if (counts == null) {
            return Effort.JUST_RIGHT;
        }
        if (counts.tooHard() > 0) {
            return Effort.TOO_HARD;
        }
        int total = counts.tooEasy() + counts.justRight();
        return total > 0 && counts.tooEasy() * 2 > total ? Effort.TOO_EASY : Effort.JUST_RIGHT;
    }
}
