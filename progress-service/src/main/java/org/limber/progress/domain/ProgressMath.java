package org.limber.progress.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The figures of a member's progress, from their weekly sums, prescriptions and latest facts.
 * Every figure is documented in the README; pain change is positive when pain fell.
 */
public final class ProgressMath {

    /** A change from baseline of at least this many points is clinically meaningful... */
    public static final int MCID_POINTS = 2;
    /** ...or of at least this share of the baseline. */
    public static final int MCID_PERCENT = 30;
    /** Sessions in a week that make it a streak week. */
    public static final int STREAK_SESSIONS = 3;
    /** Early-engagement milestone: this many sessions in the first 14 days. */
    public static final int EARLY_MILESTONE_SESSIONS = 6;

    public static final int ADHERENT_PERCENT = 80;

    private ProgressMath() {}

    /** One week of the series. Means are null without sessions; adherence is null before any plan. */
    public record WeekPoint(
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

    public record Summary(
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
            List<WeekPoint> weeks) {}

    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * Sessions prescribed in the week: the plan in force at the week's end; the week the first plan
     * started in counts only its days from that start (at least one session).
     */
    public static int prescribed(LocalDate weekStart, List<Prescription> prescriptions) {
        LocalDate weekEnd = weekStart.plusDays(6);
        Prescription inForce = prescriptions.stream()
                .filter(p -> !p.effectiveFrom().isAfter(weekEnd))
                .max(Comparator.comparing(Prescription::effectiveFrom).thenComparing(Prescription::planVersion))
                .orElse(null);
        if (inForce == null) {
            return 0;
        }
        LocalDate firstStart = prescriptions.stream()
                .map(Prescription::effectiveFrom)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        if (firstStart.isAfter(weekStart)) {
            long days = ChronoUnit.DAYS.between(firstStart, weekEnd) + 1;
            return Math.max(1, (int) Math.round(inForce.sessionsPerWeek() * days / 7.0));
        }
        return inForce.sessionsPerWeek();
    }

    /** Done over prescribed, in percent, at most 100; null when nothing was prescribed. */
    public static Integer adherence(int done, int prescribed) {
        return prescribed == 0 ? null : Math.min(100, (int) Math.round(done * 100.0 / prescribed));
    }

    /** The last {@code weeks} weeks up to the one containing {@code today}, oldest first, empty weeks included. */
    public static List<WeekPoint> series(
            List<WeekStats> stats, List<Prescription> prescriptions, LocalDate today, int weeks) {
        Map<LocalDate, WeekStats> byWeek =
                stats.stream().collect(Collectors.toMap(WeekStats::weekStart, Function.identity()));
        List<WeekPoint> series = new ArrayList<>();
        LocalDate current = weekOf(today);
        for (int i = weeks - 1; i >= 0; i--) {
            LocalDate week = current.minusWeeks(i);
            WeekStats s = byWeek.get(week);
            int done = s == null ? 0 : s.sessions();
            int prescribed = prescribed(week, prescriptions);
            series.add(new WeekPoint(
                    week,
                    done,
                    prescribed,
                    adherence(done, prescribed),
                    s == null ? null : mean(s.sumPainBefore(), done),
                    s == null ? null : mean(s.sumPainDuring(), done),
                    s == null ? null : mean(s.sumPainAfter(), done),
                    s == null ? null : s.maxPainDuring(),
                    s == null ? null : share(s.tooHard(), done),
                    s == null ? null : share(s.tooEasy(), done)));
        }
        return series;
    }

    /** Consecutive streak weeks up to now; the week in progress counts only once it is a streak week. */
    public static int streak(List<WeekStats> stats, LocalDate today) {
        Map<LocalDate, Integer> sessions =
                stats.stream().collect(Collectors.toMap(WeekStats::weekStart, WeekStats::sessions));
        LocalDate week = weekOf(today);
        if (sessions.getOrDefault(week, 0) < STREAK_SESSIONS) {
            week = week.minusWeeks(1);
        }
        int streak = 0;
        while (sessions.getOrDefault(week, 0) >= STREAK_SESSIONS) {
            streak++;
            week = week.minusWeeks(1);
        }
        return streak;
    }

    /** Baseline minus latest pain (positive when pain fell). */
    public static Integer changePoints(Integer baseline, Integer latest) {
        return baseline == null || latest == null ? null : baseline - latest;
    }

    /** The change as a percent of the baseline, one decimal; null when the baseline is 0. */
    public static BigDecimal changePercent(Integer baseline, Integer latest) {
        if (baseline == null || latest == null || baseline == 0) {
            return null;
        }
        return BigDecimal.valueOf((baseline - latest) * 100L)
                .divide(BigDecimal.valueOf(baseline), 1, RoundingMode.HALF_UP);
    }

    /** A fall of 2 points or 30% of the baseline. */
    public static boolean meaningful(Integer baseline, Integer latest) {
        Integer points = changePoints(baseline, latest);
        BigDecimal percent = changePercent(baseline, latest);
        return points != null
                && (points >= MCID_POINTS
                        || (percent != null && percent.compareTo(BigDecimal.valueOf(MCID_PERCENT)) >= 0));
    }

    /**
     * Whether a pain (a mean of several sessions, say) fell meaningfully from a baseline above 0: by 2 points or
     * 30% of the baseline (the MCID), as {@link #meaningful} and the outcomes report count it.
     */
    public static boolean meaningfulFall(int baseline, double pain) {
        double fall = baseline - pain;
        return baseline > 0 && (fall >= MCID_POINTS || fall * 100.0 / baseline >= MCID_PERCENT);
    }

    public static Summary summary(
            Integer baseline,
            Integer latest,
            Instant latestAt,
            Instant lastActivity,
            int sessionsFirst14Days,
            List<WeekStats> stats,
            List<Prescription> prescriptions,
            LocalDate today,
            int weeks) {
        return new Summary(
                baseline,
                latest,
                latestAt,
                changePoints(baseline, latest),
                changePercent(baseline, latest),
                meaningful(baseline, latest),
                streak(stats, today),
                sessionsFirst14Days,
                sessionsFirst14Days >= EARLY_MILESTONE_SESSIONS,
                lastActivity,
                series(stats, prescriptions, today, weeks));
    }

    private static BigDecimal mean(int sum, int count) {
        return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(int part, int count) {
        return count == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
