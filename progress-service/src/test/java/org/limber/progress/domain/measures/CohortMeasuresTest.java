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

    private static CohortMeasures.Member member(
            int baselinePain, Double endPain, Double baselinePeg, Double latestPeg) {
        return new CohortMeasures.Member(baselinePain, endPain, baselinePeg, latestPeg);
    }

    @Test
    void painFiguresLeaveOutABaselineOfZeroAndAMemberWithoutAnEndPain() {
        List<CohortMeasures.Member> group = new ArrayList<>(Collections.nCopies(10, member(6, 3.0, 6.0, 3.0)));
        group.add(member(0, 0.0, 6.0, 3.0)); // nothing to fall from
        group.add(member(6, null, 6.0, 3.0)); // no pain at all after the baseline
        CohortMeasures.Measures m = CohortMeasures.of(group);
        assertThat(m.members()).isEqualTo(12);
        assertThat(m.painMembers()).isEqualTo(10);
        assertThat(m.meanPainChangePercent()).isEqualByComparingTo("50.0");
        assertThat(m.note()).isNull();
        // Every PEG fell from 6 to 3: all twelve count.
        assertThat(m.sharePegFall30()).isEqualByComparingTo("1.000");
    }

    @Test
    void theNoteNamesWhatIsSuppressed() {
        List<CohortMeasures.Member> pegShort = new ArrayList<>(Collections.nCopies(9, member(6, 3.0, 6.0, 3.0)));
        pegShort.add(member(6, 3.0, null, null));
        assertThat(CohortMeasures.of(pegShort).note())
                .isEqualTo("fewer than 10 members with a baseline PEG: those figures suppressed");
        List<CohortMeasures.Member> painShort = new ArrayList<>(Collections.nCopies(9, member(6, 3.0, 6.0, 3.0)));
        painShort.add(member(0, 0.0, 6.0, 3.0));
        assertThat(CohortMeasures.of(painShort).note())
                .isEqualTo("fewer than 10 members with pain at baseline: those figures suppressed");
        List<CohortMeasures.Member> both = new ArrayList<>(Collections.nCopies(9, member(6, 3.0, 6.0, 3.0)));
        both.add(member(0, 0.0, null, null));
        assertThat(CohortMeasures.of(both).note())
                .isEqualTo("fewer than 10 members with pain at baseline or a baseline PEG: those figures suppressed");
    }

    @Test
    void theMedianOfAnOddGroupIsItsMiddleAndABaselineKeptIsNoFall() {
        List<CohortMeasures.Member> group = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            group.add(member(6, 3.0, (double) i, i == 11 ? 11.0 : i * 0.5));
        }
        CohortMeasures.Measures m = CohortMeasures.of(group);
        assertThat(m.baselinePegMedian()).isEqualByComparingTo("6.0");
        assertThat(m.latestPegMedian()).isEqualByComparingTo("3.0");
        // Ten fell by half; the eleventh has no later PEG (its latest is its baseline): no fall.
        assertThat(m.sharePegFall30()).isEqualByComparingTo("0.909");
    }
}
