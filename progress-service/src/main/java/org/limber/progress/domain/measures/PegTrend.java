package org.limber.progress.domain.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A member's PEG scores over time (PEG: the mean of three 0-10 items, pain, enjoyment of life and general activity;
 * LOINC 91147-9) and whether they fell meaningfully from the baseline.
 * <p>
 * Meaningful: a fall of at least 30% from the baseline. The PEG's validation (Krebs et al., 2009) and the
 * IMMPACT recommendations for chronic pain trials take a 30% reduction as the smallest change patients rate as
 * "much improved"; the CDC guideline tracks the PEG for that change. Conservative: a baseline of 0 has nothing to
 * fall and never counts; a member with one response only has no change.
 */
public final class PegTrend {

    /** A fall of this share of the baseline, or more, is meaningful. */
    public static final double MEANINGFUL_FALL = 0.30;

    public static final String BASELINE = "BASELINE";

    /** One PEG response: when it was answered, why it was asked (BASELINE, WEEK_6, ...), its score. */
    public record Point(Instant authoredAt, String timepoint, double score) {}

    /**
     * @param baseline         the first BASELINE response's score (the earliest response when none is marked baseline)
     * @param latest           the newest response's score
     * @param changePercent    (baseline - latest) / baseline * 100, one decimal; null for a baseline of 0
     * @param meaningfulFall   latest at least 30% below a baseline above 0
     */
    public record Summary(
            Double baseline,
            Double latest,
            BigDecimal changePercent,
            boolean meaningfulFall,
            int responses,
            List<Point> points) {}

    private PegTrend() {}

    public static Summary of(List<Point> responses) {
        if (responses.isEmpty()) {
            return new Summary(null, null, null, false, 0, List.of());
        }
        List<Point> points = responses.stream()
                .sorted(Comparator.comparing(Point::authoredAt))
                .toList();
        Point baseline = points.stream()
                .filter(p -> BASELINE.equals(p.timepoint()))
                .findFirst()
                .orElse(points.get(0));
        Point latest = points.get(points.size() - 1);
        BigDecimal change = baseline.score() > 0
                ? BigDecimal.valueOf((baseline.score() - latest.score()) * 100 / baseline.score())
                        .setScale(1, RoundingMode.HALF_UP)
                : null;
        return new Summary(
                baseline.score(),
                latest.score(),
                change,
                meaningfulFall(baseline.score(), latest.score()),
                points.size(),
                points);
    }

    /** Whether {@code latest} is at least 30% below {@code baseline}; never for a baseline of 0 (nothing to fall). */
    public static boolean meaningfulFall(double baseline, double latest) {
        // Scores are means of three integers (thirds): a small tolerance keeps a fall of exactly 30% from missing.
        return baseline > 0 && baseline - latest >= baseline * MEANINGFUL_FALL - 1e-9;
    }
}
