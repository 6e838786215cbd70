package org.limber.console.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PainChartTest {

    static final LocalDate W1 = LocalDate.of(2026, 9, 7);

    static PainChart.Point week(int i, String before, String during, String after) {
        return new PainChart.Point(
                W1.plusWeeks(i),
                before == null ? null : new BigDecimal(before),
                during == null ? null : new BigDecimal(during),
                after == null ? null : new BigDecimal(after));
    }

    @Test
    void drawsEachFigureAtItsHeightWithTitleAxesAndDescription() {
        List<PainChart.Point> weeks = List.of(week(0, "6", "7", "5"), week(1, "4.5", "5", "3"), week(2, "2", "3", "1"));
        String svg = PainChart.svg("pain", weeks, 6);

        assertThat(svg)
                .startsWith("<svg")
                .endsWith("</svg>")
                .contains("role=\"img\"")
                .contains("aria-labelledby=\"pain-title pain-desc\"")
                .contains("<title id=\"pain-title\">Pain over the last 3 weeks</title>")
                .contains(">Pain (0-10)</text>")
                .contains(">Week starting</text>")
                .contains(">7 Sep</text>")
                .contains(">14 Sep</text>")
                .contains(">21 Sep</text>")
                .contains(">Baseline 6</text>");
        assertThat(svg).contains("Week of 2026-09-14: before 4.5, worst during 5, after 3.");
        // Plot height 300 - 20 - 64 = 216 from y = 20: pain p is at 236 - p * 21.6.
        double plotW = PainChart.WIDTH - PainChart.LEFT - PainChart.RIGHT;
        List<String> before = polyline(svg, "#1d4ed8");
        assertThat(before)
                .containsExactly(
                        Svg.num(PainChart.x(0, 3, plotW)) + "," + Svg.num(236 - 6 * 21.6),
                        Svg.num(PainChart.x(1, 3, plotW)) + "," + Svg.num(236 - 4.5 * 21.6),
                        Svg.num(PainChart.x(2, 3, plotW)) + "," + Svg.num(236 - 2 * 21.6));
        assertThat(svg)
                .contains("y1=\"" + Svg.num(236 - 6 * 21.6) + "\" y2=\"" + Svg.num(236 - 6 * 21.6)
                        + "\" stroke=\"#6b7280\"");
    }

    @Test
    void aWeekWithoutSessionsBreaksTheLineAndIsNamedInTheDescription() {
        List<PainChart.Point> weeks = List.of(
                week(0, "5", "5", "5"), week(1, "4", "4", "4"), week(2, null, null, null), week(3, "3", "3", "3"));
        String svg = PainChart.svg("p", weeks, 5);
        // Two segments of the "before" line: weeks 1-2 as a polyline, week 4 as a lone marker.
        assertThat(count(svg, "<polyline fill=\"none\" stroke=\"#1d4ed8\"")).isEqualTo(1);
        assertThat(polyline(svg, "#1d4ed8")).hasSize(2);
        assertThat(svg).contains("Week of 2026-09-21: no sessions.");
    }

    @Test
    void escapesTextAndCopesWithNoBaselineOrWeeks() {
        String svg = PainChart.svg("x", List.of(), null);
        assertThat(svg)
                .contains("Pain over the last 0 weeks")
                .contains("Baseline pain unknown.")
                .doesNotContain("Baseline 0");
        assertThat(Svg.esc("<a & \"b\">")).isEqualTo("&lt;a &amp; &quot;b&quot;&gt;");
    }

    static List<String> polyline(String svg, String colour) {
        Matcher m = Pattern.compile(
                        "<polyline fill=\"none\" stroke=\"" + Pattern.quote(colour) + "\"[^>]*points=\"([^\"]*)\"")
                .matcher(svg);
        assertThat(m.find()).isTrue();
        return List.of(m.group(1).split(" "));
    }

    static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }
}
