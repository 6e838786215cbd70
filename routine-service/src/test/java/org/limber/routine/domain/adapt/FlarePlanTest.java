package org.limber.routine.domain.adapt;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.limber.events.catalog.Category;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.SafetyTag;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.plan.Dose;
import org.limber.routine.domain.plan.ExerciseOption;
import org.limber.routine.domain.plan.PlanBuilder;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.domain.plan.Rule;
import org.limber.routine.domain.plan.Rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.limber.routine.domain.adapt.AdaptationTest.BRIDGE;
import static org.limber.routine.domain.adapt.AdaptationTest.INTAKE;
import static org.limber.routine.domain.adapt.AdaptationTest.item;
import static org.limber.routine.domain.adapt.AdaptationTest.option;
import static org.limber.routine.domain.adapt.AdaptationTest.plan;
import static org.limber.routine.domain.adapt.AdaptationTest.timed;

/** The flare plan built from the clinicians' rule file: the gentle set, with the clinician's locked items kept or paused. */
class FlarePlanTest {

    static final List<Rule> RULES = Rules.load();
    static final PlanBuilder BUILDER = new PlanBuilder(RULES);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    /** Gentle: 1 set of 8 reps, 15 s rest = 15 s to get in position + 8 x 4 s = 47 s. */
    static final ExerciseOption GENTLE_ROCK = flareSafe(
            "pelvic-rock", Category.MOBILITY, new Dose(1, 8, null, null, 15, null, new Dose.Range(6, 10), null, null));
    /** Gentle but core stability, which no flare slot takes: 15 + 2 x 20 s + 30 s rest = 85 s. */
    static final ExerciseOption GENTLE_BRACE = flareSafe("gentle-brace", Category.CORE_STABILITY, timed(20, 15, 45));

    /** A beginner's flare-safe exercise with no easier or harder variation. */
    static ExerciseOption flareSafe(String slug, Category category, Dose dose) {
        return option(slug, slug, category, Level.BEGINNER, Set.of(SafetyTag.FLARE_SAFE), dose, List.of(), List.of());
    }

    static final List<ExerciseOption> CATALOG = List.of(GENTLE_ROCK, GENTLE_BRACE, BRIDGE);

    @Test
    void theGentleSetOnlyWhenNothingIsLocked() {
        PlanProposal flare = FlarePlan.build(
                BUILDER, RULES, INTAKE, CATALOG, plan(item(BRIDGE, false), item(GENTLE_BRACE, false)), TODAY);

        // Three sessions a week, each the one flare-safe mobility exercise: the bridge is not flare-safe,
        // and the brace is core stability, which the gentle set does not include.
        assertThat(flare.sessions()).hasSize(3);
        assertThat(flare.sessions())
                .allSatisfy(session -> assertThat(session.items())
                        .extracting(
                                PlanProposal.Item::slug, PlanProposal.Item::estimatedSeconds, PlanProposal.Item::paused)
                        .containsExactly(tuple("pelvic-rock", 47, false)));
        assertThat(flare.excluded()).extracting(PlanProposal.Exclusion::slug).containsExactly("bridge");
        assertThat(flare.excluded().get(0).reason()).startsWith("with pain at 7 or more");
    }

    @Test
    void aLockedItemTheFlareAllowsStaysAndOneItLeavesOutIsPaused() {
        PlanProposal current = plan(item(BRIDGE, true), item(GENTLE_BRACE, true));

        PlanProposal flare = FlarePlan.build(BUILDER, RULES, INTAKE, CATALOG, current, TODAY);

        // The current plan has two sessions: the locked items come along in those two, not in the third.
        assertThat(flare.sessions().get(0).items())
                .extracting(PlanProposal.Item::slug, PlanProposal.Item::paused, PlanProposal.Item::locked)
                .containsExactly(
                        tuple("pelvic-rock", false, false),
                        tuple("bridge", true, true),
                        tuple("gentle-brace", false, true));
        assertThat(flare.sessions().get(1).items())
                .extracting(PlanProposal.Item::slug, PlanProposal.Item::paused)
                .containsExactly(tuple("pelvic-rock", false), tuple("bridge", true), tuple("gentle-brace", false));
        assertThat(flare.sessions().get(2).items())
                .extracting(PlanProposal.Item::slug)
                .containsExactly("pelvic-rock");
        assertThat(flare.sessions().get(0).items().get(1).reason()).isEqualTo(FlarePlan.PAUSED_REASON + ". why");
        // The session's time counts what is done: 47 s + 85 s; the paused bridge is not done.
        assertThat(flare.sessions().get(0).estimatedSeconds()).isEqualTo(47 + 85);
    }

    @Test
    void aLockedItemThatNoLongerFitsTheMinutesIsPaused() {
        // One minute a session: 47 s of gentle movement leaves 13 s, too little for the 85 s brace.
        Intake oneMinute = new Intake(
                INTAKE.conditions(),
                INTAKE.painNow(),
                INTAKE.painTypical(),
                INTAKE.duration(),
                null,
                INTAKE.redFlags(),
                INTAKE.goals(),
                INTAKE.equipment(),
                INTAKE.cannotGetInto(),
                1,
                INTAKE.sessionsPerWeek(),
                INTAKE.experience());

        PlanProposal flare = FlarePlan.build(BUILDER, RULES, oneMinute, CATALOG, plan(item(GENTLE_BRACE, true)), TODAY);

        assertThat(flare.sessions().get(0).items())
                .extracting(PlanProposal.Item::slug, PlanProposal.Item::paused)
                .containsExactly(tuple("pelvic-rock", false), tuple("gentle-brace", true));
    }

    @Test
    void aLockedItemNoLongerPublishedIsPaused() {
        ExerciseOption retired = flareSafe("retired-stretch", Category.STRETCH, timed(20, 15, 45));

        PlanProposal flare = FlarePlan.build(BUILDER, RULES, INTAKE, CATALOG, plan(item(retired, true)), TODAY);

        assertThat(flare.sessions().get(0).items())
                .extracting(PlanProposal.Item::slug, PlanProposal.Item::paused)
                .containsExactly(tuple("pelvic-rock", false), tuple("retired-stretch", true));
    }
}
