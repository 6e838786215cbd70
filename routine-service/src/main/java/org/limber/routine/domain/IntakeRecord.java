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

import org.limber.routine.domain.intake.Intake;

/** An intake a member took, with its outcome. */
@Entity
@Table(name = "intake")
public class IntakeRecord {

    @Id
    public UUID id;

    @Column(name = "member_id")
    public String memberId;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public Intake answers;

    /** The answers as they stand on {@code day}: durations worked out from the intake's date (answers age). */
    public Intake answersOn(java.time.LocalDate day) {
        return answers.on(java.time.LocalDate.ofInstant(submittedAt, java.time.ZoneOffset.UTC), day);
    }

    @Enumerated(EnumType.STRING)
    public IntakeAssessment.Outcome outcome;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "red_flags")
    public List<String> redFlags;

    /** Why the intake needs a clinician's review instead of a plan (outcome NEEDS_REVIEW). */
    @Column(name = "review_reason")
    public String reviewReason;
}
