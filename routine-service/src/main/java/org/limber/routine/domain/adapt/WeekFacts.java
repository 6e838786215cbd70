package org.limber.routine.domain.adapt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.limber.events.member.ProgressAssessed;

/**
 * An assessed plan week as the progression rules see it.
 *
 * @param inFlare            the plan in force is the gentle flare plan
 * @param afterFlare         the plan in force is the one from before a flare, one step easier, for the first week after it
 * @param pain               the latest pain before a session, or the worst during one when higher (null without sessions)
 * @param sessionsDone       sessions reported in the week
 * @param settledDays        the different days (UTC) of the plan version's latest run of settled sessions (pain before and
 *                           during within the rules' {@code flareExit}), none of them followed by one that was not
 * @param daysInForce        how long the plan version had been in force when the week was assessed, in days
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
        boolean afterFlare,
        Integer pain,
        Integer worstPainDuring,
        Double meanPain,
        int baselinePain,
        int sessionsDone,
        int settledDays,
        double daysInForce,
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

    /** A session the member reported under the plan version: when, and the pain before, worst during and after. */
    public record Session(Instant performedAt, int painBefore, int painDuring, int painAfter) {}

    /**
     * The plan version the week was assessed on: whether it is the flare plan or the first week after one, since when it
     * has been in force, and whether progression awaits a clinician's clearance after spine surgery.
     */
    public record PlanInForce(boolean inFlare, boolean afterFlare, Instant inForceSince, boolean awaitingClearance) {}

    /**
     * The facts of {@code assessment}, assessed at {@code at}; {@code previous} is the member's assessment before it, if
     * any; {@code referenceMeanPain} the mean pain of the last earlier week with sessions (null when none had);
     * {@code sessions} those of the assessed plan version up to the end of the week (in any order).
     */
    public static WeekFacts of(
            ProgressAssessed assessment,
            ProgressAssessed previous,
            Double referenceMeanPain,
            ProgressionRules rules,
            PlanInForce current,
            List<Session> sessions,
            Instant at) {
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
        Instant weekFrom = assessment.weekStart().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant weekTo = weekFrom.plus(7, ChronoUnit.DAYS);
        int unsettled = (int) sessions.stream()
                .filter(s ->
                        !s.performedAt().isBefore(weekFrom) && s.performedAt().isBefore(weekTo))
                .filter(s -> rules.unsettled(s.painBefore(), s.painAfter()))
                .count();
        double daysInForce =
                Math.max(0, Duration.between(current.inForceSince(), at).toSeconds()) / (double) SECONDS_A_DAY;
        return new WeekFacts(
                assessment.redFlagSymptoms() != null
                        && !assessment.redFlagSymptoms().isEmpty(),
                current.inFlare(),
                current.afterFlare(),
                pain,
                assessment.worstPainDuring(),
                assessment.meanPain(),
                assessment.baselinePain(),
                assessment.sessionsDone(),
                settledDays(sessions, rules.flareExit()),
                daysInForce,
                assessment.adherencePercent(),
                effort,
                worse(
                        Trend.valueOf(assessment.painTrend()),
                        trend(assessment.meanPain(), referenceMeanPain, assessment.baselinePain())),
                skips,
                tooEasyWeeks,
                unsettled,
                current.awaitingClearance());
    }

    private static final long SECONDS_A_DAY = 24 * 60 * 60;

    /**
     * The different days (UTC) of the latest run of settled sessions: from the newest session back to the first that was
     * not settled. A session with pain before or during above the flare exit's bounds ends the run, so a good day before a
     * bad one never counts; two sessions on one day count one day.
     */
    static int settledDays(List<Session> sessions, ProgressionRules.FlareExit exit) {
        List<Session> newestFirst = sessions.stream()
                .sorted(Comparator.comparing(Session::performedAt).reversed())
                .toList();
        Set<LocalDate> days = new HashSet<>();
        for (Session s : newestFirst) {
            if (!exit.settled(s.painBefore(), s.painDuring())) {
                break;
            }
            days.add(LocalDate.ofInstant(s.performedAt(), ZoneOffset.UTC));
        }
        return days.size();
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
