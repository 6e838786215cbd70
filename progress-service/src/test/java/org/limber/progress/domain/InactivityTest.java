package org.limber.progress.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InactivityTest {

    static final LocalDate LAST_ACTIVE = LocalDate.parse("2026-03-10");

    @Test
    void anInactivityIsNamedByTheDayOfTheLastActivityInUtc() {
        NewAlert alert = Inactivity.alert("m1", Instant.parse("2026-03-10T23:59:59Z"));

        assertThat(alert.kind()).isEqualTo(AlertKind.INACTIVE);
        assertThat(alert.sourceId()).isEqualTo("since:2026-03-10");
        assertThat(alert.inactiveSince()).isEqualTo(LAST_ACTIVE);
        assertThat(alert.details()).isEmpty();
        assertThat(Inactivity.alert("m1", Instant.parse("2026-03-11T00:00:00Z")).inactiveSince())
                .isEqualTo(LAST_ACTIVE.plusDays(1));
    }

    @Test
    void aSessionOnALaterDayEndsTheInactivityAndOneOnTheSameDayOrBeforeDoesNot() {
        UUID ended = UUID.randomUUID();
        UUID sameDay = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        List<Inactivity.Open> open = List.of(
                new Inactivity.Open(ended, "later", LAST_ACTIVE),
                new Inactivity.Open(sameDay, "same-day", LAST_ACTIVE),
                new Inactivity.Open(before, "late-session", LAST_ACTIVE));

        List<UUID> resolved = Inactivity.endedBy(
                open,
                Map.of(
                        "later", Instant.parse("2026-03-11T00:00:00Z"),
                        "same-day", Instant.parse("2026-03-10T23:59:59Z"),
                        "late-session", Instant.parse("2026-03-02T08:00:00Z")));

        assertThat(resolved).containsExactly(ended);
    }

    @Test
    void anAlertOfAMemberWithoutANewSessionOrWithoutItsDayStaysOpen() {
        List<Inactivity.Open> open = List.of(
                new Inactivity.Open(UUID.randomUUID(), "no-session", LAST_ACTIVE),
                new Inactivity.Open(UUID.randomUUID(), "no-day", null));

        assertThat(Inactivity.endedBy(open, Map.of("no-day", Instant.parse("2026-04-01T10:00:00Z"))))
                .isEmpty();
    }
}
