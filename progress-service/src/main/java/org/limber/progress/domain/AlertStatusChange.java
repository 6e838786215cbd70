package org.limber.progress.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert acknowledged or resolved, to publish (the escalation of an alert stops when someone acts).
 *
 * @param by the user id of the clinician who acted, or null when a rule resolved it (a session ended an inactivity)
 */
public record AlertStatusChange(UUID alertId, String memberId, String by, Instant at) {}
