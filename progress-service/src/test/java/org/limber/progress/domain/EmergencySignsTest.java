package org.limber.progress.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmergencySignsTest {

    static final EmergencySigns SIGNS = EmergencySigns.load();

    @Test
    void theSafetyAdvicesEmergenciesAreTheSignsOfCaudaEquina() {
        assertThat(SIGNS.codes())
                .contains(
                        "BLADDER_OR_BOWEL_CONTROL",
                        "SADDLE_NUMBNESS",
                        "BOTH_LEGS_NUMB_OR_WEAK",
                        "URINARY_DIFFICULTY",
                        "SEXUAL_DYSFUNCTION")
                .doesNotContain("WORSENING_LEG_WEAKNESS", "FOOT_DROP", "RECENT_TRAUMA", "CANCER_HISTORY");
    }

    @Test
    void anUrgentAlertWithAnEmergencySignIsAnEmergencyAndNothingIsLowered() {
        assertThat(SIGNS.severity(Severity.URGENT, List.of("FOOT_DROP", "SADDLE_NUMBNESS")))
                .isEqualTo(Severity.EMERGENCY);
        assertThat(SIGNS.severity(Severity.URGENT, List.of("FOOT_DROP"))).isEqualTo(Severity.URGENT);
        assertThat(SIGNS.severity(Severity.URGENT, List.of("NOT_A_KNOWN_CODE"))).isEqualTo(Severity.URGENT);
        assertThat(SIGNS.severity(Severity.URGENT, List.of())).isEqualTo(Severity.URGENT);
        // Only red-flag alerts: a review's reasons never raise it.
        assertThat(SIGNS.severity(Severity.HIGH, List.of("SADDLE_NUMBNESS"))).isEqualTo(Severity.HIGH);
        assertThat(Severity.EMERGENCY.rank).isGreaterThan(Severity.URGENT.rank);
    }

    @Test
    void thePolicyAppliesItPerKind() {
        AlertPolicy policy = new AlertPolicy(AlertRules.load(), SIGNS);
        assertThat(policy.severity(AlertKind.REFERRAL, List.of("SADDLE_NUMBNESS")))
                .isEqualTo(Severity.EMERGENCY);
        assertThat(policy.severity(AlertKind.RED_FLAG_SYMPTOM, List.of("BOTH_LEGS_NUMB_OR_WEAK")))
                .isEqualTo(Severity.EMERGENCY);
        assertThat(policy.severity(AlertKind.RED_FLAG_SYMPTOM, List.of("FEVER_OR_WEIGHT_LOSS")))
                .isEqualTo(Severity.URGENT);
        assertThat(policy.severity(AlertKind.HIGH_PAIN, List.of())).isEqualTo(Severity.HIGH);
    }

    @Test
    void aFileWithoutEmergenciesIsRefused() {
        String yaml = """
                advice:
                  - {code: FOOT_DROP, urgency: CLINICIAN_TODAY, advice: x, reason: y}
                """;
        assertThatThrownBy(() -> EmergencySigns.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EMERGENCY_TODAY");
    }
}
