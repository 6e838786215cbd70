package org.limber.engagement.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DomainRulesTest {

    @Test
    void backoffDoublesUpToAnHour() {
        Duration first = Duration.ofSeconds(30);
        assertThat(Backoff.after(1, first)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(2, first)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.after(4, first)).isEqualTo(Duration.ofSeconds(240));
        assertThat(Backoff.after(30, first)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void escalationLevels() {
        assertThat(Escalation.escalates("URGENT")).isTrue();
        assertThat(Escalation.escalates("EMERGENCY")).isTrue();
        assertThat(Escalation.escalates("HIGH")).isFalse();
        assertThat(Escalation.notified(0, true)).isEqualTo(Escalation.Notified.CLINICIAN);
        assertThat(Escalation.notified(0, false)).isEqualTo(Escalation.Notified.TRIAGE);
        assertThat(Escalation.notified(1, true)).isEqualTo(Escalation.Notified.TRIAGE_AND_ADMINS);
        Instant t = Instant.parse("2026-03-02T10:00:00Z");
        assertThat(Escalation.nextAt(0, t, Duration.ofMinutes(15))).contains(t.plusSeconds(900));
        assertThat(Escalation.nextAt(1, t, Duration.ofMinutes(15))).contains(t.plusSeconds(900));
        assertThat(Escalation.nextAt(2, t, Duration.ofMinutes(15))).isEmpty();
    }

    @Test
    void redFlagWords() {
        assertThat(RedFlagWords.matches("I have numbness in the SADDLE area")).isTrue();
        assertThat(RedFlagWords.matches("trouble with my bladder since yesterday"))
                .isTrue();
        assertThat(RedFlagWords.matches("pain down both legs")).isTrue();
        assertThat(RedFlagWords.matches("the bridge felt easier today")).isFalse();
    }

    @Test
    void defaultDaysSpreadTheSessions() {
        assertThat(DefaultDays.spread(3)).hasSize(3);
        assertThat(DefaultDays.spread(7)).hasSize(7);
        assertThat(DefaultDays.spread(0)).isEmpty();
        assertThat(DefaultDays.spread(99)).hasSize(7);
    }

    @Test
    void notificationsCarryNoHealthDetails() {
        for (Notification n : Notification.values()) {
            assertThat(n.body.toLowerCase()).doesNotContain("pain", "symptom", "red flag", "bladder");
        }
    }
}
