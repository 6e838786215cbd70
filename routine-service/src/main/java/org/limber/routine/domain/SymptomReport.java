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

/** Red-flag symptoms a member reported without a session; never changes once written. */
@Entity
@Immutable
@Table(name = "symptom_report")
@IdClass(SymptomReport.Key.class)
public class SymptomReport {

    public record Key(String memberId, UUID reportId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "member_id")
    public String memberId;

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "red_flags")
    public List<String> redFlags;

    public String note;

    /** A hash of the request, to tell a retry (same content) from a clash (same id, other content). */
    @Column(name = "request_hash")
    public String requestHash;

    /** Whether the report suspended a plan (false when the member had none, or it was suspended already). */
    @Column(name = "plan_suspended")
    public boolean planSuspended;
}
