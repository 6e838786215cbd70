package org.limber.routine.service;

import java.time.Clock;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.routine.domain.CareAssignment;
import org.limber.routine.messaging.outbound.MemberEvents;
import org.limber.routine.repository.CareAssignmentRepository;
import org.limber.routine.repository.PlanRepository;

/** Which clinician looks after which member; a clinician sees only the members on their panel. */
@ApplicationScoped
public class CareTeamService {

    private final CareAssignmentRepository assignments;
    private final PlanRepository plans;
    private final MemberEvents events;
    private final Clock clock;

    public CareTeamService(
            CareAssignmentRepository assignments, PlanRepository plans, MemberEvents events, Clock clock) {
        this.assignments = assignments;
        this.plans = plans;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Puts the member on the clinician's panel, with the next number of the member's assignment
     * sequence and a CareTeamAssigned event, whether or not the member has a plan. When the member
     * has a plan, its PlanAssigned event is sent again with the new clinician too. The same
     * assignment again changes nothing and publishes nothing.
     */
    @Transactional
    public CareAssignment assign(String memberId, String clinicianId, String admin) {
        plans.lockMember(memberId);
        CareAssignment assignment = assignments.findByIdOptional(memberId).orElse(null);
        if (assignment != null && assignment.clinicianId.equals(clinicianId)) {
            return assignment;
        }
        boolean isNew = assignment == null;
        if (isNew) {
            assignment = new CareAssignment();
            assignment.memberId = memberId;
            assignment.sequence = 1;
        } else {
            assignment.sequence++;
        }
        assignment.clinicianId = clinicianId;
        assignment.assignedBy = admin;
        assignment.assignedAt = Timestamps.now(clock);
        if (isNew) {
            assignments.persist(assignment);
        }
        events.careTeamAssigned(assignment);
        plans.current(memberId).ifPresent(plan -> events.planAssigned(plan, clinicianId));
        return assignment;
    }

    @Transactional
    public Optional<String> clinicianOf(String memberId) {
        return assignments.findByIdOptional(memberId).map(a -> a.clinicianId);
    }

    /** Throws 403 unless the member is on the clinician's panel. */
    @Transactional
    public void requireOnPanel(String clinicianId, String memberId) {
        if (!clinicianOf(memberId).map(clinicianId::equals).orElse(false)) {
            throw ProblemException.forbidden("This member is not on your panel.");
        }
    }
}
