package org.limber.console.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

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

    @Test
    void theWholeChartOfOneWeekWorkedOutByHand() {
        // Plot 648 x 216 from (56, 20): pain p at y = 236 - 21.6 p; a single week in the middle, x = 380.
        String svg = PainChart.svg("p", List.of(week(0, "5", "6.5", null)), 4);
        assertThat(svg)
                .isEqualTo(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 720 300\" role=\"img\""
                                + " aria-labelledby=\"p-title p-desc\">"
                                + "<title id=\"p-title\">Pain over the last 1 week</title>"
                                + "<desc id=\"p-desc\">Baseline pain 4. Week of 2026-09-07: before 5, worst during 6.5, after none.</desc>"
                                + grid("236.0", "240.0", 0)
                                + grid("192.8", "196.8", 2)
                                + grid("149.6", "153.6", 4)
                                + grid("106.4", "110.4", 6)
                                + grid("63.2", "67.2", 8)
                                + grid("20.0", "24.0", 10)
                                + "<text class=\"axis-label\" transform=\"rotate(-90)\" x=\"-128.0\" y=\"16\" text-anchor=\"middle\">Pain (0-10)</text>"
                                + "<text class=\"tick\" x=\"380.0\" y=\"254\" text-anchor=\"middle\">7 Sep</text>"
                                + "<text class=\"axis-label\" x=\"380.0\" y=\"274\" text-anchor=\"middle\">Week starting</text>"
                                + "<line class=\"axis\" x1=\"56\" x2=\"56\" y1=\"20\" y2=\"236.0\"/>"
                                + "<line class=\"axis\" x1=\"56\" x2=\"704\" y1=\"236.0\" y2=\"236.0\"/>"
                                + "<line class=\"baseline\" x1=\"56\" x2=\"704\" y1=\"149.6\" y2=\"149.6\" stroke=\"#6b7280\""
                                + " stroke-width=\"2\" stroke-dasharray=\"10 4\"/>"
                                + "<text class=\"tick\" x=\"700\" y=\"143.6\" text-anchor=\"end\">Baseline 4</text>"
                                // One point a line draws no line, only its marker: a circle at pain 5, a square at 6.5.
                                + "<circle cx=\"380.0\" cy=\"128.0\" r=\"4\" fill=\"#1d4ed8\"/>"
                                + "<rect x=\"376.5\" y=\"92.1\" width=\"7\" height=\"7\" fill=\"#b91c1c\"/>"
                                // The legend along the bottom, 210 apart.
                                + "<line x1=\"56.0\" x2=\"80.0\" y1=\"286.0\" y2=\"286.0\" stroke=\"#1d4ed8\" stroke-width=\"2.5\"/>"
                                + "<circle cx=\"68.0\" cy=\"286.0\" r=\"4\" fill=\"#1d4ed8\"/>"
                                + "<text class=\"tick\" x=\"86.0\" y=\"290.0\">Pain before (mean)</text>"
                                + "<line x1=\"266.0\" x2=\"290.0\" y1=\"286.0\" y2=\"286.0\" stroke=\"#b91c1c\" stroke-width=\"2.5\""
                                + " stroke-dasharray=\"6 4\"/>"
                                + "<rect x=\"274.5\" y=\"282.5\" width=\"7\" height=\"7\" fill=\"#b91c1c\"/>"
                                + "<text class=\"tick\" x=\"296.0\" y=\"290.0\">Worst pain during (mean)</text>"
                                + "<line x1=\"476.0\" x2=\"500.0\" y1=\"286.0\" y2=\"286.0\" stroke=\"#047857\" stroke-width=\"2.5\""
                                + " stroke-dasharray=\"2 3\"/>"
                                + "<path d=\"M488.0 281.0 L493.0 286.0 L488.0 291.0 L483.0 286.0 Z\" fill=\"#047857\"/>"
                                + "<text class=\"tick\" x=\"506.0\" y=\"290.0\">Pain after (mean)</text>"
                                + "</svg>");
    }

    private static String grid(String y, String labelY, int pain) {
        return "<line class=\"grid\" x1=\"56\" x2=\"704\" y1=\"" + y + "\" y2=\"" + y + "\"/>"
                + "<text class=\"tick\" x=\"48\" y=\"" + labelY + "\" text-anchor=\"end\">" + pain + "</text>";
    }

    @Test
    void twoWeeksDrawEachLineEndToEndWithItsDashAndMarkers() {
        // x from 56 + 12 = 68 to 68 + 624 = 692.
        String svg = PainChart.svg("p", List.of(week(0, "6", "7", "5"), week(1, "4.5", "5", "3")), null);
        assertThat(svg)
                .contains(
                        "<polyline fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2.5\" points=\"68.0,106.4 692.0,138.8\"/>")
                .contains("<polyline fill=\"none\" stroke=\"#b91c1c\" stroke-width=\"2.5\" stroke-dasharray=\"6 4\""
                        + " points=\"68.0,84.8 692.0,128.0\"/>")
                .contains("<polyline fill=\"none\" stroke=\"#047857\" stroke-width=\"2.5\" stroke-dasharray=\"2 3\""
                        + " points=\"68.0,128.0 692.0,171.2\"/>")
                .contains("<circle cx=\"692.0\" cy=\"138.8\" r=\"4\" fill=\"#1d4ed8\"/>")
                .contains("<rect x=\"64.5\" y=\"81.3\" width=\"7\" height=\"7\" fill=\"#b91c1c\"/>")
                .contains("<path d=\"M68.0 123.0 L73.0 128.0 L68.0 133.0 L63.0 128.0 Z\" fill=\"#047857\"/>")
                .doesNotContain("class=\"baseline\"")
                .contains("Baseline pain unknown.");
    }

    @Test
    void weeksAreSpreadEvenlyFromOneEdgeToTheOther() {
        // Three weeks across 648 - 24: at 68, 68 + 312 and 68 + 624; one week in the middle.
        assertThat(PainChart.x(0, 3, 648)).isEqualTo(68.0);
        assertThat(PainChart.x(1, 3, 648)).isEqualTo(380.0);
        assertThat(PainChart.x(2, 3, 648)).isEqualTo(692.0);
        assertThat(PainChart.x(0, 1, 648)).isEqualTo(380.0);
    }

    @Test
    void upToThirteenWeeksEveryWeekIsLabelledBeyondThatEveryOther() {
        assertThat(count(PainChart.svg("p", weeks(13), 5), "y=\"254\"")).isEqualTo(13);
        String fourteen = PainChart.svg("p", weeks(14), 5);
        assertThat(count(fourteen, "y=\"254\"")).isEqualTo(7);
        assertThat(fourteen)
                .contains(">7 Sep</text>")
                .contains(">21 Sep</text>")
                .doesNotContain(">14 Sep</text>");
    }

    private static List<PainChart.Point> weeks(int n) {
        return IntStream.range(0, n).mapToObj(i -> week(i, "3", "3", "3")).toList();
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
