package org.limber.engagement.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Reminders and deliveries: how many rows a claim takes, and how failed deliveries are retried. */
@ConfigMapping(prefix = "limber.engagement")
public interface EngagementConfig {

    Reminders reminders();

    Deliveries deliveries();

    interface Reminders {
        /** How often the scheduler claims due reminders ({@code off} in tests). */
        String interval();

        @WithDefault("500")
        int batch();
    }

    interface Deliveries {
        String interval();

        @WithDefault("500")
        int batch();

        /** Attempts before a delivery is given up (FAILED). */
        @WithDefault("8")
        int maxAttempts();

        /** The wait after the first failure, doubled after each further one (at most an hour). */
        @WithDefault("PT30S")
        Duration firstBackoff();

        /** How long a claimed delivery is held by its sender before another may take it (a crash). */
        @WithDefault("PT2M")
        Duration lease();
    }
}
