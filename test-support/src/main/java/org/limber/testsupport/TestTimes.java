package org.limber.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Times for tests that must not depend on the hour they run at. */
public final class TestTimes {

    private TestTimes() {}

    /**
     * A time before today's midnight (UTC) moved into today, between midnight and now, earlier times
     * staying earlier; any other time as it is. A test's plan starts the day it runs, so a session "an
     * hour ago" just after midnight would fall before the plan: routine-service rightly refuses it (422)
     * and progress-service counts it in no plan week.
     */
    public static Instant withinToday(Instant at) {
        Instant now = Instant.now();
        Instant midnight =
                LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!at.isBefore(midnight)) {
            return at;
        }
        long sinceMidnight = Duration.between(midnight, now).toMillis();
        long secondsBefore = Duration.between(at, now).toSeconds();
        return midnight.plusMillis(sinceMidnight / (2 + secondsBefore));
    }
}
