package org.limber.routine.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.limber.common.topic.TopicSetup;

/**
 * Whether this service's copy of the catalog has caught up with the catalog.exercises topic: at
 * start it reads the topic's end offsets (the catalog as it was then), and the copy has caught up
 * once every partition was consumed up to them, by this instance (records applied or sent to the
 * dead-letter topic) or by the consumer group before (committed offsets). Until then no plan is
 * built from a half-read catalog (readiness DOWN, intakes 503). The end offsets count once they
 * are the same in two reads a second apart (so that a catalog being published at that moment, as
 * on a fresh start of the whole stack, is not taken half-way); a topic that is missing or empty is
 * looked at again every second: an empty catalog is never "caught up".
 */
@ApplicationScoped
public class CatalogCatchUp {

    private static final Logger LOG = Logger.getLogger(CatalogCatchUp.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final String topic;
    private final String group;
    private final Map<String, Object> kafka;
    private final Map<Integer, Long> consumed = new ConcurrentHashMap<>();
    private volatile Map<Integer, Long> targets;
    private volatile boolean caughtUp;
    private volatile String waitingFor = "the end offsets of the topic are not known yet";
    /** When the consumer group's offsets were last read, as {@link System#nanoTime()} (elapsed time, not a date). */
    private volatile long lastGroupCheck = System.nanoTime() - RECHECK.toNanos() - 1;

    private Admin admin;
    private Thread finder;

    public CatalogCatchUp(
            @ConfigProperty(name = "mp.messaging.incoming.catalog-exercises.topic") String topic,
            @ConfigProperty(name = "mp.messaging.incoming.catalog-exercises.group.id") String group,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.topic = topic;
        this.group = group;
        this.kafka = kafka;
    }

    void onStart(@Observes StartupEvent event) {
        finder = new Thread(this::findTargets, "catalog-end-offsets");
        finder.setDaemon(true);
        finder.start();
    }

    @PreDestroy
    synchronized void close() {
        if (finder != null) {
            finder.interrupt();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }

    /** Records that this instance consumed {@code offset} of {@code partition} (applied or dead-lettered). */
    public void consumed(int partition, long offset) {
        consumed.merge(partition, offset + 1, Math::max);
    }

    /** Whether the copy has reached the end offsets found at start; once true, it stays true. */
    public boolean caughtUp() {
        if (caughtUp) {
            return true;
        }
        Map<Integer, Long> wanted = targets;
        if (wanted == null) {
            return false;
        }
        Set<Integer> behind = behind(wanted, consumed);
        if (!behind.isEmpty() && System.nanoTime() - lastGroupCheck > RECHECK.toNanos()) {
            lastGroupCheck = System.nanoTime();
            behind = behind(wanted, merged(committed()));
        }
        if (behind.isEmpty()) {
            caughtUp = true;
            LOG.infof("The catalog copy has caught up with %s (end offsets at start: %s)", topic, wanted);
            return true;
        }
        waitingFor = "partitions " + behind + " of " + topic + " are not consumed up to " + wanted + " yet";
        return false;
    }

    /** What the copy is waiting for, for the readiness check. */
    public String waitingFor() {
        return caughtUp ? "caught up" : waitingFor;
    }

    /** The partitions whose consumed position is below the end offset found at start. */
    static Set<Integer> behind(Map<Integer, Long> targets, Map<Integer, Long> positions) {
        return targets.entrySet().stream()
                .filter(t -> positions.getOrDefault(t.getKey(), 0L) < t.getValue())
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Map<Integer, Long> merged(Map<Integer, Long> committed) {
        Map<Integer, Long> positions = new ConcurrentHashMap<>(consumed);
        committed.forEach((p, o) -> positions.merge(p, o, Math::max));
        return positions;
    }

    private void findTargets() {
        Map<Integer, Long> previous = null;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Map<Integer, Long> ends = endOffsets();
                // The same non-zero end offsets twice a second apart: not a catalog caught in the middle of being
                // published.
                if (ends.values().stream().anyMatch(o -> o > 0) && ends.equals(previous)) {
                    targets = Map.copyOf(ends);
                    LOG.infof("The catalog copy is not ready until %s is consumed up to %s", topic, targets);
                    return;
                }
                waitingFor = ends.values().stream().anyMatch(o -> o > 0)
                        ? topic + " is still being written: waiting for it to settle"
                        : topic + " is missing or empty: waiting for the catalog to be published";
                previous = ends;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                waitingFor = "the end offsets of " + topic + " cannot be read yet ("
                        + e.getClass().getSimpleName() + ")";
                LOG.debugf("End offsets of %s not read: %s", topic, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(RECHECK.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Map<Integer, Long> endOffsets() throws InterruptedException, ExecutionException, TimeoutException {
        Admin client = admin();
        Map<String, TopicDescription> described;
        try {
            described = client.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of();
            }
            throw e;
        }
        Map<TopicPartition, OffsetSpec> latest = described.get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return client.listOffsets(latest).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(
                        e -> e.getKey().partition(), e -> e.getValue().offset()));
    }

    private Map<Integer, Long> committed() {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return offsets.entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .collect(Collectors.toMap(
                            e -> e.getKey().partition(), e -> e.getValue().offset()));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debugf("Committed offsets of %s not read: %s", group, e);
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            // The service's own Kafka settings, its login included (a bare bootstrap address would be
            // refused by a broker that requires one).
            admin = Admin.create(
                    TopicSetup.adminConfig(kafka, (int) CALL_TIMEOUT.toMillis(), (int) CALL_TIMEOUT.toMillis()));
        }
        return admin;
    }
}
