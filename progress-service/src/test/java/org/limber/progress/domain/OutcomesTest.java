package org.limber.progress.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomesTest {

    /** A Monday: the first week is a full one. */
    private static final LocalDate START = LocalDate.of(2026, 1, 5);

    private static Outcomes.Member member(int baseline, Double end, int perWeek, int sessionsEachWeek) {
        int[] weeks = new int[12];
        Arrays.fill(weeks, sessionsEachWeek);
        return new Outcomes.Member(baseline, end, START, List.of(new Prescription(1, START, perWeek)), weeks, Set.of());
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
        cohort.addAll(Collections.nCopies(8, member(6, 3.0, 3, 3))); // -50%, MCID, 100% adherence
        cohort.addAll(Collections.nCopies(2, member(5, 4.5, 4, 2))); // -10%, no MCID, 50% adherence
        cohort.addAll(Collections.nCopies(2, member(5, null, 3, 1))); // not completers, 33% adherence
        Outcomes.Report report = Outcomes.report(cohort);
        assertThat(report.suppressed()).isFalse();
        assertThat(report.members()).isEqualTo(12);
        assertThat(report.completers()).isEqualTo(10);
        assertThat(report.completionRate()).isEqualByComparingTo("0.833");
        assertThat(report.meanPainChangePercent()).isEqualByComparingTo("42.0"); // (8*50 + 2*10) / 10
        assertThat(report.medianPainChangePercent()).isEqualByComparingTo("50.0");
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

    @Test
    void theMedianIsNotSkewedByAFewLowBaselines() {
        List<Outcomes.Member> cohort = new ArrayList<>();
        cohort.addAll(Collections.nCopies(7, member(6, 3.0, 3, 3))); // -50%
        cohort.addAll(Collections.nCopies(4, member(1, 3.0, 3, 3))); // +200% each: the mean goes negative
        Outcomes.Report report = Outcomes.report(cohort);
        assertThat(report.meanPainChangePercent()).isEqualByComparingTo("-40.9");
        assertThat(report.medianPainChangePercent()).isEqualByComparingTo("50.0");
    }

    @Test
    void membersWithBaselineZeroAreLeftOutOfEveryPainFigureAlike() {
        List<Outcomes.Member> cohort = new ArrayList<>();
        cohort.addAll(Collections.nCopies(10, member(6, 3.0, 3, 3))); // -50%, MCID
        cohort.addAll(Collections.nCopies(5, member(0, 0.0, 3, 3))); // nothing to reduce
        Outcomes.Report report = Outcomes.report(cohort);
        assertThat(report.completers()).isEqualTo(15);
        assertThat(report.painCompleters()).isEqualTo(10);
        assertThat(report.meanPainChangePercent()).isEqualByComparingTo("50.0");
        assertThat(report.shareReachingMcid())
                .as("the same members as the mean")
                .isEqualByComparingTo("1.000");
    }

    @Test
    void adherenceUsesThePlanInForceEachWeekProratesTheFirstWeekAndLeavesOutSuspendedWeeks() {
        LocalDate thursday = START.plusDays(3);
        int[] weeks = {2, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5};
        // Week 1 from Thursday: 4 of 7 days of 3 a week = 2 sessions; from week 7 the plan asks 5 a week.
        List<Prescription> plans =
                List.of(new Prescription(1, thursday, 3), new Prescription(2, START.plusWeeks(6), 5));
        assertThat(Outcomes.meanAdherence(new Outcomes.Member(5, 3.0, thursday, plans, weeks, Set.of())))
                .isEqualTo(100.0);
        // The same weeks measured against the first plan's 3 a week would be full too, but against 5 they are not.
        int[] lowLater = {2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3};
        assertThat(Outcomes.meanAdherence(new Outcomes.Member(5, 3.0, thursday, plans, lowLater, Set.of())))
                .isCloseTo((6 + 6 * 0.6) * 100 / 12, Assertions.within(1e-9));
        // A suspended week (nothing done, nothing expected) is left out.
        int[] withGap = {2, 3, 0, 3, 3, 3, 5, 5, 5, 5, 5, 5};
        assertThat(Outcomes.meanAdherence(new Outcomes.Member(5, 3.0, thursday, plans, withGap, Set.of(2))))
                .isEqualTo(100.0);
    }

    @Test
    void theThresholdsThemselvesCount() {
        // Ten members, just enough to show. Adherence of exactly 80% (8 full weeks of 10, two weeks
        // suspended) is adherent, exactly 50% is in the middle band. A fall of exactly 2 points (8 to 6,
        // 25%) or exactly 30% (5 to 3.5, 1.5 points) reaches the MCID; 8 to 6.5 (1.5 points, 19%) does not.
        int[] eightOfTen = {4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0};
        int[] half = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
        int[] quarter = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        List<Prescription> fourAWeek = List.of(new Prescription(1, START, 4));
        List<Outcomes.Member> cohort = new ArrayList<>();
        cohort.add(new Outcomes.Member(8, 6.0, START, fourAWeek, eightOfTen, Set.of(10, 11)));
        cohort.add(new Outcomes.Member(5, 3.5, START, fourAWeek, eightOfTen, Set.of(10, 11)));
        cohort.add(new Outcomes.Member(8, 6.5, START, fourAWeek, eightOfTen, Set.of(10, 11)));
        cohort.addAll(Collections.nCopies(4, new Outcomes.Member(6, 6.0, START, fourAWeek, half, Set.of())));
        cohort.addAll(Collections.nCopies(3, new Outcomes.Member(6, 6.0, START, fourAWeek, quarter, Set.of())));
        // Changes sorted: seven of 0%, 18.75%, 25%, 30%: mean 73.75 / 10 = 7.4 rounded, median 0.
        assertThat(Outcomes.report(cohort))
                .isEqualTo(new Outcomes.Report(
                        false,
                        null,
                        10,
                        10,
                        new BigDecimal("1.000"),
                        10,
                        new BigDecimal("7.4"),
                        new BigDecimal("0.0"),
                        new BigDecimal("0.200"),
                        new Outcomes.AdherenceDistribution(
                                new BigDecimal("0.300"), new BigDecimal("0.400"), new BigDecimal("0.300")),
                        null,
                        null));
    }

    @Test
    void weeksOfAnAllSuspendedPlanOrNoPrescriptionCountAsNothing() {
        int[] done = {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3};
        Set<Integer> all = Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(Outcomes.meanAdherence(
                        new Outcomes.Member(5, 3.0, START, List.of(new Prescription(1, START, 3)), done, all)))
                .isZero();
        // A plan that starts in week 7 prescribes nothing before: those six weeks count as 0.
        assertThat(Outcomes.meanAdherence(new Outcomes.Member(
                        5, 3.0, START, List.of(new Prescription(1, START.plusWeeks(6), 3)), done, Set.of())))
                .isEqualTo(50.0);
        // Fewer weeks recorded than twelve: the missing ones are weeks with no session.
        assertThat(Outcomes.meanAdherence(new Outcomes.Member(
                        5, 3.0, START, List.of(new Prescription(1, START, 3)), new int[] {3, 3, 3}, Set.of())))
                .isEqualTo(25.0);
    }

    @Test
    void theMedianOfAnEvenGroupIsTheMeanOfItsTwoMiddleChanges() {
        // Baseline 10, end pain 0 to 9: changes 100%, 90% ... 10%; the middle two are 50% and 60%.
        List<Outcomes.Member> cohort = new ArrayList<>();
        for (int end = 0; end < 10; end++) {
            cohort.add(member(10, (double) end, 3, 3));
        }
        assertThat(Outcomes.report(cohort).medianPainChangePercent()).isEqualByComparingTo("55.0");
    }
}
