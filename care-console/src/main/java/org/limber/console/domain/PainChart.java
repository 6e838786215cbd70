package org.limber.console.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static org.limber.console.domain.Svg.esc;
import static org.limber.console.domain.Svg.figure;
import static org.limber.console.domain.Svg.num;

/**
 * A member's pain over the weeks as an accessible SVG line chart, drawn on the server: the baseline
 * as a line, and per week the mean pain before sessions, the mean worst pain during and the mean pain
 * after. The SVG has a title and a description naming the figures; the page shows the same figures as
 * a table for screen readers. A week without sessions has no point, and its lines break there.
 */
public final class PainChart {

    /** One week's figures (null when the week had no session). */
    public record Point(LocalDate weekStart, BigDecimal before, BigDecimal worstDuring, BigDecimal after) {}

    /** A line of the chart: its name, colour and dash pattern (so it reads without colour too). */
    record Series(String name, String colour, String dash, String marker, Function<Point, BigDecimal> value) {}

    static final List<Series> SERIES = List.of(
            new Series("Pain before (mean)", "#1d4ed8", "", "circle", Point::before),
            new Series("Worst pain during (mean)", "#b91c1c", "6 4", "square", Point::worstDuring),
            new Series("Pain after (mean)", "#047857", "2 3", "diamond", Point::after));

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 20;
    static final int BOTTOM = 64;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private PainChart() {}

    static final double PLOT_W = WIDTH - LEFT - RIGHT;
    static final double PLOT_H = HEIGHT - TOP - BOTTOM;

    public static String svg(String id, List<Point> weeks, Integer baseline) {
        StringBuilder s = new StringBuilder();
        s.append(("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\""
                        + " aria-labelledby=\"%s-title %s-desc\">")
                .formatted(WIDTH, HEIGHT, id, id));
        s.append("<title id=\"%s-title\">Pain over the last %d week%s</title>"
                .formatted(id, weeks.size(), weeks.size() == 1 ? "" : "s"));
        s.append("<desc id=\"%s-desc\">%s</desc>".formatted(id, esc(description(weeks, baseline))));
        yAxis(s);
        xAxis(s, weeks);
        if (baseline != null) {
            double y = y(baseline, PLOT_H);
            s.append(("<line class=\"baseline\" x1=\"%d\" x2=\"%d\" y1=\"%s\" y2=\"%s\" stroke=\"#6b7280\""
                            + " stroke-width=\"2\" stroke-dasharray=\"10 4\"/>")
                    .formatted(LEFT, WIDTH - RIGHT, num(y), num(y)));
            s.append("<text class=\"tick\" x=\"%d\" y=\"%s\" text-anchor=\"end\">Baseline %d</text>"
                    .formatted(WIDTH - RIGHT - 4, num(y - 6), baseline));
        }
        for (Series series : SERIES) {
            for (List<double[]> segment : segments(weeks, series.value(), PLOT_W, PLOT_H)) {
                line(s, series, segment);
            }
        }
        legend(s);
        s.append("</svg>");
        return s.toString();
    }

    /** Y axis: pain 0 to 10, a grid line every 2 points, and its label. */
    private static void yAxis(StringBuilder s) {
        for (int p = 0; p <= 10; p += 2) {
            double y = y(p, PLOT_H);
            s.append("<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%s\" y2=\"%s\"/>"
                    .formatted(LEFT, WIDTH - RIGHT, num(y), num(y)));
            s.append("<text class=\"tick\" x=\"%d\" y=\"%s\" text-anchor=\"end\">%d</text>"
                    .formatted(LEFT - 8, num(y + 4), p));
        }
        s.append(
                "<text class=\"axis-label\" transform=\"rotate(-90)\" x=\"%s\" y=\"16\" text-anchor=\"middle\">Pain (0-10)</text>"
                        .formatted(num(-(TOP + PLOT_H / 2))));
    }

