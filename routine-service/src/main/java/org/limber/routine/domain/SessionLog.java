package org.limber.routine.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A session a member logged, as reported. */
@Entity
@Immutable
@Table(name = "session_log")
@IdClass(SessionLog.Key.class)
public class SessionLog {

    public record Key(String memberId, UUID sessionId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "member_id")
    public String memberId;

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "plan_version")
    public int planVersion;

    @Column(name = "session_number")
    public int sessionNumber;

    @Column(name = "performed_at")
    public Instant performedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** A hash of the request, to tell a retry (same content) from a clash (same id, other content). */
    @Column(name = "request_hash")
    public String requestHash;

    @JdbcTypeCode(SqlTypes.JSON)
    public SessionReport report;
}
