package org.limber.console.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The parts of progress-service's response bodies the console uses (see its README). Unknown fields are
 * ignored, so the service may add fields without breaking the console.
 */
public final class ProgressViews {

    private ProgressViews() {}

    public record PanelRow(
            String memberId,
            Integer baselinePain,
            Integer latestPain,
            Instant lastActivity,
            LocalDate planStart,
            List<String> openAlerts,
            int worstSeverityRank,
            String planStatus,
            String startBackRisk) {}

    /**
     * A member's validated questionnaires (GET /members/{id}/measures): the newest STarT Back risk group (LOW,
     * MEDIUM, HIGH; null without one) and the PEG scores, oldest first; {@code pegMeaningfulFall} is a fall of 30%
     * or more from the baseline.
     */
    public record Measures(
            String memberId,
            String startBackRisk,
            Integer startBackTotal,
            Integer startBackSubscale,
            Instant startBackAt,
            BigDecimal pegBaseline,
            BigDecimal pegLatest,
            BigDecimal pegChangePercent,
            boolean pegMeaningfulFall,
            List<PegPoint> peg) {}

    /** One PEG response: when, why it was asked (BASELINE, WEEK_6, WEEK_12, END) and its score, 0-10. */
    public record PegPoint(Instant authoredAt, String timepoint, BigDecimal score) {}

    /** The outcome measures of one group of starters (every starter, or completers only); nulls are suppressed. */
    public record CohortMeasures(
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

    /**
     * An alert of progress-service: {@code occurrences} the causes it stands for, {@code lastOccurredAt} the latest,
     * {@code reopenedAt} when a new occurrence last reopened it after an acknowledgement (null: never).
     */
    public record Alert(
            UUID id,
            String memberId,
            String kind,
            String severity,
            String status,
            String reason,
            Instant raisedAt,
            String acknowledgedBy,
            Instant acknowledgedAt,
            String acknowledgeNote,
            String resolvedBy,
            Instant resolvedAt,
            String resolveNote,
            String clinicianId,
            int occurrences,
            Instant lastOccurredAt,
            Instant reopenedAt) {}

    public record Week(
            LocalDate weekStart,
            int sessionsDone,
            int sessionsPrescribed,
            Integer adherencePercent,
            BigDecimal meanPainBefore,
            BigDecimal meanWorstPainDuring,
            BigDecimal meanPainAfter,
            Integer maxPainDuring,
            BigDecimal shareTooHard,
            BigDecimal shareTooEasy) {}

    public record Progress(
            String memberId,
            Integer planVersion,
            Integer sessionsPerWeek,
            LocalDate programStart,
            Integer baselinePain,
            Integer latestPain,
            Instant latestPainAt,
            Integer changePoints,
            BigDecimal changePercent,
            boolean meaningfulChangeReached,
            int currentStreakWeeks,
            int sessionsFirst14Days,
            boolean earlyMilestoneReached,
            Instant lastActivity,
            List<Week> weeks) {}

    public record Outcomes(
            boolean suppressed,
            String note,
            Integer members,
            Integer completers,
            BigDecimal completionRate,
            BigDecimal meanPainChangePercent,
            BigDecimal shareReachingMcid,
            Adherence adherence,
            CohortMeasures allStarters,
            CohortMeasures completersOnly) {

        public record Adherence(BigDecimal under50, BigDecimal from50to79, BigDecimal atLeast80) {}
    }
}
