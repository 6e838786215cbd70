package org.limber.routine.domain.intake;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.limber.routine.domain.intake.PainDuration.OVER_12_WEEKS;
import static org.limber.routine.domain.intake.PainDuration.UNDER_6_WEEKS;
import static org.limber.routine.domain.intake.PainDuration.WEEKS_6_TO_12;

/** Answers age: "under 6 weeks" at intake is not "under 6 weeks" for ever. */
class PainDurationTest {

    private static final LocalDate INTAKE = LocalDate.of(2026, 3, 2);

    @Test
    void anEpisodeMovesToTheNextBandOnlyOnceItHasCertainlyReachedIt() {
        assertThat(UNDER_6_WEEKS.on(INTAKE, INTAKE)).isEqualTo(UNDER_6_WEEKS);
        assertThat(UNDER_6_WEEKS.on(INTAKE, INTAKE.plusWeeks(6).minusDays(1))).isEqualTo(UNDER_6_WEEKS);
        assertThat(UNDER_6_WEEKS.on(INTAKE, INTAKE.plusWeeks(6))).isEqualTo(WEEKS_6_TO_12);
        assertThat(UNDER_6_WEEKS.on(INTAKE, INTAKE.plusWeeks(12))).isEqualTo(OVER_12_WEEKS);
        assertThat(WEEKS_6_TO_12.on(INTAKE, INTAKE.plusWeeks(5))).isEqualTo(WEEKS_6_TO_12);
        assertThat(WEEKS_6_TO_12.on(INTAKE, INTAKE.plusWeeks(6))).isEqualTo(OVER_12_WEEKS);
        assertThat(OVER_12_WEEKS.on(INTAKE, INTAKE.plusYears(1))).isEqualTo(OVER_12_WEEKS);
        // A day before the intake (a clock behind): nothing changes.
        assertThat(UNDER_6_WEEKS.on(INTAKE, INTAKE.minusDays(1))).isEqualTo(UNDER_6_WEEKS);
    }
}
