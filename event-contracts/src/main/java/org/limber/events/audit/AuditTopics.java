package org.limber.events.audit;

/** Topic names of the access audit. */
public final class AuditTopics {

    /**
     * {@link MemberDataAccessed} events, key = member id: written through the outbox of routine-service,
     * progress-service and engagement-service, consumed by progress-service only (its {@code access_log}).
     */
    public static final String MEMBER_ACCESS = "audit.member-access";

    private AuditTopics() {}
}
