package org.limber.routine.domain;

import java.time.Instant;
import java.time.LocalDate;
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

import org.limber.events.member.ProgressAssessed;

/** An assessment received from progress-service, and what it led to. */
@Entity
@Table(name = "assessment_received")
public class AssessmentRecord {

    /** What an assessment led to. */
    public enum Decision {
        /** A new plan version. */
        ADAPTED,
        /** The plan stays as it is. */
        HELD,
        /** A red flag: automatic adaptation stopped, the care team takes over. */
        STOPPED,
        /** Automatic adaptation is off for this member. */
        ADAPTATION_OFF,
        /** The assessed plan version is no longer in force. */
        SUPERSEDED,
        /** The member has no plan. */
        NO_PLAN,
        /** The plan is suspended by a red flag until a clinician has looked: nothing adapts. */
        SUSPENDED
    }

    @Id
    public UUID id;

    @Column(name = "member_id")
    public String memberId;

    @Column(name = "plan_version")
    public int planVersion;

    @Column(name = "week_start")
    public LocalDate weekStart;

    public String trigger;

    @Column(name = "received_at")
    public Instant receivedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public ProgressAssessed payload;

    @Column(name = "rule_id")
    public String ruleId;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    public String summary;

    @Column(name = "result_version")
    public Integer resultVersion;

    /** The reviews (MemberNeedsReview codes) this assessment asked a clinician for. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> reviews = List.of();
}
