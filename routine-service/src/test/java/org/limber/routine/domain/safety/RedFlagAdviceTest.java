package org.limber.routine.domain.safety;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.safety.RedFlagAdvice.Urgency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The clinicians' advice file: one entry per red-flag code, cauda equina signs an emergency. */
class RedFlagAdviceTest {

    static final RedFlagAdvice ADVICE = RedFlagAdvice.load();

    @Test
    void everyRedFlagCodeHasAdviceWithAnUrgencyAndAReason() {
        for (RedFlag flag : RedFlag.values()) {
            if (flag.consequence == RedFlag.Consequence.CONTEXT) {
                continue; // an intake answer, never a sign on its own: no advice
            }
            RedFlagAdvice.Entry entry = ADVICE.of(flag);
            assertThat(entry)
                    .as(flag + " needs an entry in " + RedFlagAdvice.LOCATION)
                    .isNotNull();
            assertThat(entry.urgency()).as(flag.name()).isNotNull();
            assertThat(entry.advice()).as(flag.name()).isNotBlank();
            assertThat(entry.reason()).as(flag.name()).isNotBlank();
        }
    }

    @Test
    void caudaEquinaSignsAreASameDayEmergency() {
        assertThat(ADVICE.of(RedFlag.BLADDER_OR_BOWEL_CONTROL).urgency()).isEqualTo(Urgency.EMERGENCY_TODAY);
        assertThat(ADVICE.of(RedFlag.SADDLE_NUMBNESS).urgency()).isEqualTo(Urgency.EMERGENCY_TODAY);
        assertThat(ADVICE.of(RedFlag.CONSTANT_NIGHT_PAIN).urgency()).isEqualTo(Urgency.CLINICIAN_TODAY);
    }

    @Test
    void theMessageLeadsWithTheMostUrgentSymptom() {
        RedFlagAdvice.SafetyMessage message =
                ADVICE.messageFor(List.of(RedFlag.CONSTANT_NIGHT_PAIN, RedFlag.SADDLE_NUMBNESS));
        assertThat(message.urgency()).isEqualTo(Urgency.EMERGENCY_TODAY);
        assertThat(message.headline()).contains("emergency");
        assertThat(message.symptoms())
                .extracting(RedFlagAdvice.SymptomAdvice::redFlag)
                .containsExactly(RedFlag.SADDLE_NUMBNESS, RedFlag.CONSTANT_NIGHT_PAIN);
        assertThat(ADVICE.messageFor(List.of(RedFlag.RECENT_TRAUMA)).headline()).contains("clinician or GP today");
        assertThat(ADVICE.messageFor(List.of())).isNull();
    }

    @Test
    void aFileMissingACodeOrNamingAnUnknownOneIsRefused() {
        String partial = """
                urgencies:
                  EMERGENCY_TODAY: {headline: Go now.}
                  CLINICIAN_TODAY: {headline: Call today.}
                advice:
                  - {code: SADDLE_NUMBNESS, urgency: EMERGENCY_TODAY, advice: Go now., reason: cauda equina}
                  - {code: NOT_A_FLAG, urgency: CLINICIAN_TODAY, advice: x, reason: y}
                """;
        assertThatThrownBy(() -> RedFlagAdvice.read(new ByteArrayInputStream(partial.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("BLADDER_OR_BOWEL_CONTROL: no advice")
                .hasMessageContaining("no red flag NOT_A_FLAG");
    }
}
