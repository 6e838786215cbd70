package org.limber.routine.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A member's checked and scored answer to a validated questionnaire; never changes once written. */
@Entity
@Immutable
@Table(name = "questionnaire_response")
public class QuestionnaireResponseRecord {

    /** One item's score, as QuestionnaireCompleted carries it. */
    public record Answer(String linkId, int value) {}

    @Id
    @Column(name = "response_id")
    public UUID responseId;

    @Column(name = "member_id")
    public String memberId;

    /** PEG or STARTBACK. */
    public String questionnaire;

    /** url|version of the Questionnaire answered. */
    public String canonical;

    public String timepoint;

    @Column(name = "authored_at")
    public Instant authoredAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Answer> answers;

    public double score;

    public Integer subscale;

    @Column(name = "risk_group")
    public String riskGroup;

    @Column(name = "request_hash")
    public String requestHash;
}
