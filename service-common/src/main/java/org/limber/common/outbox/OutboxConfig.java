package org.limber.common.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "limber.outbox")
public interface OutboxConfig {

    /** Whether this instance relays the outbox to Kafka. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often the relay retries what could not be sent at once (events are relayed right after
     * their transaction commits).
     */
    @WithDefault("2s")
    String interval();

    /** Events read and sent per batch. */
    @WithDefault("200")
    int batchSize();

    /** How long to wait for the broker to acknowledge a batch before trying again later. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** How long relayed events are kept in the table (for audits and replays) before deletion. */
    @WithDefault("7d")
    Duration retention();
}
