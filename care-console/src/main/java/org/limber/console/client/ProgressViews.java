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
            String planStatus) {}

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
            Adherence adherence) {

        public record Adherence(BigDecimal under50, BigDecimal from50to79, BigDecimal atLeast80) {}
    }
}
