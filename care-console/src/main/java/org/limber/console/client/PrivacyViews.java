package org.limber.console.client;

import java.time.Instant;
import java.util.List;

/**
 * The privacy bodies the console reads (issue 25): progress-service's access audit, routine-service's erasure
 * requests and legal holds. Unknown fields are ignored.
 */
public final class PrivacyViews {

    private PrivacyViews() {}

    /** One read or change of a member's data by a staff user (GET /audit/access). */
    public record AccessEntry(
            String memberId,
            Instant accessedAt,
            String actorId,
            String actorName,
            String actorRole,
            String operation,
            String resource,
            String service,
            String client) {}

    /** A member's erasure: HELD (a legal hold, {@code holdReason} says why), IN_PROGRESS or COMPLETED. */
    public record Erasure(
            String memberId,
            String status,
            Instant requestedAt,
            String requestedBy,
            Instant completedAt,
            String holdReason,
            List<ServiceStep> services) {}

    /** One service's part of an erasure: PENDING or DONE. */
    public record ServiceStep(String service, String status, Instant completedAt) {}

    /** A legal hold on a member's record. */
    public record LegalHold(String memberId, String reason, String placedBy, Instant placedAt) {}

    /** The body of PUT /members/{id}/legal-hold. */
    public record HoldRequest(String reason) {}
}
