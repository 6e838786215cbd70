package org.limber.routine.domain.intake;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScreeningDueTest {

    private static final LocalDate LAST = LocalDate.of(2026, 5, 4);

    @Test
    void theQuestionsComeBackEveryFourWeeks() {
        assertThat(ScreeningDue.on(LAST, null, LAST)).isEmpty();
        assertThat(ScreeningDue.on(LAST, null, LAST.plusDays(27))).isEmpty();
        assertThat(ScreeningDue.on(LAST, null, LAST.plusDays(28)))
                .hasValueSatisfying(due -> assertThat(due.since()).isEqualTo(LAST.plusDays(28)));
        assertThat(ScreeningDue.on(LAST, null, LAST.plusDays(90))).isPresent();
        assertThat(ScreeningDue.next(LAST)).isEqualTo(LAST.plusDays(28));
    }

    @Test
    void andAtTheStartOfEveryFlareWhateverTheDate() {
        LocalDate flare = LAST.plusDays(3);
        assertThat(ScreeningDue.on(LAST, flare, LAST.plusDays(4))).hasValueSatisfying(due -> {
            assertThat(due.since()).isEqualTo(flare);
            assertThat(due.reason()).contains("flared");
        });
        // Answered since the flare began: nothing due until four weeks later.
        assertThat(ScreeningDue.on(flare.plusDays(1), flare, LAST.plusDays(10))).isEmpty();
    }
}
