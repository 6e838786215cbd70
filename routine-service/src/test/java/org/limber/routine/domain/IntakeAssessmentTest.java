package org.limber.routine.domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.routine.domain.intake.Condition;
import org.limber.routine.domain.intake.Goal;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.PainDuration;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.ExerciseOptions;
import org.limber.routine.domain.plan.PlanBuilder;
import org.limber.routine.domain.plan.Rules;
import org.limber.testsupport.CatalogFixture;

import static org.assertj.core.api.Assertions.assertThat;

/** The NEEDS_REVIEW outcome: no plan with a session nobody can do. */
class IntakeAssessmentTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final IntakeAssessment ASSESSMENT = new IntakeAssessment(new PlanBuilder(Rules.load()));
    static final List<ExerciseOption> CATALOG = CatalogFixture.snapshots().stream()
            .map(ExerciseOptions::from)
            .map(Optional::orElseThrow)
            .toList();

    static Intake intake(int painNow) {
        Map<RedFlag, Boolean> no = new EnumMap<>(RedFlag.class);
        for (RedFlag flag : RedFlag.values()) {
            no.put(flag, false);
        }
        return new Intake(
                Set.of(Condition.NON_SPECIFIC_LOW_BACK_PAIN),
                painNow,
                5,
                PainDuration.OVER_12_WEEKS,
                null,
                no,
                Set.of(Goal.REDUCE_PAIN),
                Set.of(Equipment.MAT),
                Set.of(),
                15,
                3,
                Level.BEGINNER);
    }

    @Test
    void withNothingSafeToDoTheIntakeNeedsAReviewAndGivesNoPlan() {
        // Pain of 8 allows only the gentle set; a library holding none of it has nothing safe.
        List<ExerciseOption> notGentle = CATALOG.stream()
                .filter(e -> !e.safetyTags().contains(org.limber.events.catalog.SafetyTag.FLARE_SAFE))
                .toList();
        IntakeAssessment.Result result = ASSESSMENT.assess(intake(8), notGentle, TODAY);
        assertThat(result.outcome()).isEqualTo(IntakeAssessment.Outcome.NEEDS_REVIEW);
        assertThat(result.plan()).isNull();
        assertThat(result.reviewReason()).contains("any session").contains("clinician will review");

        assertThat(ASSESSMENT.assess(intake(8), CATALOG, TODAY).outcome())
                .isEqualTo(IntakeAssessment.Outcome.PLAN_CREATED);
        assertThat(ASSESSMENT.assess(intake(3), List.of(), TODAY).outcome())
                .isEqualTo(IntakeAssessment.Outcome.NEEDS_REVIEW);
    }
}
