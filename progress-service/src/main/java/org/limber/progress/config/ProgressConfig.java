package org.limber.progress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "limber.progress")
public interface ProgressConfig {

    Alerts alerts();

    interface Alerts {
        /** How often the time-based alert rules (inactivity, low adherence) are evaluated. */
        @WithDefault("1h")
        String interval();
    }
}
