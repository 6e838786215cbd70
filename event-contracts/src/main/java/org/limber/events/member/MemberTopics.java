package org.limber.events.member;

/** Topic names of the events routine-service publishes about members. */
public final class MemberTopics {

    /**
     * Every event about a member ({@link PlanAssigned}, {@link SessionCompleted},
     * {@link MemberReferred}, {@link MemberNeedsReview}, {@link CareTeamAssigned},
     * {@link SymptomsReported}, {@link PlanSuspended}, {@link PlanResumed}, {@link QuestionnaireCompleted}),
     * key = member id, so
     * one member's events stay in order.
     * Event type in the CloudEvents {@code ce_type} header.
     */
    public static final String EVENTS = "routine.member-events";

    private MemberTopics() {}
}
