package org.limber.console.domain;

import java.util.List;
import java.util.Locale;

import static org.limber.console.domain.Svg.esc;
import static org.limber.console.domain.Svg.num;

/**
 * Horizontal percentage bars as an accessible SVG (title, description, each bar labelled with its
 * figure): weekly adherence on the member page, the outcomes report on the admin page. A bar with no
 * figure is drawn as "none" (a week before any plan) or "suppressed" (a group too small to show).
 */
public final class BarChart {

    /** A bar: its label, the percent (0-100, null when there is none) and what to say instead. */
    public record Bar(String label, Double percent, String missing) {}

    static final int WIDTH = 720;
    static final int LABEL_W = 200;
    static final int ROW = 26;
    static final double PLOT_W = WIDTH - LABEL_W - 70;

    private BarChart() {}

    /** @param target a percent to mark with a line (80 for adherence), or null */
    public static String svg(String id, String title, List<Bar> bars, Double target) {
        int height = 16 + bars.size() * ROW + 24;
        StringBuilder s = new StringBuilder();
        s.append(("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\""
                        + " aria-labelledby=\"%s-title %s-desc\">")
                .formatted(WIDTH, height, id, id));
        s.append("<title id=\"%s-title\">%s</title>".formatted(id, esc(title)));
        s.append("<desc id=\"%s-desc\">%s</desc>".formatted(id, esc(description(bars))));
        for (int i = 0; i < bars.size(); i++) {
            bar(s, bars.get(i), 8 + i * ROW);
        }
        double axisY = 8 + bars.size() * ROW + 4;
        s.append("<line class=\"axis\" x1=\"%d\" x2=\"%s\" y1=\"%s\" y2=\"%s\"/>"
                .formatted(LABEL_W, num(LABEL_W + PLOT_W), num(axisY), num(axisY)));
        for (int p = 0; p <= 100; p += 50) {
            s.append("<text class=\"tick\" x=\"%s\" y=\"%s\" text-anchor=\"middle\">%d%%</text>"
                    .formatted(num(LABEL_W + p / 100.0 * PLOT_W), num(axisY + 16), p));
        }
        if (target != null) {
            double x = LABEL_W + target / 100.0 * PLOT_W;
            s.append(("<line class=\"target\" x1=\"%s\" x2=\"%s\" y1=\"4\" y2=\"%s\" stroke=\"#6b7280\""
                            + " stroke-width=\"2\" stroke-dasharray=\"4 3\"/>")
                    .formatted(num(x), num(x), num(axisY)));
        }
        s.append("</svg>");
        return s.toString();
    }

    /** One bar at {@code y}: its label, and the bar with its figure, or what is missing in words. */
    private static void bar(StringBuilder s, Bar bar, double y) {
        s.append("<text class=\"tick\" x=\"%d\" y=\"%s\" text-anchor=\"end\">%s</text>"
                .formatted(LABEL_W - 8, num(y + 16), esc(bar.label())));
        if (bar.percent() == null) {
            s.append("<text class=\"tick muted\" x=\"%d\" y=\"%s\">%s</text>"
                    .formatted(LABEL_W + 4, num(y + 16), esc(bar.missing())));
            return;
        }
        double w = Math.max(0, Math.min(100, bar.percent())) / 100.0 * PLOT_W;
        s.append("<rect class=\"bar\" x=\"%d\" y=\"%s\" width=\"%s\" height=\"18\" fill=\"#1d4ed8\"/>"
                .formatted(LABEL_W, num(y + 3), num(w)));
        s.append("<text class=\"tick\" x=\"%s\" y=\"%s\">%s</text>"
                .formatted(num(LABEL_W + w + 6), num(y + 16), label(bar.percent())));
    }

    static String label(double percent) {
        return percent == Math.rint(percent) ? (long) percent + "%" : String.format(Locale.ROOT, "%.1f%%", percent);
    }

    static String description(List<Bar> bars) {
        StringBuilder d = new StringBuilder();
        for (Bar b : bars) {
            d.append(b.label())
                    .append(": ")
                    .append(b.percent() == null ? b.missing() : label(b.percent()))
                    .append(". ");
        }
        return d.toString().trim();
    }
}
