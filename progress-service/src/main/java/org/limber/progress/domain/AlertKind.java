package org.limber.progress.domain;

/** The kinds of care-team alert; their severity, thresholds and reasons are in rules/alert-rules.yaml. */
public enum AlertKind {
    RED_FLAG_SYMPTOM,
    REFERRAL,
    NEEDS_REVIEW,
    HIGH_PAIN,
    PAIN_ABOVE_BASELINE,
    INACTIVE,
    LOW_ADHERENCE,
    CANNOT_REGRESS,
    CLEARANCE_OVERDUE,
    NO_RESPONSE,
    PSYCHOSOCIAL_RISK
}
