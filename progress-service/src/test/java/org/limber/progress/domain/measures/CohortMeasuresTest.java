package org.limber.progress.domain.measures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CohortMeasuresTest {

    @Test
    void aGroupOfNineIsSuppressedWhole() {
        CohortMeasures.Measures m =
                CohortMeasures.of(Collections.nCopies(9, new CohortMeasures.Member(6, 3.0, 6.0, 4.0)));
        assertThat(m.members()).isEqualTo(9);
        assertThat(m.note()).contains("suppressed");
        assertThat(m.meanPainChangePercent()).isNull();
        assertThat(m.latestPegMean()).isNull();
        assertThat(m.pegMembers()).isNull();
    }

    @Test
    void pegFiguresNeedTenWithABaselinePeg() {
        List<CohortMeasures.Member> group = new ArrayList<>();
        group.addAll(Collections.nCopies(9, new CohortMeasures.Member(6, 3.0, 6.0, 4.0)));
        group.addAll(Collections.nCopies(3, new CohortMeasures.Member(6, 3.0, null, null)));
        CohortMeasures.Measures m = CohortMeasures.of(group);
        assertThat(m.meanPainChangePercent()).isEqualByComparingTo("50.0");
        assertThat(m.pegMembers()).isEqualTo(9);
        assertThat(m.baselinePegMean()).isNull();
        assertThat(m.sharePegFall30()).isNull();
        assertThat(m.note()).contains("a baseline PEG");
    }

    @Test
    void medianMeanAndShareOfAThirtyPercentFall() {
        List<CohortMeasures.Member> group = new ArrayList<>();
        // baselines 6, latest: five at 4.2 (30%: a fall), five at 4.6 (23%)
        group.addAll(Collections.nCopies(5, new CohortMeasures.Member(6, 4.0, 6.0, 4.2)));
        group.addAll(Collections.nCopies(5, new CohortMeasures.Member(4, 4.0, 6.0, 4.6)));
        CohortMeasures.Measures m = CohortMeasures.of(group);
        assertThat(m.baselinePegMedian()).isEqualByComparingTo("6.0");
        assertThat(m.latestPegMean()).isEqualByComparingTo("4.4");
        assertThat(m.latestPegMedian()).isEqualByComparingTo("4.4"); // (4.2 + 4.6) / 2
        assertThat(m.sharePegFall30()).isEqualByComparingTo("0.500");
        // pain: five of 33.3% (6 -> 4), five of 0% (4 -> 4): the baseline-0 rule is not in play
        assertThat(m.shareReachingMcid()).isEqualByComparingTo("0.500");
        assertThat(m.medianPainChangePercent()).isEqualByComparingTo("16.7");
    }
}
