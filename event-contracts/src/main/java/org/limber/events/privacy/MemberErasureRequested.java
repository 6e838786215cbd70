package org.limber.events.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's data is to be erased (their request or an admin's, no legal hold in the way): each
 * service deletes or irreversibly anonymizes the member's rows and answers with {@link MemberErased}.
 * Key: member id. Topic: {@link PrivacyTopics#ERASURE_REQUESTS}. Carries no health content.
 */
public record MemberErasureRequested(UUID eventId, Instant occurredAt, int schemaVersion, String memberId) {

    public static final String TYPE = "org.limber.privacy.MemberErasureRequested";
    public static final int SCHEMA_VERSION = 1;
}
