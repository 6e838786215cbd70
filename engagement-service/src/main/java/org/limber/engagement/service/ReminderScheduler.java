package org.limber.engagement.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.limber.engagement.config.EngagementConfig;

/**
 * Every {@code limber.engagement.reminders.interval}, claims due reminders batch after batch until none is
 * left, then sends the deliveries written. Each instance runs it; the database claim keeps them apart.
 */
@ApplicationScoped
public class ReminderScheduler {

    private static final Logger LOG = Logger.getLogger(ReminderScheduler.class);

    private final ReminderClaims claims;
    private final DeliveryService deliveries;
    private final int batch;

    public ReminderScheduler(ReminderClaims claims, DeliveryService deliveries, EngagementConfig config) {
        this.claims = claims;
        this.deliveries = deliveries;
        this.batch = config.reminders().batch();
    }

    @Scheduled(
            every = "${limber.engagement.reminders.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runDue();
        } catch (RuntimeException e) {
            LOG.warnf("Claiming reminders failed, will retry: %s", e.toString());
        }
    }

    /** Claims every due reminder, then sends what they wrote; the number of reminders claimed. */
    public int runDue() {
        int total = 0;
        int n;
        do {
            n = claims.claim(batch);
            total += n;
        } while (n == batch);
        if (total > 0) {
            deliveries.sendDue();
        }
        return total;
    }
}
