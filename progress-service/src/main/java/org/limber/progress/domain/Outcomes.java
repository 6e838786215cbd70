package org.limber.progress.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The outcomes report over members who have reached 12 weeks: aggregates only, and nothing at
 * all for a group smaller than {@link #MIN_GROUP}.
 */
public final class Outcomes {

    public static final int MIN_GROUP = 10;
    public static final int WEEKS = 12;

    /** One member of the cohort: baseline, mean pain before sessions in weeks 11-12 (null if none), prescription, sessions of weeks 1-12. */
    public record Member(int baselinePain, Double endPain, int sessionsPerWeek, int[] weeklySessions) {
    }

    /**
     * @param completers            members with a session in weeks 11-12
     * @param completionRate        completers over members
     * @param meanPainChangePercent mean of (baseline - end pain) / baseline, in percent, over completers with a baseline above 0
     * @param shareReachingMcid     completers whose pain fell 2 points or 30%, over completers
     * @param adherence             share of members by mean weekly adherence over the 12 weeks
     */
    public record Report(boolean suppressed, String note, Integer members, Integer completers, BigDecimal completionRate,
            BigDecimal meanPainChangePercent, BigDecimal shareReachingMcid, AdherenceDistribution adherence) {
    }

    public record AdherenceDistribution(BigDecimal under50, BigDecimal from50to79, BigDecimal atLeast80) {
    }

    private Outcomes() {
    }

    public static Report report(List<Member> cohort) {
        if (cohort.size() < MIN_GROUP) {
            return new Report(true, "fewer than " + MIN_GROUP + " members: suppressed to protect privacy", null, null, null, null, null,
                    null);
        }
        List<Member> completers = cohort.stream().filter(m -> m.endPain() != null).toList();
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
        AdherenceDistribution distribution = new AdherenceDistribution(ratio(under50, cohort.size()), ratio(mid, cohort.size()),
                ratio(high, cohort.size()));
        BigDecimal completion = ratio(completers.size(), cohort.size());
        if (completers.size() < MIN_GROUP) {
            return new Report(false, "fewer than " + MIN_GROUP + " completers: pain figures suppressed", cohort.size(), null, completion,
                    null, null, distribution);
        }
        List<Member> withBaseline = completers.stream().filter(m -> m.baselinePain() > 0).toList();
        BigDecimal meanChange = withBaseline.isEmpty() ? null
                : BigDecimal.valueOf(withBaseline.stream().mapToDouble(m -> (m.baselinePain() - m.endPain()) * 100.0 / m.baselinePain())
                        .average().orElse(0)).setScale(1, RoundingMode.HALF_UP);
        long mcid = completers.stream().filter(m -> m.baselinePain() - m.endPain() >= ProgressMath.MCID_POINTS
                || (m.baselinePain() > 0 && (m.baselinePain() - m.endPain()) * 100.0 / m.baselinePain() >= ProgressMath.MCID_PERCENT))
                .count();
        return new Report(false, null, cohort.size(), completers.size(), completion, meanChange, ratio(mcid, completers.size()),
                distribution);
    }

    /** Mean over the 12 weeks of done / prescribed, each week capped at 100%. */
    static double meanAdherence(Member m) {
        if (m.sessionsPerWeek() <= 0) {
            return 0;
        }
        double sum = 0;
        for (int week = 0; week < WEEKS; week++) {
            int done = week < m.weeklySessions().length ? m.weeklySessions()[week] : 0;
            sum += Math.min(1.0, done / (double) m.sessionsPerWeek());
        }
        return sum * 100 / WEEKS;
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }
}
