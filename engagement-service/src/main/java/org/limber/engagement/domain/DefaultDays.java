package org.limber.engagement.domain;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

/** The plan's sessions a week spread over the week, with rest days between them where there is room. */
public final class DefaultDays {

    private static final List<Set<DayOfWeek>> SPREAD = List.of(
            Set.of(),
            Set.of(WEDNESDAY),
            Set.of(MONDAY, THURSDAY),
            Set.of(MONDAY, WEDNESDAY, FRIDAY),
            Set.of(MONDAY, TUESDAY, THURSDAY, FRIDAY),
            Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY),
            Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY),
            Set.of(DayOfWeek.values()));

    private DefaultDays() {}

    public static Set<DayOfWeek> spread(int sessionsPerWeek) {
        return SPREAD.get(Math.max(0, Math.min(7, sessionsPerWeek)));
    }
}
