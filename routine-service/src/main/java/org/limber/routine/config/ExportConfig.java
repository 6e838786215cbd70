package org.limber.routine.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The member's data export: where the other services' parts come from, and its bounds. */
@ConfigMapping(prefix = "limber.export")
public interface ExportConfig {

    /** progress-service's base URL; its part is GET {url}/members/me/data with the member's own token. */
    String progressUrl();

    /** engagement-service's base URL, read the same way. */
    String engagementUrl();

    /** The cap on each collection of routine's own part (each service has the same setting for its part). */
    @WithDefault("10000")
    int maxRowsPerCollection();

    /** How long to wait for a part's connection and first answer before answering 503. */
    @WithDefault("10s")
    Duration partTimeout();
}
