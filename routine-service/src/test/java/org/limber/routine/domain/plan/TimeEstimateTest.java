package org.limber.routine.domain.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.limber.events.member.PrescribedDose;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a dose takes, worked out by hand: 15 s to get into position, then per set 4 s a
 * repetition plus its hold (or the timed seconds), on each side for a one-sided exercise, and the
 * rest between sets (none after the last).
 */
class TimeEstimateTest {

    @ParameterizedTest(name = "{0} x {1} reps, hold {2}, {3} s, rest {4}, per side {5}: {6} s")
    @CsvSource(nullValues = "", textBlock = """
            # sets, reps, hold, seconds, rest, per side, expected
            # 15 + 3 x 10 x 4 + 2 x 30
            3, 10,  ,   , 30, false, 195
            # 15 + 2 sides x 2 x 8 x (4 + 5) + 1 x 20
            2, 8,  5,   , 20, true,  323
            # 15 + 2 x 45 + 1 x 15
            2,   ,  , 45, 15, false, 120
            # 15 + 2 sides x 3 x 30 + 2 x 10
            3,   ,  , 30, 10, true,  215
            # one set: no rest counted, 15 + 1 x 10 x 4
            1, 10,  ,   , 60, false, 55
            # one set of one timed side: 15 + 60
            1,   ,  , 60,  0, false, 75
            # neither reps nor seconds: only the transition and the rest, 15 + 1 x 30
            2,   ,  ,   , 30, false, 45
            # no sets at all: no negative rest, 15
            0, 10,  ,   , 30, false, 15
            """)
    void aDoseTakesTheSecondsWorkedOutByHand(
            int sets, Integer reps, Integer hold, Integer seconds, int rest, boolean perSide, int expected) {
        Dose dose = new Dose(sets, reps, hold, seconds, rest, null, null, null, null);
        assertThat(TimeEstimate.seconds(dose, perSide)).isEqualTo(expected);
        assertThat(TimeEstimate.seconds(new PrescribedDose(sets, reps, hold, seconds, rest, perSide)))
                .isEqualTo(expected);
    }
}
