package org.limber.routine.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.problem.Problem.FieldProblem;
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
    private final PersonDirectory directory;

    public CareTeamService(
            CareAssignmentRepository assignments,
            PlanRepository plans,
            MemberEvents events,
            Clock clock,
            PersonDirectory directory) {
        this.assignments = assignments;
        this.plans = plans;
        this.events = events;
        this.clock = clock;
        this.directory = directory;
    }

    /** {@link #assign}, once the clinician is known to be an enabled clinician (else a 422 naming clinicianId). */
    public CareAssignment assignToClinician(String memberId, String clinicianId, String admin) {
        directory.requireClinician(clinicianId, "clinicianId");
        return assign(memberId, clinicianId, admin);
    }

    /** What moving a panel did: the members moved now, and those left on the panel (moved meanwhile). */
    public record Moved(String fromClinicianId, String toClinicianId, int moved) {}

    /**
     * Moves every member on {@code from}'s panel to {@code to}'s (an enabled clinician, else a 422
     * naming toClinicianId), each as its own assignment: under the member's lock, with its
     * CareTeamAssigned (and PlanAssigned) event, in a transaction of its own, so that a move cut short
     * is finished by the same request again. A member already on {@code to}'s panel is left as is; a
     * second move finds nothing to move.
     */
    public Moved movePanel(String from, String to, String admin) {
        if (from.equals(to)) {
            throw ProblemException.invalid(
                    422,
                    "A panel moves to another clinician.",
                    List.of(new FieldProblem("toClinicianId", "is the clinician the panel moves from")));
        }
        directory.requireClinician(to, "toClinicianId");
        int moved = 0;
        for (String memberId : panelOf(from)) {
            if (moveOne(memberId, from, to, admin)) {
                moved++;
            }
        }
        return new Moved(from, to, moved);
    }

    @Transactional
    List<String> panelOf(String clinicianId) {
        return assignments.panel(clinicianId);
    }

    /** Moves the member unless they left {@code from}'s panel meanwhile. */
    @Transactional
    boolean moveOne(String memberId, String from, String to, String admin) {
        plans.lockMember(memberId);
        if (!clinicianOf(memberId).map(from::equals).orElse(false)) {
            return false;
        }
        assign(memberId, to, admin);
        return true;
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
