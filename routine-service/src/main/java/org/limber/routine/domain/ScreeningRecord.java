package org.limber.routine.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A red-flag screening a member answered after their intake; never changes once written. */
@Entity
@Immutable
@Table(name = "screening")
@IdClass(ScreeningRecord.Key.class)
public class ScreeningRecord {

    public record Key(String memberId, UUID screeningId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "member_id")
    public String memberId;

    @Id
    @Column(name = "screening_id")
    public UUID screeningId;

    @Column(name = "taken_at")
    public Instant takenAt;

    /** The questions answered yes (every other one was answered no). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "answered_yes")
    public List<String> answeredYes;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "plan_suspended")
    public boolean planSuspended;
}
