package org.limber.routine.domain.privacy;

import java.time.Instant;
import java.util.List;

/**
 * A member's erasure request and each service's part in it. {@code memberId} is the member's id while
 * the erasure runs and their pseudonym once it has completed (the request then holds no member id).
 */
public record Erasure(
        String memberId,
        Status status,
        Instant requestedAt,
        String requestedBy,
        Instant completedAt,
        String holdReason,
        List<Part> services) {

    /** HELD: a legal hold keeps the record (holdReason says why); IN_PROGRESS; COMPLETED. */
    public enum Status {
        HELD,
        IN_PROGRESS,
        COMPLETED
    }

    /** A service's part: PENDING until it has erased the member's rows (keycloak: deleted the account). */
    public record Part(String service, String status, Instant completedAt) {}

    public static final String ROUTINE = "routine";
    public static final String PROGRESS = "progress";
    public static final String ENGAGEMENT = "engagement";
    public static final String KEYCLOAK = "keycloak";
    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";

    /** Every service with a part, in the order they are shown. */
    public static final List<String> SERVICES = List.of(ROUTINE, PROGRESS, ENGAGEMENT, KEYCLOAK);

    /** The services that report through privacy.erasure-reports. */
    public static final List<String> REPORTING = List.of(PROGRESS, ENGAGEMENT);

    /** Whether every reporting service is done, so that the Keycloak account may go (the last step). */
    public boolean readyForAccount() {
        return status == Status.IN_PROGRESS
                && services.stream()
                        .filter(p -> REPORTING.contains(p.service()))
                        .allMatch(p -> DONE.equals(p.status()))
                && services.stream()
                                .filter(p -> REPORTING.contains(p.service()))
                                .count()
                        == REPORTING.size();
    }
}