    /** X axis: one tick per week, labelled every week up to 13 weeks, else every other; then both axis lines. */
    private static void xAxis(StringBuilder s, List<Point> weeks) {
        int n = weeks.size();
        int every = n > 13 ? 2 : 1;
        for (int i = 0; i < n; i += every) {
            s.append("<text class=\"tick\" x=\"%s\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                    .formatted(
                            num(x(i, n, PLOT_W)),
                            HEIGHT - BOTTOM + 18,
                            esc(LABEL.format(weeks.get(i).weekStart()))));
        }
        s.append("<text class=\"axis-label\" x=\"%s\" y=\"%d\" text-anchor=\"middle\">Week starting</text>"
                .formatted(num(LEFT + PLOT_W / 2), HEIGHT - BOTTOM + 38));
        s.append("<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%s\"/>"
                .formatted(LEFT, LEFT, TOP, num(TOP + PLOT_H)));
        s.append("<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%s\" y2=\"%s\"/>"
                .formatted(LEFT, WIDTH - RIGHT, num(TOP + PLOT_H), num(TOP + PLOT_H)));
    }

    /** One unbroken stretch of a series: a polyline when it has two points or more, and a marker on each. */
    private static void line(StringBuilder s, Series series, List<double[]> segment) {
        if (segment.size() > 1) {
            s.append("<polyline fill=\"none\" stroke=\"")
                    .append(series.colour())
                    .append("\" stroke-width=\"2.5\"");
            if (!series.dash().isEmpty()) {
                s.append(" stroke-dasharray=\"").append(series.dash()).append('"');
            }
            s.append(" points=\"");
            for (double[] pt : segment) {
                s.append(num(pt[0])).append(',').append(num(pt[1])).append(' ');
            }
            s.setLength(s.length() - 1);
            s.append("\"/>");
        }
        for (double[] pt : segment) {
            marker(s, series, pt[0], pt[1]);
        }
    }

    /** The figures in words, for the SVG's description. */
    static String description(List<Point> weeks, Integer baseline) {
        StringBuilder d = new StringBuilder();
        d.append("Baseline pain ")
                .append(baseline == null ? "unknown" : baseline)
                .append(". ");
        for (Point p : weeks) {
            d.append("Week of ").append(p.weekStart()).append(": ");
            if (p.before() == null && p.worstDuring() == null && p.after() == null) {
                d.append("no sessions. ");
            } else {
                d.append("before ")
                        .append(figure(p.before()))
                        .append(", worst during ")
                        .append(figure(p.worstDuring()))
                        .append(", after ")
                        .append(figure(p.after()))
                        .append(". ");
            }
        }
        return d.toString().trim();
    }

    private static List<List<double[]>> segments(
            List<Point> weeks, Function<Point, BigDecimal> value, double plotW, double plotH) {
        List<List<double[]>> out = new ArrayList<>();
        List<double[]> current = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            BigDecimal v = value.apply(weeks.get(i));
            if (v == null) {
                if (!current.isEmpty()) {
                    out.add(current);
                    current = new ArrayList<>();
                }
                continue;
            }
            current.add(new double[] {x(i, weeks.size(), plotW), y(v.doubleValue(), plotH)});
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static void marker(StringBuilder s, Series series, double x, double y) {
        switch (series.marker()) {
            case "square" ->
                s.append("<rect x=\"")
                        .append(num(x - 3.5))
                        .append("\" y=\"")
                        .append(num(y - 3.5))
                        .append("\" width=\"7\" height=\"7\" fill=\"")
                        .append(series.colour())
                        .append("\"/>");
            case "diamond" ->
                s.append("<path d=\"M")
                        .append(num(x))
                        .append(' ')
                        .append(num(y - 5))
                        .append(" L")
                        .append(num(x + 5))
                        .append(' ')
                        .append(num(y))
                        .append(" L")
                        .append(num(x))
                        .append(' ')
                        .append(num(y + 5))
                        .append(" L")
                        .append(num(x - 5))
                        .append(' ')
                        .append(num(y))
                        .append(" Z\" fill=\"")
                        .append(series.colour())
                        .append("\"/>");
            default ->
                s.append("<circle cx=\"")
                        .append(num(x))
                        .append("\" cy=\"")
                        .append(num(y))
                        .append("\" r=\"4\" fill=\"")
                        .append(series.colour())
                        .append("\"/>");
        }
    }

    private static void legend(StringBuilder s) {
        double x = LEFT;
        double y = HEIGHT - 10;
        for (Series series : SERIES) {
            s.append("<line x1=\"")
                    .append(num(x))
                    .append("\" x2=\"")
                    .append(num(x + 24))
                    .append("\" y1=\"")
                    .append(num(y - 4))
                    .append("\" y2=\"")
                    .append(num(y - 4))
                    .append("\" stroke=\"")
                    .append(series.colour())
                    .append("\" stroke-width=\"2.5\"");
            if (!series.dash().isEmpty()) {
                s.append(" stroke-dasharray=\"").append(series.dash()).append('"');
            }
            s.append("/>");
            marker(s, series, x + 12, y - 4);
            s.append("<text class=\"tick\" x=\"")
                    .append(num(x + 30))
                    .append("\" y=\"")
                    .append(num(y))
                    .append("\">")
                    .append(esc(series.name()))
                    .append("</text>");
            x += 210;
        }
    }

    static double x(int i, int n, double plotW) {
        return n <= 1 ? LEFT + plotW / 2 : LEFT + 12 + i * (plotW - 24) / (n - 1);
    }

    static double y(double pain, double plotH) {
        return TOP + plotH - pain / 10.0 * plotH;
    }
}
