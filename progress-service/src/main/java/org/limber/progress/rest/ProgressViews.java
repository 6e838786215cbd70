package org.limber.progress.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.limber.progress.domain.ProgressMath;
import org.limber.progress.service.ProgressService;

/** The response bodies of the progress API (every figure is documented in the README). */
public final class ProgressViews {

    private ProgressViews() {
    }

    /** {@code planStatus}: ACTIVE, SUSPENDED, REFERRED or NO_PLAN (see the README). */
    public record Progress(String memberId, Integer planVersion, String planStatus, Integer sessionsPerWeek, LocalDate programStart,
            Integer baselinePain,
            Integer latestPain, Instant latestPainAt, Integer changePoints, BigDecimal changePercent, boolean meaningfulChangeReached,
            int currentStreakWeeks, int sessionsFirst14Days, boolean earlyMilestoneReached, Instant lastActivity,
            List<ProgressMath.WeekPoint> weeks) {

        static Progress of(ProgressService.MemberProgress p) {
            var s = p.summary();
            var m = p.profile();
            return new Progress(m.memberId(), m.planVersion(), m.planStatus(), m.sessionsPerWeek(), m.firstPlanStart(), s.baselinePain(), s.latestPain(),
                    s.latestPainAt(), s.changePoints(), s.changePercent(), s.meaningfulChangeReached(), s.currentStreakWeeks(),
                    s.sessionsFirst14Days(), s.earlyMilestoneReached(), s.lastActivity(), s.weeks());
        }
    }

    public record Note(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000) String note) {
    }
}
