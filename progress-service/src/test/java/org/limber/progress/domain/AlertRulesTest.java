package org.limber.progress.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the alert rules file: a sound file, and each kind of mistake with the exact error it gives. */
class AlertRulesTest {

    /** A sound file: one YAML mapping a kind. */
    static Map<String, String> sound() {
        Map<String, String> kinds = new HashMap<>(Map.of(
                "RED_FLAG_SYMPTOM", "{severity: URGENT, eachCause: true, reason: red flag}",
                "REFERRAL", "{severity: URGENT, eachCause: true, reason: referred}",
                "NEEDS_REVIEW", "{severity: HIGH, eachCause: true, reason: review}",
                "HIGH_PAIN", "{severity: HIGH, threshold: 8, reason: high pain}",
                "PAIN_ABOVE_BASELINE", "{severity: HIGH, threshold: 3, minSessions: 2, reason: above baseline}",
                "INACTIVE", "{severity: NORMAL, days: 10, reason: inactive}",
                "LOW_ADHERENCE", "{severity: NORMAL, threshold: 40, weeks: 3, reason: low adherence}",
                "CANNOT_REGRESS", "{severity: HIGH, reason: cannot regress}",
                "CLEARANCE_OVERDUE", "{severity: HIGH, reason: clearance overdue}",
                "NO_RESPONSE",
                        "{severity: HIGH, fromWeek: 6, toWeek: 8, days: 14, minSessions: 2, reason: no response}"));
        kinds.put("PSYCHOSOCIAL_RISK", "{severity: HIGH, reason: psychosocial risk}");
        return kinds;
    }

    static AlertRules read(Map<String, String> kinds) throws IOException {
        StringBuilder yaml = new StringBuilder("alerts:\n");
        kinds.forEach((kind, rule) ->
                yaml.append("  ").append(kind).append(": ").append(rule).append('\n'));
        return AlertRules.read(new ByteArrayInputStream(yaml.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSoundFileIsReadAsWritten() throws IOException {
        AlertRules rules = read(sound());
        assertThat(rules.rule(AlertKind.HIGH_PAIN))
                .isEqualTo(new AlertRules.Rule(Severity.HIGH, 8, null, null, null, null, null, null, "high pain"));
        assertThat(rules.rule(AlertKind.LOW_ADHERENCE))
                .isEqualTo(new AlertRules.Rule(Severity.NORMAL, 40, null, null, 3, null, null, null, "low adherence"));
        assertThat(rules.rule(AlertKind.REFERRAL).folds()).isFalse();
        assertThat(rules.rule(AlertKind.INACTIVE).folds()).isTrue();
        assertThat(rules.rule(AlertKind.NO_RESPONSE))
                .isEqualTo(new AlertRules.Rule(Severity.HIGH, null, 2, 14, null, 6, 8, null, "no response"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            LOW_ADHERENCE    |                                               | The alert rules need a severity and a reason for LOW_ADHERENCE
            INACTIVE         | {days: 10, reason: inactive}                  | The alert rules need a severity and a reason for INACTIVE
            HIGH_PAIN        | {severity: HIGH, threshold: 8}                | The alert rules need a severity and a reason for HIGH_PAIN
            HIGH_PAIN        | {severity: HIGH, threshold: 8, reason: " "}   | The alert rules need a severity and a reason for HIGH_PAIN
            RED_FLAG_SYMPTOM | {severity: URGENT, reason: red flag}          | An URGENT alert rule must raise an alert for each cause (eachCause: true): RED_FLAG_SYMPTOM
            REFERRAL         | {severity: URGENT, eachCause: false, reason: r} | An URGENT alert rule must raise an alert for each cause (eachCause: true): REFERRAL
            NO_RESPONSE      | {severity: HIGH, toWeek: 8, days: 14, minSessions: 2, reason: n} | The NO_RESPONSE rule needs fromWeek (1 or more), toWeek (fromWeek or more), days and minSessions (1 or more)
            NO_RESPONSE      | {severity: HIGH, fromWeek: 8, toWeek: 6, days: 14, minSessions: 2, reason: n} | The NO_RESPONSE rule needs fromWeek (1 or more), toWeek (fromWeek or more), days and minSessions (1 or more)
            NO_RESPONSE      | {severity: HIGH, fromWeek: 6, toWeek: 8, days: 14, minSessions: 0, reason: n} | The NO_RESPONSE rule needs fromWeek (1 or more), toWeek (fromWeek or more), days and minSessions (1 or more)
            """)
    void eachMistakeGivesItsError(String kind, String rule, String error) {
        Map<String, String> kinds = sound();
        if (rule == null) {
            kinds.remove(kind);
        } else {
            kinds.put(kind, rule);
        }
        assertThatThrownBy(() -> read(kinds))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(error);
    }

    @Test
    void anUnknownKindOrSettingIsRefusedRatherThanIgnored() {
        Map<String, String> unknownKind = sound();
        unknownKind.put("BAD_WEATHER", "{severity: HIGH, reason: rain}");
        assertThatThrownBy(() -> read(unknownKind)).isInstanceOf(JsonMappingException.class);
        Map<String, String> unknownSetting = sound();
        unknownSetting.put("INACTIVE", "{severity: NORMAL, hours: 10, reason: inactive}");
        assertThatThrownBy(() -> read(unknownSetting))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("hours");
    }

    @Test
    void theShippedFileLoads() {
        assertThat(AlertRules.load().rule(AlertKind.HIGH_PAIN).threshold()).isEqualTo(7);
    }
}
