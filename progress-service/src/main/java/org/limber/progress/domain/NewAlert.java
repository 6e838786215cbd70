package org.limber.progress.domain;

/** An alert a rule calls for; {@code sourceId} names its cause (a session, an intake, a week, a day). */
public record NewAlert(String memberId, AlertKind kind, String sourceId) {
}
