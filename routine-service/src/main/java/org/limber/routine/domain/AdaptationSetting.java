package org.limber.routine.domain;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Whether a member's plan adapts automatically; without a row it does. */
@Entity
@Table(name = "adaptation_setting")
public class AdaptationSetting {

    @Id
    @Column(name = "member_id")
    public String memberId;

    public boolean enabled;

    /** After spine surgery: a clinician has cleared automatic progression (stepping the plan up) for the member. */
    @Column(name = "progression_cleared")
    public boolean progressionCleared;

    /** When a clinician last withdrew the clearance (a new wait for it begins); null if never. */
    @Column(name = "clearance_withdrawn_at")
    public Instant clearanceWithdrawnAt;

    public String reason;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;
}
