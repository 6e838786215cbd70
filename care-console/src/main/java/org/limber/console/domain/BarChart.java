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

    private BarChart() {}

    /** @param target a percent to mark with a line (80 for adherence), or null */
    public static String svg(String id, String title, List<Bar> bars, Double target) {
        int height = 16 + bars.size() * ROW + 24;
        double plotW = WIDTH - LABEL_W - 70;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\">");
        s.append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(esc(title))
                .append("</title>");
        s.append("<desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(esc(description(bars)))
                .append("</desc>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = 8 + i * ROW;
            s.append("<text class=\"tick\" x=\"")
                    .append(LABEL_W - 8)
                    .append("\" y=\"")
                    .append(num(y + 16))
                    .append("\" text-anchor=\"end\">")
                    .append(esc(bar.label()))
                    .append("</text>");
            if (bar.percent() == null) {
                s.append("<text class=\"tick muted\" x=\"")
                        .append(LABEL_W + 4)
                        .append("\" y=\"")
                        .append(num(y + 16))
                        .append("\">")
                        .append(esc(bar.missing()))
                        .append("</text>");
                continue;
            }
            double p = Math.max(0, Math.min(100, bar.percent()));
            double w = p / 100.0 * plotW;
            s.append("<rect class=\"bar\" x=\"")
                    .append(LABEL_W)
                    .append("\" y=\"")
                    .append(num(y + 3))
                    .append("\" width=\"")
                    .append(num(w))
                    .append("\" height=\"18\" fill=\"#1d4ed8\"/>");
            s.append("<text class=\"tick\" x=\"")
                    .append(num(LABEL_W + w + 6))
                    .append("\" y=\"")
                    .append(num(y + 16))
                    .append("\">")
                    .append(label(bar.percent()))
                    .append("</text>");
        }
        double axisY = 8 + bars.size() * ROW + 4;
        s.append("<line class=\"axis\" x1=\"")
                .append(LABEL_W)
                .append("\" x2=\"")
                .append(num(LABEL_W + plotW))
                .append("\" y1=\"")
                .append(num(axisY))
                .append("\" y2=\"")
                .append(num(axisY))
                .append("\"/>");
        for (int p = 0; p <= 100; p += 50) {
            s.append("<text class=\"tick\" x=\"")
                    .append(num(LABEL_W + p / 100.0 * plotW))
                    .append("\" y=\"")
                    .append(num(axisY + 16))
                    .append("\" text-anchor=\"middle\">")
                    .append(p)
                    .append("%</text>");
        }
        if (target != null) {
            double x = LABEL_W + target / 100.0 * plotW;
            s.append("<line class=\"target\" x1=\"")
                    .append(num(x))
                    .append("\" x2=\"")
                    .append(num(x))
                    .append("\" y1=\"4\" y2=\"")
                    .append(num(axisY))
                    .append("\" stroke=\"#6b7280\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>");
        }
        s.append("</svg>");
        return s.toString();
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
