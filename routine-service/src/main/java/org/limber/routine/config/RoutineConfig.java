package org.limber.routine.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "limber.routine")
public interface RoutineConfig {

    Sessions sessions();

    Intake intake();

    interface Intake {
        /**
         * How far in the past an intake's {@code takenAt} may be (imports, the demo simulator); 0 refuses any
         * {@code takenAt}.
         */
        @WithDefault("0d")
        Duration maxBackdate();
    }

    interface Sessions {
        /** How late a phone may sync a session: older sessions are refused. */
        @WithDefault("90d")
        Duration maxAge();

        /** How far ahead of the server's clock a session time may be (clock drift of phones). */
        @WithDefault("5m")
        Duration clockSkew();
    }
}
