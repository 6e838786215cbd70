package org.limber.events.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * A service ({@code progress}, {@code engagement}) has erased a member's rows. Key: member id. Topic:
 * {@link PrivacyTopics#ERASURE_REPORTS}. Carries no health content.
 */
public record MemberErased(UUID eventId, Instant occurredAt, int schemaVersion, String memberId, String service) {

    public static final String TYPE = "org.limber.privacy.MemberErased";
    public static final int SCHEMA_VERSION = 1;
}
