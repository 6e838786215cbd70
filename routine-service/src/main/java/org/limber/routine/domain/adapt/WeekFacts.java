package org.limber.routine.domain.adapt;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.limber.events.member.ProgressAssessed;

/**
 * An assessed plan week as the progression rules see it.
 *
 * @param pain          the latest pain before a session, or the worst during one when higher (null without sessions)
 * @param skips         per exercise, how often it was skipped for each reason
 * @param tooEasyWeeks  how many assessments in a row (this one included) felt too easy
 */
public record WeekFacts(boolean redFlagReported, boolean inFlare, Integer pain, Integer worstPainDuring, Double meanPain,
        int baselinePain, int adherencePercent, Effort effort, Trend trend, Map<String, Map<String, Integer>> skips, int tooEasyWeeks) {

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

    /** The facts of {@code assessment}; {@code previous} is the member's assessment before it, if any. */
    public static WeekFacts of(ProgressAssessed assessment, ProgressAssessed previous, boolean inFlare) {
        Integer pain = assessment.latestPain();
        if (assessment.worstPainDuring() != null && (pain == null || assessment.worstPainDuring() > pain)) {
            pain = assessment.worstPainDuring();
        }
        Map<String, Map<String, Integer>> skips = new TreeMap<>();
        for (ProgressAssessed.Skip skip : assessment.skipped() == null ? List.<ProgressAssessed.Skip> of() : assessment.skipped()) {
            skips.computeIfAbsent(skip.slug(), s -> new TreeMap<>()).merge(skip.reason(), skip.times(), Integer::sum);
        }
        Effort effort = effort(assessment.effort());
        int tooEasyWeeks = effort != Effort.TOO_EASY ? 0
                : previous != null && effort(previous.effort()) == Effort.TOO_EASY ? 2 : 1;
        return new WeekFacts(assessment.redFlagSymptoms() != null && !assessment.redFlagSymptoms().isEmpty(), inFlare, pain,
                assessment.worstPainDuring(), assessment.meanPain(), assessment.baselinePain(), assessment.adherencePercent(), effort,
                Trend.valueOf(assessment.painTrend()), skips, tooEasyWeeks);
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
