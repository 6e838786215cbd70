package org.limber.progress.domain.measures;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Deadlines in working days (Monday to Friday, UTC).
 * <p>
 * Conservative choices: a working day is 24 hours from the same time of day (a review alert raised Monday 15:00 is
 * due Wednesday 15:00, not at the end of Wednesday); public holidays are not known here and are not skipped (the
 * deadline is never later than it should be); an alert raised on a Saturday or Sunday counts its first working day
 * as Monday, from the same time of day.
 */
public final class WorkingDays {

    private WorkingDays() {}

    public static Instant after(Instant from, int workingDays) {
        ZonedDateTime t = from.atZone(ZoneOffset.UTC);
        int left = workingDays;
        while (left > 0) {
            t = t.plusDays(1);
            if (!weekend(t.getDayOfWeek())) {
                left--;
            }
        }
        return t.toInstant();
    }

    private static boolean weekend(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
