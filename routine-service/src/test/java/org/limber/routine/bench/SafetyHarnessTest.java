package org.limber.routine.bench;

import org.junit.jupiter.api.Test;

import org.limber.routine.domain.adapt.ProgressionRules.Action;
import org.limber.routine.domain.adapt.WeeklyAdaptation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety harness with a count CI can afford (the README has the figures of a 100,000-intake run):
 * {@code -Dharness.intakes=100000} runs that on demand, {@code -Dharness.seed=} another seed.
 */
class SafetyHarnessTest {

    @Test
    void noInvariantIsEverViolated() {
        SafetyHarness.Result result =
                new SafetyHarness().run(Integer.getInteger("harness.intakes", 2_000), Long.getLong("harness.seed", 42));
        SafetyHarness.print(result);
        assertThat(result.weeks()).isGreaterThan(result.intakes());
        // Every path of the adaptation is taken, and both reviews are asked for.
        assertThat(result.decisions())
                .containsKeys(
                        Action.STOP,
                        Action.FLARE,
                        Action.END_FLARE,
                        Action.RESTORE,
                        Action.PROGRESS,
                        Action.REGRESS,
                        Action.REGRESS_SKIPPED,
                        Action.HOLD);
        assertThat(result.reviews()).containsKeys(WeeklyAdaptation.CANNOT_REGRESS, WeeklyAdaptation.CLEARANCE_OVERDUE);
        assertThat(result.violations())
                .allSatisfy((invariant, count) ->
                        assertThat(count).as(invariant.description).isZero());
    }
}
