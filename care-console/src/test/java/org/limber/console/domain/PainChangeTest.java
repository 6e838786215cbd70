package org.limber.console.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PainChangeTest {

    @Test
    void painThatRoseIsWorseAndPainThatFellIsBetterWithoutASign() {
        // Baseline 5, latest 8: progress-service's baseline minus latest is -3, -60.0%.
        assertThat(PainChange.describe(-3, new BigDecimal("-60.0"))).isEqualTo("3 points worse (pain up 60.0%)");
        assertThat(PainChange.describe(3, new BigDecimal("50.0"))).isEqualTo("3 points better (pain down 50.0%)");
        assertThat(PainChange.describe(1, null)).isEqualTo("1 point better");
        assertThat(PainChange.describe(-1, new BigDecimal("-12.5"))).isEqualTo("1 point worse (pain up 12.5%)");
    }

    @Test
    void noChangeAndNoFiguresSaySo() {
        assertThat(PainChange.describe(0, BigDecimal.ZERO)).isEqualTo("no change (0 points)");
        assertThat(PainChange.describe(null, null)).isEqualTo("-");
    }
}
