package org.limber.routine.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.routine.domain.CareAssignment;
import org.limber.routine.repository.CareAssignmentRepository;

/** Which clinician looks after which member; a clinician sees only the members on their panel. */
@ApplicationScoped
public class CareTeamService {

    private final CareAssignmentRepository assignments;

    public CareTeamService(CareAssignmentRepository assignments) {
        this.assignments = assignments;
    }

    @Transactional
    public CareAssignment assign(String memberId, String clinicianId, String admin) {
        CareAssignment assignment = assignments.findByIdOptional(memberId).orElse(null);
        boolean isNew = assignment == null;
        if (isNew) {
            assignment = new CareAssignment();
            assignment.memberId = memberId;
        }
        assignment.clinicianId = clinicianId;
        assignment.assignedBy = admin;
        assignment.assignedAt = Timestamps.now();
        if (isNew) {
            assignments.persist(assignment);
        }
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
            throw new ProblemException(403, "forbidden", "Forbidden", "This member is not on your panel.", java.util.List.of());
        }
    }
}
