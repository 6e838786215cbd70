package org.limber.routine.bench;

import org.junit.jupiter.api.Test;

import org.limber.routine.domain.adapt.ProgressionRules.Action;

import static org.assertj.core.api.Assertions.assertThat;

/** The safety harness with a count CI can afford (the README has the figures of a 100,000-intake run). */
class SafetyHarnessTest {

    @Test
    void noInvariantIsEverViolated() {
        SafetyHarness.Result result =
                new SafetyHarness().run(Integer.getInteger("harness.intakes", 2_000), Long.getLong("harness.seed", 42));
        SafetyHarness.print(result);
        assertThat(result.weeks()).isGreaterThan(result.intakes());
        // Every path of the adaptation is taken.
        assertThat(result.decisions())
                .containsKeys(Action.FLARE, Action.END_FLARE, Action.PROGRESS, Action.REGRESS, Action.HOLD);
        assertThat(result.violations())
                .allSatisfy((invariant, count) ->
                        assertThat(count).as(invariant.description).isZero());
    }
}
