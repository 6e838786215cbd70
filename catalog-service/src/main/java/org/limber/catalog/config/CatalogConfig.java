package org.limber.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "limber.catalog")
public interface CatalogConfig {

    Seed seed();

    interface Seed {
        /** Load the exercise files shipped with the service at start. */
        @WithDefault("true")
        boolean enabled();

        /** Classpath folder of the exercise files. */
        @WithDefault("exercises")
        String location();
    }
}
