package org.limber.progress.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class OutcomesTest {

    private static Outcomes.Member member(int baseline, Double end, int perWeek, int sessionsEachWeek) {
        int[] weeks = new int[12];
        Arrays.fill(weeks, sessionsEachWeek);
        return new Outcomes.Member(baseline, end, perWeek, weeks);
    }

    @Test
    void aGroupUnderTenIsSuppressedEntirely() {
        Outcomes.Report report = Outcomes.report(Collections.nCopies(9, member(6, 2.0, 3, 3)));
        assertThat(report.suppressed()).isTrue();
        assertThat(report.members()).isNull();
        assertThat(report.meanPainChangePercent()).isNull();
        assertThat(report.adherence()).isNull();
    }

    @Test
    void exactFiguresForAMixedGroup() {
        List<Outcomes.Member> cohort = new ArrayList<>();
        cohort.addAll(Collections.nCopies(8, member(6, 3.0, 3, 3)));   // -50%, MCID, 100% adherence
        cohort.addAll(Collections.nCopies(2, member(5, 4.5, 4, 2)));   // -10%, no MCID, 50% adherence
        cohort.addAll(Collections.nCopies(2, member(5, null, 3, 1)));  // not completers, 33% adherence
        Outcomes.Report report = Outcomes.report(cohort);
        assertThat(report.suppressed()).isFalse();
        assertThat(report.members()).isEqualTo(12);
        assertThat(report.completers()).isEqualTo(10);
        assertThat(report.completionRate()).isEqualByComparingTo("0.833");
        assertThat(report.meanPainChangePercent()).isEqualByComparingTo("42.0"); // (8*50 + 2*10) / 10
        assertThat(report.shareReachingMcid()).isEqualByComparingTo("0.800");
        assertThat(report.adherence().atLeast80()).isEqualByComparingTo("0.667");
        assertThat(report.adherence().from50to79()).isEqualByComparingTo("0.167");
        assertThat(report.adherence().under50()).isEqualByComparingTo("0.167");
    }

    @Test
    void painFiguresNeedTenCompleters() {
        List<Outcomes.Member> cohort = new ArrayList<>(Collections.nCopies(9, member(6, 3.0, 3, 3)));
        cohort.addAll(Collections.nCopies(3, member(6, null, 3, 0)));
        Outcomes.Report report = Outcomes.report(cohort);
        assertThat(report.members()).isEqualTo(12);
        assertThat(report.meanPainChangePercent()).isNull();
        assertThat(report.completionRate()).isEqualByComparingTo("0.750");
    }
}
