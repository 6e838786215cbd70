package org.limber.engagement.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * A member's reminder settings: the planned days, the local time, the IANA zone, optional quiet
 * hours, the channels and whether reminders are on.
 */
public record ReminderSettings(
        Set<DayOfWeek> days,
        LocalTime time,
        ZoneId zone,
        QuietHours quietHours,
        Set<ChannelKind> channels,
        boolean enabled) {

    public ReminderSettings {
        days = Set.copyOf(days);
        channels = Set.copyOf(channels);
    }
}
