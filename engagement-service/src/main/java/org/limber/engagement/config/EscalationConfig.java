package org.limber.engagement.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Escalation of URGENT and EMERGENCY alerts: the wait before each level and who the triage and admins are. */
@ConfigMapping(prefix = "limber.escalation")
public interface EscalationConfig {

    /** Unacknowledged this long after a level, the alert goes to the next. */
    Duration after();

    String interval();

    /** Triage clinicians' user ids. */
    Optional<List<String>> triage();

    /** Admins' user ids, besides the users whose own token carried the admin role. */
    Optional<List<String>> admins();
}
