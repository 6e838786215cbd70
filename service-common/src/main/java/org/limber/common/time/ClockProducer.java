package org.limber.common.time;

import java.time.Clock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one place a service reads the time from: a single {@link Clock} (UTC), injected wherever a
 * class needs "now" or "today". Nothing else in {@code src/main} calls {@code Instant.now()},
 * {@code LocalDate.now()} and the like (each module's {@code ArchitectureTest} fails the build
 * on a new call). A default bean: a test that needs a fixed time provides a {@code Clock} bean of
 * its own (test-support's {@code TestClock}), which replaces this one.
 */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
