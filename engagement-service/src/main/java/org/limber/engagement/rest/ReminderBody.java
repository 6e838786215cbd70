package org.limber.engagement.rest;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.limber.common.problem.Problem.FieldProblem;
import org.limber.common.problem.ProblemException;
import org.limber.engagement.domain.ChannelKind;
import org.limber.engagement.domain.QuietHours;
import org.limber.engagement.domain.ReminderSettings;
import org.limber.engagement.service.ReminderService;

/** Reminder settings as the member app sends and reads them. */
public record ReminderBody(
        @Schema(description = "Planned days, MONDAY..SUNDAY", example = "[\"MONDAY\",\"THURSDAY\"]")
        List<String> days,

        @Schema(description = "Local time HH:mm", example = "18:30")
        String time,

        @Schema(description = "IANA time zone", example = "Europe/Berlin")
        String timeZone,

        QuietHoursBody quietHours,
        @Schema(description = "PUSH, EMAIL") List<String> channels,
        Boolean enabled,

        @Schema(readOnly = true, description = "True while the member never saved settings")
        Boolean defaulted) {

    static final int MAX_ZONE = 64;
    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** Quiet hours, local: from inclusive, to exclusive; may run over midnight. */
    public record QuietHoursBody(String from, String to) {}

    static ReminderBody of(ReminderService.View view) {
        ReminderSettings s = view.settings();
        return new ReminderBody(
                s.days().stream().sorted().map(Enum::name).toList(),
                HH_MM.format(s.time()),
                s.zone().getId(),
                s.quietHours() == null
                        ? null
                        : new QuietHoursBody(
                                HH_MM.format(s.quietHours().from()),
                                HH_MM.format(s.quietHours().to())),
                s.channels().stream().sorted().map(Enum::name).toList(),
                s.enabled(),
                view.defaulted());
    }

    /** The settings, or a 400 naming every bad field. */
    ReminderSettings settings() {
        List<FieldProblem> errors = new ArrayList<>();
        Set<DayOfWeek> dayset = EnumSet.noneOf(DayOfWeek.class);
        if (days == null || days.size() > 7) {
            errors.add(new FieldProblem("days", "must be a list of at most 7 days (MONDAY..SUNDAY)"));
        } else {
            for (String d : days) {
                try {
                    dayset.add(DayOfWeek.valueOf(String.valueOf(d)));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldProblem("days", "must be days MONDAY..SUNDAY"));
                    break;
                }
            }
        }
        LocalTime at = time("time", time, errors);
        ZoneId zone = zone(errors);
        QuietHours quiet = null;
        if (quietHours != null) {
            LocalTime from = time("quietHours.from", quietHours.from(), errors);
            LocalTime to = time("quietHours.to", quietHours.to(), errors);
            quiet = from == null || to == null ? null : new QuietHours(from, to);
        }
        Set<ChannelKind> kinds = channels(errors);
        if (enabled == null) {
            errors.add(new FieldProblem("enabled", "is required (true or false)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(400, "The reminder settings have invalid fields.", errors);
        }
        return new ReminderSettings(dayset, at, zone, quiet, kinds, enabled);
    }

    private ZoneId zone(List<FieldProblem> errors) {
        if (timeZone == null
                || timeZone.length() > MAX_ZONE
                || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            errors.add(new FieldProblem("timeZone", "must be an IANA time zone such as Europe/Berlin"));
            return null;
        }
        return ZoneId.of(timeZone);
    }

    private Set<ChannelKind> channels(List<FieldProblem> errors) {
        Set<ChannelKind> kinds = EnumSet.noneOf(ChannelKind.class);
        if (channels == null || channels.size() > 2) {
            errors.add(new FieldProblem("channels", "must be a list of PUSH and EMAIL"));
            return kinds;
        }
        for (String c : channels) {
            try {
                kinds.add(ChannelKind.valueOf(String.valueOf(c)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldProblem("channels", "must be a list of PUSH and EMAIL"));
                return kinds;
            }
        }
        if (kinds.isEmpty() && Boolean.TRUE.equals(enabled)) {
            errors.add(new FieldProblem("channels", "needs PUSH or EMAIL while reminders are enabled"));
        }
        return kinds;
    }

    private static LocalTime time(String field, String value, List<FieldProblem> errors) {
        if (value == null || value.length() != 5) {
            errors.add(new FieldProblem(field, "must be a local time HH:mm"));
            return null;
        }
        try {
            return LocalTime.parse(value, HH_MM);
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(field, "must be a local time HH:mm"));
            return null;
        }
    }
}
