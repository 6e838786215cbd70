package org.limber.console.domain;

import java.math.BigDecimal;

/**
 * The change in pain since the baseline, in words a clinician cannot misread. progress-service gives it as
 * baseline minus latest ({@code changePoints}, positive when pain fell) and as a share of the baseline; a bare
 * "-3 points (-60.0%)" reads like an improvement of 60% when the pain went up. Here the direction is a word next
 * to unsigned figures: "3 points worse (pain up 60.0%)".
 */
public final class PainChange {

    private PainChange() {}

    /** The change in words, or "-" when there is none to show (no baseline or no pain reported yet). */
    public static String describe(Integer changePoints, BigDecimal changePercent) {
        if (changePoints == null) {
            return "-";
        }
        if (changePoints == 0) {
            return "no change (0 points)";
        }
        boolean better = changePoints > 0;
        int points = Math.abs(changePoints);
        String figures = points + (points == 1 ? " point " : " points ") + (better ? "better" : "worse");
        if (changePercent == null) {
            return figures;
        }
        return figures + " (pain " + (better ? "down " : "up ")
                + changePercent.abs().toPlainString() + "%)";
    }
}
