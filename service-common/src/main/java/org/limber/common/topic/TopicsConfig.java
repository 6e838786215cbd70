package org.limber.common.topic;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The topics a service owns and creates at start, e.g.
 * {@code limber.kafka.topics."catalog.exercises".config."cleanup.policy"=compact}.
 */
@ConfigMapping(prefix = "limber.kafka")
public interface TopicsConfig {

    Map<String, Topic> topics();

    interface Topic {
        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        /** Topic-level settings (cleanup.policy, retention.ms, ...), applied to new and existing topics. */
        Map<String, String> config();
    }
}
