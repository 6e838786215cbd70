package org.limber.events.privacy;

/** Topic names of the erasure of a member (GDPR Art. 17), key = member id on both. */
public final class PrivacyTopics {

    /** {@link MemberErasureRequested}: routine-service asks every service to erase a member. */
    public static final String ERASURE_REQUESTS = "privacy.erasure-requests";

    /** {@link MemberErased}: a service reports it has erased the member's rows. */
    public static final String ERASURE_REPORTS = "privacy.erasure-reports";

    private PrivacyTopics() {}
}
