package org.limber.progress.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The INACTIVE alert's cause and its end. An inactivity is named by the day (UTC) of the member's last
 * activity, so the same inactivity raises its alert once however often the rule runs; it ends with a
 * session newly stored and performed on a later day. A late session from before it, or the same session
 * again, leaves the alert open. Pure: the store reads the open alerts and writes the resolutions.
 */
public final class Inactivity {

    private Inactivity() {}

    /** An unresolved INACTIVE alert of a member inactive since the day of their last activity. */
    public record Open(UUID alertId, String memberId, LocalDate inactiveSince) {}

    /** The INACTIVE alert of a member whose last activity (or plan start, without a session) was {@code lastActivity}. */
    public static NewAlert alert(String memberId, Instant lastActivity) {
        LocalDate since = LocalDate.ofInstant(lastActivity, ZoneOffset.UTC);
        return new NewAlert(memberId, AlertKind.INACTIVE, "since:" + since, List.of(), since);
    }

    /**
     * The open INACTIVE alerts that sessions just stored end: those of a member whose newest such session
     * was performed on a day after the one the inactivity is named by.
     *
     * @param newestStoredSession by member, when the newest session stored (not seen before) was performed
     */
    public static List<UUID> endedBy(Collection<Open> open, Map<String, Instant> newestStoredSession) {
        List<UUID> ended = new ArrayList<>();
        for (Open alert : open) {
            Instant newest = newestStoredSession.get(alert.memberId());
            if (newest != null
                    && alert.inactiveSince() != null
                    && LocalDate.ofInstant(newest, ZoneOffset.UTC).isAfter(alert.inactiveSince())) {
                ended.add(alert.alertId());
            }
        }
        return ended;
    }
}
