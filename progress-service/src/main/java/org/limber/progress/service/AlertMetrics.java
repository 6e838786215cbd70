package org.limber.progress.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.limber.common.sql.SqlFailure;
import org.limber.progress.domain.AlertKind;
import org.limber.progress.repository.AlertReader;

/** The metric {@code limber_alerts_open{kind}}: open alerts by kind, counted every 30 seconds. */
@Startup
@ApplicationScoped
public class AlertMetrics {

    private static final Logger LOG = Logger.getLogger(AlertMetrics.class);

    private final AlertReader reader;
    private final Map<AlertKind, AtomicLong> open = new EnumMap<>(AlertKind.class);

    public AlertMetrics(AlertReader reader, MeterRegistry registry) {
        this.reader = reader;
        for (AlertKind kind : AlertKind.values()) {
            AtomicLong count = new AtomicLong();
            open.put(kind, count);
            Gauge.builder("limber.alerts.open", count, AtomicLong::get)
                    .tag("kind", kind.name())
                    .strongReference(true)
                    .description("Open care-team alerts (not yet acknowledged or resolved)")
                    .register(registry);
        }
    }

    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Map<AlertKind, Long> counts = new EnumMap<>(AlertKind.class);
        try {
            reader.openAlertsByKind().forEach((kind, count) -> counts.put(AlertKind.valueOf(kind), count));
        } catch (SqlFailure | IllegalArgumentException e) {
            LOG.warnf("Could not count open alerts: %s", e.getMessage());
            return;
        }
        open.forEach((kind, count) -> count.set(counts.getOrDefault(kind, 0L)));
    }
}
