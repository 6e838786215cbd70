package org.limber.events.audit;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A staff user (a clinician or an admin) read or changed a member's data through a service's API: one event
 * per member a successful request touched. It names who, which member, what and through which client, and
 * never carries health content (no values, notes or names). Key: member id. Topic:
 * {@link AuditTopics#MEMBER_ACCESS}.
 *
 * @param actorId   the subject of the staff user's token
 * @param actorRole {@code clinician} or {@code admin}
 * @param operation {@code READ} or {@code CHANGE}
 * @param resource  a short name of what was touched ({@code plan}, {@code sessions}, {@code progress},
 *                  {@code alerts}, {@code panel}, {@code messages}, {@code fhir:Observation}, ...)
 * @param service   {@code routine}, {@code progress} or {@code engagement}
 * @param client    the token's authorized party ({@code azp}), e.g. {@code limber-console}
 */
public record MemberDataAccessed(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String memberId,
        String actorId,
        String actorRole,
        String operation,
        String resource,
        String service,
        String client) {

    public static final String TYPE = "org.limber.audit.MemberDataAccessed";
    public static final int SCHEMA_VERSION = 1;

    /** The roles an entry may name. */
    public static final Set<String> ROLES = Set.of("clinician", "admin");

    /** The operations an entry may name. */
    public static final Set<String> OPERATIONS = Set.of("READ", "CHANGE");

    /** Longest resource, service and client name an entry may carry. */
    public static final int MAX_NAME_LENGTH = 64;

    /** Whether every field is present and within bounds (ids are bounded by the consumer's intake). */
    public boolean complete() {
        return eventId != null
                && occurredAt != null
                && memberId != null
                && actorId != null
                && ROLES.contains(actorRole)
                && OPERATIONS.contains(operation)
                && shortName(resource)
                && shortName(service)
                && (client == null || client.length() <= MAX_NAME_LENGTH);
    }

    private static boolean shortName(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_NAME_LENGTH;
    }
}
