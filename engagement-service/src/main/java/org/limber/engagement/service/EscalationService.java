package org.limber.engagement.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.limber.common.time.Timestamps;
import org.limber.engagement.config.EscalationConfig;
import org.limber.engagement.domain.Escalation;
import org.limber.engagement.domain.Notification;
import org.limber.engagement.repository.AlertStore;
import org.limber.engagement.repository.AlertStore.Alert;
import org.limber.engagement.repository.AlertStore.Step;
import org.limber.engagement.repository.ContactStore;
import org.limber.engagement.repository.DeliveryStore;
import org.limber.engagement.repository.MemberStore;
import org.limber.engagement.repository.ProcessedEvents;
import org.limber.events.member.CareAlertAcknowledged;
import org.limber.events.member.CareAlertRaised;
import org.limber.events.member.CareAlertResolved;

/**
 * Urgent alerts that cannot sit unread: an URGENT or EMERGENCY alert notifies at once (level 0), and while
 * nobody acknowledges it, the scheduler escalates it ({@link Escalation}); an acknowledgement or resolution
 * stops it. Each event is applied once (its id recorded), each escalation step is stored with who was told.
 * Due alerts are claimed like reminders ({@code FOR UPDATE SKIP LOCKED}), so two instances escalate once.
 */
@ApplicationScoped
public class EscalationService {

    private static final Logger LOG = Logger.getLogger(EscalationService.class);
    static final int BATCH = 100;

    private final AlertStore alerts;
    private final MemberStore members;
    private final ProcessedEvents processed;
    private final Notifier notifier;
    private final DeliveryStore deliveries;
    private final ContactStore contacts;
    private final EscalationConfig config;
    private final DataSource dataSource;
    private final Clock clock;

    public EscalationService(
            AlertStore alerts,
            MemberStore members,
            ProcessedEvents processed,
            Notifier notifier,
            DeliveryStore deliveries,
            ContactStore contacts,
            EscalationConfig config,
            DataSource dataSource,
            Clock clock) {
        this.alerts = alerts;
        this.members = members;
        this.processed = processed;
        this.notifier = notifier;
        this.deliveries = deliveries;
        this.contacts = contacts;
        this.config = config;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Transactional
    public void alertEvent(Object event) {
        Instant now = Timestamps.now(clock);
        if (event instanceof CareAlertRaised e) {
            if (processed.first(e.eventId(), now)) {
                raised(e, now);
            }
        } else if (event instanceof CareAlertAcknowledged e) {
            alerts.stop(e.alertId(), "ACKNOWLEDGED");
        } else if (event instanceof CareAlertResolved e) {
            alerts.stop(e.alertId(), "RESOLVED");
        } else {
            throw new IllegalArgumentException("not a care alert event: " + event.getClass());
        }
    }

    private void raised(CareAlertRaised e, Instant now) {
        if (e.clinicianId() != null) {
            members.clinicianIfUnknown(e.memberId(), e.clinicianId(), now);
        }
        if (!Escalation.escalates(e.severity())) {
            return;
        }
        Instant next = Escalation.nextAt(0, now, config.after()).orElse(null);
        Alert alert = new Alert(e.alertId(), e.memberId(), e.clinicianId(), e.severity(), "OPEN", 0, next);
        alerts.open(alert, now);
        notifyLevel(alert, 0, now);
    }

    @Scheduled(every = "${limber.escalation.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            escalateDue();
        } catch (RuntimeException e) {
            LOG.warnf("Escalating alerts failed, will retry: %s", e.toString());
        }
    }

    /** Escalates every open alert whose next level is due now; how many were escalated. */
    @Transactional
    public int escalateDue() {
        Instant now = Timestamps.now(clock);
        try (Connection db = dataSource.getConnection()) {
            List<Alert> due = alerts.claimDue(db, now, BATCH);
            for (Alert a : due) {
                int level = a.level() + 1;
                alerts.escalated(
                        a.alertId(),
                        level,
                        Escalation.nextAt(level, now, config.after()).orElse(null));
                notifyLevel(a, level, now);
            }
            return due.size();
        } catch (SQLException e) {
            throw new IllegalStateException("claiming alerts failed", e);
        }
    }

    private void notifyLevel(Alert a, int level, Instant now) {
        Escalation.Notified notified = Escalation.notified(level, a.clinicianId() != null);
        Set<String> to = new LinkedHashSet<>();
        if (notified == Escalation.Notified.CLINICIAN) {
            to.add(a.clinicianId());
        } else {
            to.addAll(config.triage().orElse(List.of()));
            if (notified == Escalation.Notified.TRIAGE_AND_ADMINS) {
                to.addAll(config.admins().orElse(List.of()));
                to.addAll(contacts.withRole("admin"));
            }
        }
        Notifier.Planned planned = notifier.plan(Notifier.toAll(to, Notification.ALERT));
        deliveries.add(planned.deliveries(), now);
        alerts.addStep(new Step(
                a.alertId(), level, now, notified.name(), planned.recipients(), new ArrayList<>(planned.channels())));
        if (planned.recipients() == 0) {
            LOG.warnf(
                    "Alert %s (level %d): nobody could be reached (no push subscription or e-mail)",
                    a.alertId(), level);
        }
    }

    public List<Step> steps(UUID alertId) {
        return alerts.steps(alertId);
    }
}
