package org.limber.progress.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.limber.progress.domain.ProgressMath;
import org.limber.progress.repository.ProgressReader;
import org.limber.progress.repository.SessionReader;
import org.limber.progress.service.ProgressService;

/** The response bodies of the progress API (every figure is documented in the README). */
public final class ProgressViews {

    private ProgressViews() {}

    /** {@code planStatus}: ACTIVE, SUSPENDED, REFERRED or NO_PLAN (see the README). */
    public record Progress(
            String memberId,
            Integer planVersion,
            String planStatus,
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
            List<ProgressMath.WeekPoint> weeks) {

        static Progress of(ProgressService.MemberProgress p) {
            var s = p.summary();
            var m = p.profile();
            return new Progress(
                    m.memberId(),
                    m.planVersion(),
                    m.planStatus(),
                    m.sessionsPerWeek(),
                    m.firstPlanStart(),
                    s.baselinePain(),
                    s.latestPain(),
                    s.latestPainAt(),
                    s.changePoints(),
                    s.changePercent(),
                    s.meaningfulChangeReached(),
                    s.currentStreakWeeks(),
                    s.sessionsFirst14Days(),
                    s.earlyMilestoneReached(),
                    s.lastActivity(),
                    s.weeks());
        }
    }

    /** A session as the member or their clinician sees it. */
    public record Session(
            UUID sessionId,
            Instant performedAt,
            int planVersion,
            int painBefore,
            int painDuring,
            int painAfter,
            String effort,
            int skipped,
            int skippedForPain,
            List<String> redFlags) {

        static Session of(SessionReader.SessionRow r) {
            return new Session(
                    r.sessionId(),
                    r.performedAt(),
                    r.planVersion(),
                    r.painBefore(),
                    r.painDuring(),
                    r.painAfter(),
                    r.effort(),
                    r.skipped(),
                    r.skippedForPain(),
                    r.redFlags());
        }
    }

    /** A member of a clinician's panel, with what ranks them: open alerts (kind:severity), worst severity, pain against baseline. */
    public record PanelMember(
            String memberId,
            Integer baselinePain,
            Integer latestPain,
            Instant lastActivity,
            LocalDate planStart,
            List<String> openAlerts,
            int worstSeverityRank,
            String planStatus,
            String startBackRisk) {

        static PanelMember of(ProgressReader.PanelRow r) {
            return new PanelMember(
                    r.memberId(),
                    r.baselinePain(),
                    r.latestPain(),
                    r.lastActivity(),
                    r.planStart(),
                    r.openAlerts(),
                    r.worstSeverityRank(),
                    r.planStatus(),
                    r.startBackRisk());
        }
    }

    public record Note(@NotBlank @Size(max = 2000) String note) {}
}
