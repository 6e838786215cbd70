package org.limber.progress.domain.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.limber.progress.domain.Outcomes;
import org.limber.progress.domain.ProgressMath;

/**
 * The outcomes report's pain and PEG measures over one group (all starters, or completers only): aggregates, and
 * nothing for a group or a measure's subgroup under {@link Outcomes#MIN_GROUP} (the report's suppression rule).
 * <p>
 * All starters are counted as intention to treat, conservatively: a member without pain in weeks 11-12 keeps the
 * pain of their last session (last observation carried forward) or, without any session, their baseline (no
 * change); a member with a baseline PEG and no later one keeps the baseline (no change, no meaningful fall).
 */
public final class CohortMeasures {

    /**
     * One member of the cohort.
     *
     * @param endPain      pain at the end for the group's reading (see the class comment); null: none at all
     * @param baselinePeg  the baseline PEG score; null without a PEG response
     * @param latestPeg    the newest PEG score (the baseline when there is no later one)
     */
    public record Member(int baselinePain, Double endPain, Double baselinePeg, Double latestPeg) {}

    /**
     * @param members                 the group's size
     * @param painMembers             members with a baseline pain above 0 and an end pain: the pain figures are theirs
     * @param shareReachingMcid       of painMembers, pain fell 2 points or 30%
     * @param pegMembers              members with a baseline PEG: the PEG figures are theirs
     * @param sharePegFall30          of pegMembers with a baseline above 0, the PEG fell 30% or more
     */
    public record Measures(
            int members,
            String note,
            Integer painMembers,
            BigDecimal meanPainChangePercent,
            BigDecimal medianPainChangePercent,
            BigDecimal shareReachingMcid,
            Integer pegMembers,
            BigDecimal baselinePegMean,
            BigDecimal baselinePegMedian,
            BigDecimal latestPegMean,
            BigDecimal latestPegMedian,
            BigDecimal sharePegFall30) {}

    private CohortMeasures() {}

    public static Measures of(List<Member> group) {
        int min = Outcomes.MIN_GROUP;
        if (group.size() < min) {
            return new Measures(
                    group.size(),
                    "fewer than " + min + " members: suppressed to protect privacy",
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
        List<Member> pain = group.stream()
                .filter(m -> m.baselinePain() > 0 && m.endPain() != null)
                .toList();
        List<Member> peg = group.stream().filter(m -> m.baselinePeg() != null).toList();
        boolean painShown = pain.size() >= min;
        boolean pegShown = peg.size() >= min;
        String note = painShown && pegShown
                ? null
                : "fewer than " + min + " members with " + (painShown ? "" : "pain at baseline")
                        + (painShown || pegShown ? "" : " or ") + (pegShown ? "" : "a baseline PEG")
                        + ": those figures suppressed";
        return new Measures(
                group.size(),
                note,
                pain.size(),
                painShown ? mean(pain, CohortMeasures::painChange) : null,
                painShown ? median(pain, CohortMeasures::painChange) : null,
                painShown
                        ? ratio(
                                pain.stream()
                                        .filter(m -> ProgressMath.meaningfulFall(m.baselinePain(), m.endPain()))
                                        .count(),
                                pain.size())
                        : null,
                peg.size(),
                pegShown ? mean(peg, Member::baselinePeg) : null,
                pegShown ? median(peg, Member::baselinePeg) : null,
                pegShown ? mean(peg, Member::latestPeg) : null,
                pegShown ? median(peg, Member::latestPeg) : null,
                pegShown ? ratio(peg.stream().filter(CohortMeasures::pegFell).count(), peg.size()) : null);
    }

    private static double painChange(Member m) {
        return (m.baselinePain() - m.endPain()) * 100.0 / m.baselinePain();
    }

    private static boolean pegFell(Member m) {
        return m.latestPeg() != null && PegTrend.meaningfulFall(m.baselinePeg(), m.latestPeg());
    }

    private static BigDecimal mean(List<Member> members, ToDoubleFunction<Member> value) {
        return scale(members.stream().mapToDouble(value).average().orElseThrow());
    }

    private static BigDecimal median(List<Member> members, ToDoubleFunction<Member> value) {
        double[] v = members.stream().mapToDouble(value).sorted().toArray();
        int n = v.length;
        return scale(n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
    }

    private static BigDecimal scale(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }
}
