package org.limber.routine.domain;

import java.time.Instant;
import java.util.UUID;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.limber.routine.domain.plan.PlanChange;

/** A change a plan version made, stored; {@code undoneIn} is the version that undid it. */
@Entity
@Table(name = "plan_change")
public class PlanChangeRecord {

    @Id
    public UUID id;

    @Column(name = "member_id")
    public String memberId;

    @Column(name = "plan_version")
    public int planVersion;

    @Enumerated(EnumType.STRING)
    public Plan.Source source;

    @Enumerated(EnumType.STRING)
    public PlanChange.ChangeType kind;

    public String slug;

    @Column(name = "from_item")
    @JdbcTypeCode(SqlTypes.JSON)
    public PlanChange.ItemState from;

    @Column(name = "to_item")
    @JdbcTypeCode(SqlTypes.JSON)
    public PlanChange.ItemState to;

    public String reason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "undone_in")
    public Integer undoneIn;

    public PlanChange change() {
        return new PlanChange(kind, slug, from, to, reason);
    }
}
