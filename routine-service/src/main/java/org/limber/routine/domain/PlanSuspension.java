package org.limber.routine.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A suspension of a member's self-guided plan by a red flag, and its end when a clinician on the
 * member's panel resumed the plan or built a new version. Open (not resumed) means suspended.
 */
@Entity
@Table(name = "plan_suspension")
public class PlanSuspension {

    /** What reported the red flag. */
    public enum Cause {
        /** A red flag answered yes at a repeat intake. */
        INTAKE,
        /** A red flag reported with a session. */
        SESSION,
        /** A red flag reported on its own (POST /members/me/symptoms). */
        SYMPTOM_REPORT
    }

    /**
     * How the plan came back: RESUMED after a clinician's review; TAILORED only in suspensions ended before
     * issue 20, when a new version ended a suspension (no longer: only a review does).
     */
    public enum How {
        RESUMED,
        TAILORED
    }

    @Id
    public UUID id;

    @Column(name = "member_id")
    public String memberId;

    /**
     * The plan version suspended; null for a referral before any plan (a red flag at the first intake, or
     * reported before one): the member is held all the same, so that answering the intake again cannot undo
     * the referral before a clinician has reviewed it.
     */
    @Column(name = "plan_version")
    public Integer planVersion;

    public long sequence;

    @Enumerated(EnumType.STRING)
    public Cause cause;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "red_flags")
    public List<String> redFlags;

    @Column(name = "source_id")
    public UUID sourceId;

    @Column(name = "suspended_at")
    public Instant suspendedAt;

    @Column(name = "resumed_sequence")
    public Long resumedSequence;

    @Column(name = "resumed_at")
    public Instant resumedAt;

    @Column(name = "resumed_by")
    public String resumedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "resumed_how")
    public How resumedHow;

    @Column(name = "resumed_version")
    public Integer resumedVersion;

    @Column(name = "resume_note")
    public String resumeNote;

    /** The clinician's review that ended the suspension (null for those ended before reviews were recorded). */
    @Column(name = "review_id")
    public UUID reviewId;

    public boolean open() {
        return resumedAt == null;
    }

    /** A first-intake referral: no plan is suspended, the member waits for a clinician's review. */
    public boolean referral() {
        return planVersion == null;
    }
}
