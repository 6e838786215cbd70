package org.limber.launcher;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SmokeCheck's sessions "one to three minutes ago" stay on today, in their order, whatever the hour. */
class SmokeCheckTimesTest {

    private static List<Instant> sessionsAt(Instant now) {
        return List.of(
                SmokeCheck.performedAt(now, 180), SmokeCheck.performedAt(now, 120), SmokeCheck.performedAt(now, 60));
    }

    @Test
    void inTheDayTheSessionsAreOneToThreeMinutesAgo() {
        Instant noon = Instant.parse("2026-03-02T12:00:00Z");
        assertThat(sessionsAt(noon))
                .containsExactly(
                        noon.minus(3, ChronoUnit.MINUTES),
                        noon.minus(2, ChronoUnit.MINUTES),
                        noon.minus(1, ChronoUnit.MINUTES));
    }

    @Test
    void inTheFirstMinutesAfterMidnightTheyFallBetweenMidnightAndNowInTheirOrder() {
        Instant midnight = Instant.parse("2026-03-02T00:00:00Z");
        for (long seconds : new long[] {1, 59, 61, 90, 119, 121, 179}) {
            Instant now = midnight.plusSeconds(seconds);
            List<Instant> sessions = sessionsAt(now);
            assertThat(sessions).as("at %s", now).isSorted().doesNotHaveDuplicates();
            assertThat(sessions)
                    .allSatisfy(at -> assertThat(at).isAfterOrEqualTo(midnight).isBefore(now));
        }
        Instant justAfter = midnight.plusSeconds(180);
        assertThat(sessionsAt(justAfter).get(0)).isEqualTo(midnight);
    }
}
