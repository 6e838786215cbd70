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
 * A clinician's structured review of a suspended plan or a first-intake referral: which red flags
 * they assessed, what they concluded, who and when. Only a review ends a suspension.
 */
@Entity
@Table(name = "suspension_review")
public class SuspensionReview {

    /** What the clinician concluded. */
    public enum Outcome {
        /** The red flags were assessed and a serious cause excluded: the self-guided plan may go on. */
        EXCLUDED_SAFE_TO_CONTINUE,
        /**
         * The member was referred on (urgent care, a specialist, imaging). The review is recorded and the plan
         * stays suspended: a self-guided plan does not run beside a referral still being worked up. A later
         * review ends it.
         */
        REFERRED_ON,
        /** Anything else, said in the outcome text; the plan goes on. */
        OTHER;

        /** Whether a review with this outcome ends the suspension. */
        public boolean endsSuspension() {
            return this != REFERRED_ON;
        }
    }

    @Id
    public UUID id;

    @Column(name = "suspension_id")
    public UUID suspensionId;

    @Column(name = "member_id")
    public String memberId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "red_flags_assessed")
    public List<String> redFlagsAssessed;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "outcome_text")
    public String outcomeText;

    public String note;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "ended_suspension")
    public boolean endedSuspension;
}
