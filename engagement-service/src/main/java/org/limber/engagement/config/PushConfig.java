package org.limber.engagement.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Web Push: the VAPID subject and key pair (base64url, uncompressed P-256), time-out and concurrency. */
@ConfigMapping(prefix = "limber.push")
public interface PushConfig {

    String subject();

    String publicKey();

    String privateKey();

    Duration timeout();

    int concurrency();

    /** Whether a subscription's endpoint may be plain http (tests and benchmarks: a local push service). */
    @WithDefault("false")
    boolean allowHttpEndpoints();
}
