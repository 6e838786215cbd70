package org.limber.routine.domain;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The clinician who looks after a member: their plan is on that clinician's panel. */
@Entity
@Table(name = "care_assignment")
public class CareAssignment {

    @Id
    @Column(name = "member_id")
    public String memberId;

    @Column(name = "clinician_id")
    public String clinicianId;

    @Column(name = "assigned_by")
    public String assignedBy;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** Per member, increasing with every assignment that changed the clinician (1, 2, ...). */
    public long sequence;
}
