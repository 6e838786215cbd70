package org.limber.events.member;

/** Topic names of the events progress-service publishes. */
public final class ProgressTopics {

    /**
     * {@link CareAlertRaised}, {@link CareAlertAcknowledged} and {@link CareAlertResolved} events, key = member id
     * (event type in the CloudEvents {@code ce_type} header).
     */
    public static final String CARE_ALERTS = "progress.care-alerts";

    /** {@link ProgressAssessed} events, key = member id. */
    public static final String ASSESSMENTS = "progress.assessments";

    private ProgressTopics() {}
}
