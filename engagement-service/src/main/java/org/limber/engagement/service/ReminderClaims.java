package org.limber.engagement.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.time.Timestamps;
import org.limber.engagement.domain.Due;
import org.limber.engagement.domain.MemberState;
import org.limber.engagement.domain.Notification;
import org.limber.engagement.domain.ReminderRule;
import org.limber.engagement.repository.DeliveryStore;
import org.limber.engagement.repository.MemberStore;
import org.limber.engagement.repository.ReminderStore;
import org.limber.engagement.repository.ReminderStore.Advance;
import org.limber.engagement.repository.ReminderStore.Stored;

/**
 * One claim of due reminders, in one transaction: {@code SELECT ... FOR UPDATE SKIP LOCKED} takes up to a batch
 * of due rows no other instance holds, each is decided ({@link ReminderRule#send}), the deliveries of those sent
 * are written, and every row moves on to its next reminder. All of it commits together or not at all: a crash
 * before the commit leaves the rows due (and writes no delivery), so each reminder goes out exactly once
 * however many instances claim.
 */
@ApplicationScoped
public class ReminderClaims {

    /** Sessions this far back are read to know which local days have one (any zone's day included). */
    static final Duration LOOK_BACK = Duration.ofDays(3);

    private final DataSource dataSource;
    private final ReminderStore reminders;
    private final MemberStore members;
    private final DeliveryStore deliveries;
    private final Notifier notifier;
    private final Clock clock;

    public ReminderClaims(
            DataSource dataSource,
            ReminderStore reminders,
            MemberStore members,
            DeliveryStore deliveries,
            Notifier notifier,
            Clock clock) {
        this.dataSource = dataSource;
        this.reminders = reminders;
        this.members = members;
        this.deliveries = deliveries;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Claims and handles up to {@code limit} due reminders; how many were claimed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int claim(int limit) {
        Instant now = Timestamps.now(clock);
        try (Connection db = dataSource.getConnection()) {
            List<Stored> due = reminders.claimDue(db, now, limit);
            if (due.isEmpty()) {
                return 0;
            }
            List<String> ids = due.stream().map(Stored::memberId).toList();
            Map<String, MemberStore.Plan> plans = members.find(db, ids);
            Map<String, List<Instant>> sessions = members.sessionsSince(db, ids, now.minus(LOOK_BACK));
            List<Notifier.Request> requests = new ArrayList<>();
            List<Advance> advances = new ArrayList<>(due.size());
            for (Stored s : due) {
                boolean send = ReminderRule.send(s.next(), s.settings(), state(s, plans, sessions));
                LocalDate sentOn = null;
                if (send) {
                    Notification n = s.next().kind() == Due.Kind.NUDGE ? Notification.NUDGE : Notification.REMINDER;
                    requests.add(
                            new Notifier.Request(s.memberId(), n, s.settings().channels()));
                    sentOn = s.next().at().atZone(s.settings().zone()).toLocalDate();
                }
                Due next = ReminderRule.next(s.settings(), later(now, s.next().at()))
                        .orElse(null);
                advances.add(new Advance(s.memberId(), next, sentOn));
            }
            deliveries.add(notifier.plan(requests).deliveries(), now);
            reminders.advance(db, advances);
            return due.size();
        } catch (SQLException e) {
            throw new IllegalStateException("claiming reminders failed", e);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static MemberState state(
            Stored s, Map<String, MemberStore.Plan> plans, Map<String, List<Instant>> sessions) {
        MemberStore.Plan plan = plans.get(s.memberId());
        Set<LocalDate> logged = sessions.getOrDefault(s.memberId(), List.of()).stream()
                .map(at -> at.atZone(s.settings().zone()).toLocalDate())
                .collect(Collectors.toSet());
        return new MemberState(
                plan != null && plan.hasPlan(), plan != null && plan.suspended(), logged, s.lastSentOn());
    }
}
