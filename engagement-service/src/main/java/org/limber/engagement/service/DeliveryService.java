package org.limber.engagement.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.limber.common.time.Timestamps;
import org.limber.engagement.config.EngagementConfig;
import org.limber.engagement.delivery.Channel;
import org.limber.engagement.delivery.Channel.Result;
import org.limber.engagement.domain.Backoff;
import org.limber.engagement.domain.ChannelKind;
import org.limber.engagement.repository.DeliveryStore;
import org.limber.engagement.repository.DeliveryStore.Claimed;
import org.limber.engagement.repository.DeliveryStore.Outcome;
import org.limber.engagement.repository.SubscriptionStore;

/**
 * Sends due deliveries: claims a batch (any instance, {@code FOR UPDATE SKIP LOCKED}, each claimed row leased),
 * sends them all at once through their {@link Channel}, then records each outcome. A failure is tried again
 * after a back-off, up to the configured attempts; it never holds up other members' deliveries, which are in
 * the same batch or the next.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final DeliveryStore store;
    private final SubscriptionStore subscriptions;
    private final Map<ChannelKind, Channel> channels;
    private final EngagementConfig.Deliveries config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public DeliveryService(
            DeliveryStore store,
            SubscriptionStore subscriptions,
            Instance<Channel> channels,
            EngagementConfig config,
            Clock clock,
            MeterRegistry metrics) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.channels = channels.stream().collect(Collectors.toMap(Channel::kind, Function.identity()));
        this.config = config.deliveries();
        this.clock = clock;
        this.metrics = metrics;
    }

    @Scheduled(
            every = "${limber.engagement.deliveries.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warnf("Sending deliveries failed, will retry: %s", e.toString());
        }
    }

    /** Sends every delivery due now, batch after batch; the number handled. */
    public int sendDue() {
        int total = 0;
        while (true) {
            int n = sendBatch();
            total += n;
            if (n < config.batch()) {
                return total;
            }
        }
    }

    /** Claims and sends one batch; the number claimed. */
    public int sendBatch() {
        List<Claimed> claimed = store.claim(Timestamps.now(clock), config.batch(), config.lease());
        if (claimed.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Result>> sent = new ArrayList<>(claimed.size());
        for (Claimed c : claimed) {
            sent.add(channel(c).send(c).toCompletableFuture());
        }
        List<Outcome> outcomes = new ArrayList<>(claimed.size());
        for (int i = 0; i < claimed.size(); i++) {
            outcomes.add(outcome(claimed.get(i), sent.get(i).join()));
        }
        store.record(outcomes);
        return claimed.size();
    }

    private Channel channel(Claimed c) {
        return channels.get(ChannelKind.valueOf(c.channel()));
    }

    private Outcome outcome(Claimed c, Result result) {
        Instant now = Timestamps.now(clock);
        metrics.counter(
                        "limber.deliveries",
                        "channel",
                        c.channel(),
                        "status",
                        result.status().name())
                .increment();
        return switch (result.status()) {
            case SENT -> new Outcome(c.id(), "SENT", null, null, now);
            case GONE -> {
                subscriptions.gone(c.target());
                yield new Outcome(c.id(), "GONE", null, result.error(), now);
            }
            case FAILED -> new Outcome(c.id(), "FAILED", null, result.error(), now);
            case RETRY ->
                c.attempts() >= config.maxAttempts()
                        ? new Outcome(c.id(), "FAILED", null, result.error(), now)
                        : new Outcome(
                                c.id(),
                                "PENDING",
                                now.plus(Backoff.after(c.attempts(), config.firstBackoff())),
                                result.error(),
                                now);
        };
    }
}
