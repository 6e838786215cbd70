package org.limber.engagement.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a member's reminder fires, and whether a due one is sent.
 *
 * <ul>
 *   <li>On a planned day, at the member's local time in their zone: {@link ZonedDateTime#of} takes the
 *       daylight-saving change into account (a time in the spring gap moves forward by the gap, a time in the
 *       autumn overlap takes the earlier offset), so 18:30 stays 18:30 local on both sides of the change.
 *   <li>The day after a planned day that is not itself planned: one nudge, sent only when the planned day's
 *       session was not logged.
 *   <li>Never in quiet hours: a time inside them moves to their end (the next morning for a window over
 *       midnight). Conservative choice: a reminder late is better than one at night, and never two the same
 *       local day (the second is dropped).
 *   <li>Not sent without a plan, with the plan suspended (a red flag is being reviewed: no exercise is asked
 *       for), or when that day's session is already logged.
 * </ul>
 */
public final class ReminderRule {

    /** How far ahead a next instant is looked for: two weeks always hold a planned day when any is set. */
    static final int HORIZON_DAYS = 15;

    private ReminderRule() {}

    /** The first reminder strictly after {@code after}, if reminders are on and any day is planned. */
    public static Optional<Due> next(ReminderSettings settings, Instant after) {
        if (!settings.enabled() || settings.days().isEmpty()) {
            return Optional.empty();
        }
        // From the day before: a reminder moved past midnight by quiet hours may still be ahead.
        LocalDate day = after.atZone(settings.zone()).toLocalDate().minusDays(1);
        for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
            Optional<Due> due = on(settings, day).filter(d -> d.at().isAfter(after));
            if (due.isPresent()) {
                return due;
            }
        }
        return Optional.empty();
    }

    /** The reminder of one local day, if the day has one. */
    static Optional<Due> on(ReminderSettings settings, LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        Due.Kind kind;
        LocalDate about;
        if (settings.days().contains(weekday)) {
            kind = Due.Kind.SESSION;
            about = day;
        } else if (settings.days().contains(weekday.minus(1))) {
            kind = Due.Kind.NUDGE;
            about = day.minusDays(1);
        } else {
            return Optional.empty();
        }
        return Optional.of(new Due(fireAt(settings, day), about, kind));
    }

    /** The local time on {@code day}, moved to the end of quiet hours when inside them. */
    static Instant fireAt(ReminderSettings settings, LocalDate day) {
        LocalDateTime local = day.atTime(settings.time());
        QuietHours quiet = settings.quietHours();
        if (quiet != null && quiet.contains(settings.time())) {
            LocalTime end = quiet.to();
            local = end.isAfter(settings.time())
                    ? day.atTime(end)
                    : day.plusDays(1).atTime(end);
        }
        return ZonedDateTime.of(local, settings.zone()).toInstant();
    }

    /** Whether a due reminder is sent, given what is known when it fires. */
    public static boolean send(Due due, ReminderSettings settings, MemberState state) {
        if (!settings.enabled() || !state.hasPlan() || state.suspended()) {
            return false;
        }
        if (state.loggedDays().contains(due.day())) {
            return false;
        }
        if (due.kind() == Due.Kind.NUDGE
                && state.loggedDays().contains(due.day().plusDays(1))) {
            return false;
        }
        LocalDate firesOn = due.at().atZone(settings.zone()).toLocalDate();
        return !firesOn.equals(state.lastSentOn());
    }
}
