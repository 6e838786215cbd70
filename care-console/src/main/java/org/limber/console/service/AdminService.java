package org.limber.console.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.limber.console.client.ProgressClient;
import org.limber.console.client.ProgressViews.Outcomes;
import org.limber.console.client.RoutineClient;
import org.limber.console.client.RoutineViews.Assignment;
import org.limber.console.client.RoutineViews.AssignmentView;

import static org.limber.console.service.ServiceCalls.call;

/** Admins' work: care-team assignment (routine-service) and the outcomes report (progress-service). */
@ApplicationScoped
public class AdminService {

    private final RoutineClient routine;
    private final ProgressClient progress;

    public AdminService(@RestClient RoutineClient routine, @RestClient ProgressClient progress) {
        this.routine = routine;
        this.progress = progress;
    }

    public AssignmentView assign(String memberId, String clinicianId) {
        return call(CareService.ROUTINE, () -> routine.assign(memberId, new Assignment(clinicianId)));
    }

    public Outcomes outcomes(String startMonth) {
        return call(CareService.PROGRESS, () -> progress.outcomes(startMonth));
    }
}
