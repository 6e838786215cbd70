package org.limber.progress.domain.measures;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PegTrendTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private static PegTrend.Point at(int week, String timepoint, double score) {
        return new PegTrend.Point(T0.plusSeconds(week * 7L * 86400), timepoint, score);
    }

    @Test
    void aFallOfExactlyThirtyPercentIsMeaningful() {
        // 6.0 -> 4.2 is 30.0%: meaningful; 6.0 -> 4.3 is 28.3%: not
        assertThat(PegTrend.meaningfulFall(6.0, 4.2)).isTrue();
        assertThat(PegTrend.meaningfulFall(6.0, 4.3)).isFalse();
        // PEG scores are thirds: 7.0 -> 4.9 is 30%; 20/3 -> 14/3 is 30%
        assertThat(PegTrend.meaningfulFall(7.0, 4.9)).isTrue();
        assertThat(PegTrend.meaningfulFall(20.0 / 3, 14.0 / 3)).isTrue();
        assertThat(PegTrend.meaningfulFall(20.0 / 3, 5.0)).isFalse();
    }

    @Test
    void aBaselineOfZeroNeverFallsMeaningfully() {
        assertThat(PegTrend.meaningfulFall(0, 0)).isFalse();
        assertThat(PegTrend.of(List.of(at(0, "BASELINE", 0), at(6, "WEEK_6", 0)))
                        .changePercent())
                .isNull();
    }

    @Test
    void trendFromTheBaselineToTheNewestWhateverTheOrder() {
        PegTrend.Summary s = PegTrend.of(List.of(at(12, "WEEK_12", 3.0), at(0, "BASELINE", 6.0), at(6, "WEEK_6", 5.0)));
        assertThat(s.baseline()).isEqualTo(6.0);
        assertThat(s.latest()).isEqualTo(3.0);
        assertThat(s.changePercent()).isEqualByComparingTo("50.0");
        assertThat(s.meaningfulFall()).isTrue();
        assertThat(s.points()).extracting(PegTrend.Point::timepoint).containsExactly("BASELINE", "WEEK_6", "WEEK_12");
    }

    @Test
    void oneResponseIsNoChangeAndNoneIsEmpty() {
        PegTrend.Summary one = PegTrend.of(List.of(at(0, "BASELINE", 5.0)));
        assertThat(one.meaningfulFall()).isFalse();
        assertThat(one.changePercent()).isEqualByComparingTo("0.0");
        assertThat(PegTrend.of(List.of()).baseline()).isNull();
    }

    @Test
    void aRiseIsNegative() {
        PegTrend.Summary s = PegTrend.of(List.of(at(0, "BASELINE", 4.0), at(6, "WEEK_6", 5.0)));
        assertThat(s.changePercent()).isEqualByComparingTo("-25.0");
        assertThat(s.meaningfulFall()).isFalse();
    }

    @Test
    void theBaselineIsTheBaselineResponseEvenWhenAnotherCameFirst() {
        PegTrend.Summary s = PegTrend.of(List.of(at(0, "WEEK_6", 4.0), at(1, "BASELINE", 8.0), at(6, "END", 4.0)));
        assertThat(s.baseline()).isEqualTo(8.0);
        assertThat(s.meaningfulFall()).isTrue();
        // Without a baseline response the earliest stands for it.
        assertThat(PegTrend.of(List.of(at(6, "END", 3.0), at(0, "WEEK_6", 5.0))).baseline())
                .isEqualTo(5.0);
    }
}
