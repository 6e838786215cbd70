package org.limber.engagement.service;

import java.time.Clock;
import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.time.Timestamps;
import org.limber.engagement.repository.MemberStore;
import org.limber.events.member.CareTeamAssigned;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.PlanResumed;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.SessionCompleted;

/**
 * Applies routine's member events to what reminders and the care-team panel need: the plan, its suspension,
 * the clinician, the sessions logged. Each write keeps the highest version or sequence (sessions are
 * keyed by their id), so an event applied twice changes nothing and events out of order leave the newest state.
 */
@ApplicationScoped
public class IntakeService {

    private final MemberStore members;
    private final Clock clock;

    public IntakeService(MemberStore members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    @Transactional
    public void memberEvent(Object event) {
        Instant now = Timestamps.now(clock);
        if (event instanceof PlanAssigned e) {
            members.plan(e.memberId(), e.planVersion(), e.sessionsPerWeek(), now);
        } else if (event instanceof SessionCompleted e) {
            members.session(e.memberId(), e.sessionId(), e.performedAt());
        } else if (event instanceof PlanSuspended e) {
            members.status(e.memberId(), true, e.sequence(), now);
        } else if (event instanceof PlanResumed e) {
            members.status(e.memberId(), false, e.sequence(), now);
        } else if (event instanceof CareTeamAssigned e) {
            members.careTeam(e.memberId(), e.clinicianId(), e.sequence(), now);
        } else {
            throw new IllegalArgumentException("not a member event: " + event.getClass());
        }
    }
}
