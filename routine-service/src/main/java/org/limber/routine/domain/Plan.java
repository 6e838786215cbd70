package org.limber.routine.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.limber.routine.domain.plan.PlanProposal;

/** One version of a member's plan; never changes once written. The highest version is in force. */
@Entity
@Immutable
@Table(name = "plan")
@IdClass(Plan.Key.class)
public class Plan {

    public enum Source {
        INTAKE,
        CLINICIAN,
        ADAPTATION
    }

    public record Key(String memberId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "member_id")
    public String memberId;

    @Id
    public int version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Enumerated(EnumType.STRING)
    public Source source;

    public String author;

    public String note;

    @Column(name = "override_reason")
    public String overrideReason;

    @Column(name = "intake_id")
    public UUID intakeId;

    @Column(name = "sessions_per_week")
    public int sessionsPerWeek;

    @Column(name = "minutes_per_session")
    public int minutesPerSession;

    @Column(name = "baseline_pain")
    public int baselinePain;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> conditions;

    @JdbcTypeCode(SqlTypes.JSON)
    public PlanProposal proposal;

    /** The progress assessment this version was adapted from, if it was. */
    @Column(name = "assessment_id")
    public UUID assessmentId;

    /** Whether this is the gentle plan for a flare, in place of the usual one. */
    public boolean flare;

    /** Whether this is the plan from before a flare, one step easier, for the first week after it. */
    @Column(name = "after_flare")
    public boolean afterFlare;

    /** The first day of the plan week that contains {@code day}. */
    public LocalDate weekStart(LocalDate day) {
        long weeks = Math.max(0, ChronoUnit.DAYS.between(startDate, day) / 7);
        return startDate.plusWeeks(weeks);
    }
}
