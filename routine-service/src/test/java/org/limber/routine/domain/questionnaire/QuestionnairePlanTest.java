package org.limber.routine.domain.questionnaire;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.limber.routine.domain.questionnaire.QuestionnairePlan.Answered;
import org.limber.routine.domain.questionnaire.QuestionnairePlan.Due;
import org.limber.routine.domain.questionnaire.Scoring.RiskGroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped schedule (rules/questionnaires.yaml) and stratified care. */
class QuestionnairePlanTest {

    private static final QuestionnairePlan PLAN = QuestionnairePlan.load();
    private static final LocalDate START = LocalDate.of(2026, 1, 5);

    @Test
    void baseline_asks_both_at_the_start() {
        assertThat(PLAN.due(START, START, List.of()))
                .containsExactlyInAnyOrder(
                        new Due("STARTBACK", Timepoint.BASELINE, START), new Due("PEG", Timepoint.BASELINE, START));
        assertThat(PLAN.due(START, START.minusDays(1), List.of())).isEmpty();
    }

    @Test
    void answered_baselines_leave_nothing_until_week_6() {
        var answered = List.of(new Answered("STARTBACK", Timepoint.BASELINE), new Answered("PEG", Timepoint.BASELINE));
        assertThat(PLAN.due(START, START.plusDays(41), answered)).isEmpty();
        assertThat(PLAN.due(START, START.plusDays(42), answered))
                .containsExactly(new Due("PEG", Timepoint.WEEK_6, START.plusDays(42)));
    }

    @Test
    void a_missed_timepoint_lapses_when_the_next_falls_due() {
        var answered = List.of(new Answered("STARTBACK", Timepoint.BASELINE), new Answered("PEG", Timepoint.BASELINE));
        // 12-week program: week 12 is the end of the program, asked once as END.
        assertThat(PLAN.due(START, START.plusDays(84), answered))
                .containsExactly(new Due("PEG", Timepoint.END, START.plusDays(84)));
        // The last stays due 28 days, then lapses.
        assertThat(PLAN.due(START, START.plusDays(84 + 27), answered)).hasSize(1);
        assertThat(PLAN.due(START, START.plusDays(84 + 28), answered)).isEmpty();
        // Answered at the end: nothing more (STarT Back's baseline, never answered, lapsed 28 days after the start).
        assertThat(PLAN.due(START, START.plusDays(90), List.of(new Answered("PEG", Timepoint.END))))
                .isEmpty();
        assertThat(PLAN.due(START, START.plusDays(27), List.of()))
                .extracting(Due::questionnaire)
                .containsExactlyInAnyOrder("STARTBACK", "PEG");
        assertThat(PLAN.due(START, START.plusDays(28), List.of()))
                .extracting(Due::questionnaire)
                .containsExactly("PEG");
    }

    @Test
    void stratified_care_by_risk_group() {
        assertThat(PLAN.pathway(RiskGroup.HIGH).orElseThrow().pathway()).isEqualTo("PSYCHOLOGICALLY_INFORMED");
        assertThat(PLAN.pathway(RiskGroup.HIGH).orElseThrow().note()).isNotBlank();
        assertThat(PLAN.pathway(RiskGroup.MEDIUM).orElseThrow().firstReviewWeek())
                .isEqualTo(2);
        assertThat(PLAN.pathway(null)).isEmpty();
        // Medium: the first assessment of week 2 (the week starting on day 7) asks the follow-up, once.
        assertThat(PLAN.followUpDue(RiskGroup.MEDIUM, START, START, false)).isFalse();
        assertThat(PLAN.followUpDue(RiskGroup.MEDIUM, START, START.plusDays(7), false))
                .isTrue();
        assertThat(PLAN.followUpDue(RiskGroup.MEDIUM, START, START.plusDays(14), true))
                .isFalse();
        // Low and high: none from routine (high risk's contact is progress-service's alert).
        assertThat(PLAN.followUpDue(RiskGroup.LOW, START, START.plusDays(7), false))
                .isFalse();
        assertThat(PLAN.followUpDue(RiskGroup.HIGH, START, START.plusDays(7), false))
                .isFalse();
    }

    @Test
    void aPlanFileIsCheckedAtStart() {
        java.util.EnumMap<RiskGroup, QuestionnairePlan.Pathway> none = new java.util.EnumMap<>(RiskGroup.class);
        QuestionnairePlan.Asked baseline = new QuestionnairePlan.Asked("PEG", Timepoint.BASELINE, 0, "start");
        QuestionnairePlan.Asked end = new QuestionnairePlan.Asked("PEG", Timepoint.END, null, "end");
        QuestionnairePlan sound = new QuestionnairePlan(1, 1, List.of(baseline, end), none);
        assertThat(QuestionnairePlan.check(sound)).isSameAs(sound);
        assertThatThrownBy(() -> QuestionnairePlan.check(new QuestionnairePlan(0, 1, List.of(baseline), none)))
                .hasMessageContaining("programWeeks");
        assertThatThrownBy(() -> QuestionnairePlan.check(new QuestionnairePlan(12, 0, List.of(baseline), none)))
                .hasMessageContaining("lastOpenForDays");
        QuestionnairePlan.Asked dayless = new QuestionnairePlan.Asked("PEG", Timepoint.WEEK_6, null, "week 6");
        assertThatThrownBy(() -> QuestionnairePlan.check(new QuestionnairePlan(12, 28, List.of(dayless), none)))
                .hasMessageContaining("Only END has no day");
        QuestionnairePlan.Asked endOnADay = new QuestionnairePlan.Asked("PEG", Timepoint.END, 84, "end");
        assertThatThrownBy(() -> QuestionnairePlan.check(new QuestionnairePlan(12, 28, List.of(endOnADay), none)))
                .hasMessageContaining("Only END has no day");
        assertThat(QuestionnairePlan.load().programWeeks()).isEqualTo(12);
    }
}
