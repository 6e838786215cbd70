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
}
