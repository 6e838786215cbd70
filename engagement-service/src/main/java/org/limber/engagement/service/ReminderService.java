package org.limber.engagement.service;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.time.Timestamps;
import org.limber.engagement.domain.ChannelKind;
import org.limber.engagement.domain.DefaultDays;
import org.limber.engagement.domain.ReminderRule;
import org.limber.engagement.domain.ReminderSettings;
import org.limber.engagement.repository.MemberStore;
import org.limber.engagement.repository.ReminderStore;

/** A member's reminder settings: stored ones, or the defaults from their plan while they never saved any. */
@ApplicationScoped
public class ReminderService {

    static final LocalTime DEFAULT_TIME = LocalTime.of(18, 0);

    /** Settings as the member sees them; {@code defaulted} while never saved. */
    public record View(ReminderSettings settings, boolean defaulted) {}

    private final ReminderStore reminders;
    private final MemberStore members;
    private final Clock clock;

    public ReminderService(ReminderStore reminders, MemberStore members, Clock clock) {
        this.reminders = reminders;
        this.members = members;
        this.clock = clock;
    }

    public View get(String memberId) {
        return reminders
                .find(memberId)
                .map(s -> new View(s.settings(), false))
                .orElseGet(() -> new View(defaults(memberId), true));
    }

    /** Saves the settings and works out the next reminder from now. */
    @Transactional
    public View put(String memberId, ReminderSettings settings) {
        reminders.save(
                memberId,
                settings,
                ReminderRule.next(settings, Timestamps.now(clock)).orElse(null),
                Timestamps.now(clock));
        return new View(settings, false);
    }

    /**
     * The plan's sessions a week spread over the week at 18:00 UTC, by push, off until the member saves: no
     * reminder goes out at a time the member never chose.
     */
    private ReminderSettings defaults(String memberId) {
        int perWeek =
                members.find(memberId).map(MemberStore.Plan::sessionsPerWeek).orElse(0);
        return new ReminderSettings(
                DefaultDays.spread(perWeek), DEFAULT_TIME, ZoneOffset.UTC, null, Set.of(ChannelKind.PUSH), false);
    }
}
