package org.limber.progress.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.limber.progress.domain.measures.CohortMeasures;

/**
 * The outcomes report over members who have reached 12 weeks: aggregates only, and nothing at
 * all for a group smaller than {@link #MIN_GROUP}.
 */
public final class Outcomes {

    public static final int MIN_GROUP = 10;
    public static final int WEEKS = 12;

    /**
     * One member of the cohort.
     *
     * @param baselinePain     typical pain at intake
     * @param endPain          mean pain before sessions in weeks 11-12, null without a session then (not a completer)
     * @param firstPlanStart   the day the member's first plan started (week 1 is the week containing it)
     * @param prescriptions    every plan version's sessions per week and the day it took effect
     * @param weeklySessions   sessions done in weeks 1-12
     * @param suspendedWeeks   indexes (0-11) of weeks when the plan was suspended, left out of adherence (the reader
     *                         fills it from the member's latest suspension)
     */
    public record Member(
            int baselinePain,
            Double endPain,
            LocalDate firstPlanStart,
            List<Prescription> prescriptions,
            int[] weeklySessions,
            Set<Integer> suspendedWeeks) {}

    /**
     * @param completers            members with a session in weeks 11-12
     * @param completionRate        completers over members
     * @param painCompleters        completers with a baseline above 0: the pain figures are over them
     * @param meanPainChangePercent mean of (baseline - end pain) / baseline, in percent, over painCompleters
     * @param medianPainChangePercent the median of the same, which a few low baselines do not skew
     * @param shareReachingMcid     painCompleters whose pain fell 2 points or 30%, over painCompleters
     * @param adherence             share of members by mean weekly adherence over the 12 weeks
     * @param allStarters           pain and PEG measures over every member of the cohort (intention to treat)
     * @param completersOnly        the same measures over the completers
     */
    public record Report(
            boolean suppressed,
            String note,
            Integer members,
            Integer completers,
            BigDecimal completionRate,
            Integer painCompleters,
            BigDecimal meanPainChangePercent,
            BigDecimal medianPainChangePercent,
            BigDecimal shareReachingMcid,
            AdherenceDistribution adherence,
            CohortMeasures.Measures allStarters,
            CohortMeasures.Measures completersOnly) {

        /** This report with the measures of both groups (none on a suppressed report). */
        public Report withMeasures(CohortMeasures.Measures all, CohortMeasures.Measures completed) {
            if (suppressed) {
                return this;
            }
            return new Report(
                    suppressed,
                    note,
                    members,
                    completers,
                    completionRate,
                    painCompleters,
                    meanPainChangePercent,
                    medianPainChangePercent,
                    shareReachingMcid,
                    adherence,
                    all,
                    completed);
        }
    }

    public record AdherenceDistribution(BigDecimal under50, BigDecimal from50to79, BigDecimal atLeast80) {}

    private Outcomes() {}

    public static Report report(List<Member> cohort) {
        if (cohort.size() < MIN_GROUP) {
            return suppressed();
        }
        List<Member> completers =
                cohort.stream().filter(m -> m.endPain() != null).toList();
        AdherenceDistribution distribution = distribution(cohort);
        BigDecimal completion = ratio(completers.size(), cohort.size());
        // A member with baseline 0 has no pain to reduce: no percent change exists and the MCID cannot be reached.
        // They are left out of every pain figure alike (mean, median and the MCID share), and painCompleters says how
        // many remain.
        List<Member> withBaseline =
                completers.stream().filter(m -> m.baselinePain() > 0).toList();
        if (withBaseline.size() < MIN_GROUP) {
            return new Report(
                    false,
                    "fewer than " + MIN_GROUP + " completers with pain at baseline: pain figures suppressed",
                    cohort.size(),
                    completers.size(),
                    completion,
                    withBaseline.size(),
                    null,
                    null,
                    null,
                    distribution,
                    null,
                    null);
        }
        double[] changes = withBaseline.stream()
                .mapToDouble(m -> (m.baselinePain() - m.endPain()) * 100.0 / m.baselinePain())
                .sorted()
                .toArray();
        BigDecimal meanChange = scale(Arrays.stream(changes).average().orElseThrow());
        int n = changes.length;
        BigDecimal medianChange = scale(n % 2 == 1 ? changes[n / 2] : (changes[n / 2 - 1] + changes[n / 2]) / 2);
        long mcid = withBaseline.stream()
                .filter(m -> ProgressMath.meaningfulFall(m.baselinePain(), m.endPain()))
                .count();
        return new Report(
                false,
                null,
                cohort.size(),
                completers.size(),
                completion,
                withBaseline.size(),
                meanChange,
                medianChange,
                ratio(mcid, withBaseline.size()),
                distribution,
                null,
                null);
    }

    private static Report suppressed() {
        return new Report(
                true,
                "fewer than " + MIN_GROUP + " members: suppressed to protect privacy",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The shares of the cohort whose mean weekly adherence was under 50%, 50-79%, and 80% or more. */
    private static AdherenceDistribution distribution(List<Member> cohort) {
        int under50 = 0;
        int mid = 0;
        int high = 0;
        for (Member m : cohort) {
            double adherence = meanAdherence(m);
            if (adherence >= ProgressMath.ADHERENT_PERCENT) {
                high++;
            } else if (adherence >= 50) {
                mid++;
            } else {
                under50++;
            }
        }
        return new AdherenceDistribution(
                ratio(under50, cohort.size()), ratio(mid, cohort.size()), ratio(high, cohort.size()));
    }

    /**
     * Mean over the 12 weeks of done / prescribed, each week capped at 100%: each week against the plan in force
     * that week, the first week prorated to its days from the plan's start, weeks when the plan was suspended left out.
     */
    static double meanAdherence(Member m) {
        LocalDate firstWeek = ProgressMath.weekOf(m.firstPlanStart());
        double sum = 0;
        int weeks = 0;
        for (int week = 0; week < WEEKS; week++) {
            if (m.suspendedWeeks().contains(week)) {
                continue;
            }
            int prescribed = ProgressMath.prescribed(firstWeek.plusWeeks(week), m.prescriptions());
            int done = week < m.weeklySessions().length ? m.weeklySessions()[week] : 0;
            weeks++;
            sum += prescribed == 0 ? 0 : Math.min(1.0, done / (double) prescribed);
        }
        return weeks == 0 ? 0 : sum * 100 / weeks;
    }

    private static BigDecimal scale(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }
}
