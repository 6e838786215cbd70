package org.limber.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants at the precision PostgreSQL keeps (microseconds), so that what an API answers right
 * after a write is exactly what it answers when it reads the row back. The time comes from the
 * service's injected {@link Clock} ({@link ClockProducer}), never from the wall clock directly.
 */
public final class Timestamps {

    private Timestamps() {}

    /** The clock's instant, at the precision PostgreSQL keeps. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The clock's date in UTC, the zone every date of the services is in. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
