package org.limber.common.topic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.jboss.logging.Logger;

/**
 * Creates the topics the service owns with their settings (partitions, compaction), and brings
 * the settings of existing topics in line. Tried at start and again before the first relay, so
 * a broker that is down at start delays this but does not stop the service.
 */
@ApplicationScoped
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    private final TopicsConfig config;
    private final Map<String, Object> kafka;
    private volatile boolean done;

    public TopicSetup(TopicsConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config;
        this.kafka = kafka;
    }

    void onStart(@Observes StartupEvent event) {
        ensureCreated();
    }

    /**
     * The settings of an admin client from the service's Kafka settings ({@code kafka.*}: the
     * bootstrap servers and, in production, the SASL login), with these timeouts in milliseconds.
     */
    public static Map<String, Object> adminConfig(Map<String, Object> kafka, int requestTimeout, int apiTimeout) {
        Map<String, Object> props = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, apiTimeout);
        return props;
    }

    /** Returns true once every configured topic exists with its settings. */
    public synchronized boolean ensureCreated() {
        if (done || config.topics().isEmpty()) {
            return done = true;
        }
        try (Admin admin = Admin.create(adminConfig(kafka, 5000, 10000))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            Map<ConfigResource, Collection<AlterConfigOp>> updates = new HashMap<>();
            config.topics().forEach((name, topic) -> {
                if (existing.contains(name)) {
                    if (topic.config().isEmpty()) {
                        return; // nothing to bring in line (and no AlterConfigs right needed on it)
                    }
                    updates.put(
                            new ConfigResource(ConfigResource.Type.TOPIC, name),
                            topic.config().entrySet().stream()
                                    .map(e -> new AlterConfigOp(
                                            new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                                    .toList());
                } else {
                    missing.add(
                            new NewTopic(name, topic.partitions(), topic.replicationFactor()).configs(topic.config()));
                }
            });
            admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            admin.incrementalAlterConfigs(updates).all().get(10, TimeUnit.SECONDS);
            LOG.infof("Topics ready: %s", config.topics().keySet());
            return done = true;
        } catch (Exception e) {
            LOG.warnf("Topics not set up yet (will retry): %s", e.toString());
            return false;
        }
    }
}
