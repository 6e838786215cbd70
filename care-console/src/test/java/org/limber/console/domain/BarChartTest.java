package org.limber.console.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTest {

    @Test
    void barsAreAsLongAsTheirPercentAndMissingOnesAreSaid() {
        String svg = BarChart.svg(
                "a",
                "Weekly adherence",
                List.of(
                        new BarChart.Bar("Week 1", 100.0, "none"),
                        new BarChart.Bar("Week 2", 50.0, "none"),
                        new BarChart.Bar("Group", null, "suppressed (group too small)")),
                80.0);
        double plotW = BarChart.WIDTH - BarChart.LABEL_W - 70;
        assertThat(svg)
                .contains("<title id=\"a-title\">Weekly adherence</title>")
                .contains("width=\"" + Svg.num(plotW) + "\"")
                .contains("width=\"" + Svg.num(plotW / 2) + "\"")
                .contains(">100%</text>")
                .contains(">50%</text>")
                .contains(">suppressed (group too small)</text>")
                .contains("Week 1: 100%. Week 2: 50%. Group: suppressed (group too small).")
                .contains("x1=\"" + Svg.num(BarChart.LABEL_W + 0.8 * plotW) + "\"");
        assertThat(PainChartTest.count(svg, "class=\"bar\"")).isEqualTo(2);
    }

    @Test
    void percentsOutsideTheRangeAreClampedAndFractionsKeepOneDecimal() {
        String svg = BarChart.svg(
                "b", "t", List.of(new BarChart.Bar("x", 140.0, ""), new BarChart.Bar("y", 78.64, "")), null);
        double plotW = BarChart.WIDTH - BarChart.LABEL_W - 70;
        assertThat(svg)
                .contains("width=\"" + Svg.num(plotW) + "\"")
                .contains(">78.6%</text>")
                .doesNotContain("class=\"target\"");
    }

    @Test
    void theWholeChartOfThreeBarsWorkedOutByHand() {
        // Plot width 720 - 200 - 70 = 450; rows 26 high from y = 8; height 16 + 3 x 26 + 24 = 118;
        // the axis at 8 + 3 x 26 + 4 = 90. 75% is 337.5 wide; -5% is clamped to nothing but still said.
        String svg = BarChart.svg(
                "a",
                "Adherence <by week>",
                List.of(
                        new BarChart.Bar("Week 1", 75.0, "none"),
                        new BarChart.Bar("Week 2", null, "none"),
                        new BarChart.Bar("Week 3", -5.0, "none")),
                80.0);
        assertThat(svg)
                .isEqualTo(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 720 118\" role=\"img\""
                                + " aria-labelledby=\"a-title a-desc\">"
                                + "<title id=\"a-title\">Adherence &lt;by week&gt;</title>"
                                + "<desc id=\"a-desc\">Week 1: 75%. Week 2: none. Week 3: -5%.</desc>"
                                + "<text class=\"tick\" x=\"192\" y=\"24.0\" text-anchor=\"end\">Week 1</text>"
                                + "<rect class=\"bar\" x=\"200\" y=\"11.0\" width=\"337.5\" height=\"18\" fill=\"#1d4ed8\"/>"
                                + "<text class=\"tick\" x=\"543.5\" y=\"24.0\">75%</text>"
                                + "<text class=\"tick\" x=\"192\" y=\"50.0\" text-anchor=\"end\">Week 2</text>"
                                + "<text class=\"tick muted\" x=\"204\" y=\"50.0\">none</text>"
                                + "<text class=\"tick\" x=\"192\" y=\"76.0\" text-anchor=\"end\">Week 3</text>"
                                + "<rect class=\"bar\" x=\"200\" y=\"63.0\" width=\"0.0\" height=\"18\" fill=\"#1d4ed8\"/>"
                                + "<text class=\"tick\" x=\"206.0\" y=\"76.0\">-5%</text>"
                                + "<line class=\"axis\" x1=\"200\" x2=\"650.0\" y1=\"90.0\" y2=\"90.0\"/>"
                                + "<text class=\"tick\" x=\"200.0\" y=\"106.0\" text-anchor=\"middle\">0%</text>"
                                + "<text class=\"tick\" x=\"425.0\" y=\"106.0\" text-anchor=\"middle\">50%</text>"
                                + "<text class=\"tick\" x=\"650.0\" y=\"106.0\" text-anchor=\"middle\">100%</text>"
                                + "<line class=\"target\" x1=\"560.0\" x2=\"560.0\" y1=\"4\" y2=\"90.0\" stroke=\"#6b7280\""
                                + " stroke-width=\"2\" stroke-dasharray=\"4 3\"/>"
                                + "</svg>");
    }

    @Test
    void aWholePercentHasNoDecimalsAndAFractionOne() {
        assertThat(BarChart.label(80.0)).isEqualTo("80%");
        assertThat(BarChart.label(0.0)).isEqualTo("0%");
        assertThat(BarChart.label(33.36)).isEqualTo("33.4%");
        assertThat(BarChart.label(99.96)).isEqualTo("100.0%");
    }
}
