package org.limber.catalog.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "limber.catalog")
public interface CatalogConfig {

    Seed seed();

    Snapshot snapshot();

    interface Seed {
        /** Load the exercise files shipped with the service at start. */
        @WithDefault("true")
        boolean enabled();

        /** Classpath folder of the exercise files. */
        @WithDefault("exercises")
        String location();
    }

    interface Snapshot {
        /**
         * How often each instance checks the database's catalog version, to see what another
         * instance published or retired (also read by the scheduler, so it is set in
         * application.properties).
         */
        Duration poll();
    }
}
