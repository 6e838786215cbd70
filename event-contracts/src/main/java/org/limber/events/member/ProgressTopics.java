package org.limber.events.member;

/** Topic names of the events progress-service publishes. */
public final class ProgressTopics {

    /** {@link CareAlertRaised} events, key = member id. */
    public static final String CARE_ALERTS = "progress.care-alerts";

    /** {@link ProgressAssessed} events, key = member id. */
    public static final String ASSESSMENTS = "progress.assessments";

    private ProgressTopics() {}
}
