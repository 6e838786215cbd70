package org.limber.routine.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.paging.Page;
import org.limber.common.problem.Problem.FieldProblem;
import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.routine.config.RoutineConfig;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.PlanSuspension;
import org.limber.routine.domain.SessionChecks;
import org.limber.routine.domain.SessionLog;
import org.limber.routine.domain.SessionReport;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.plan.PlanProposal;
import org.limber.routine.messaging.outbound.MemberEvents;
import org.limber.routine.repository.PlanRepository;
import org.limber.routine.repository.SessionLogRepository;

/**
 * Records sessions members did. The client's session id makes it idempotent: a retry with the
 * same content gets the same answer and makes no second event; the same id with other content is
 * refused. The session and its SessionCompleted event are written in one transaction.
 *
 * <p>While the plan is suspended no session is accepted (409 plan-suspended; a retry of one logged
 * before still gets its answer). A session that reports red-flag symptoms happened, so it is stored
 * and published like any other, and it suspends the plan in the same transaction (PlanSuspended,
 * cause SESSION): the next session is refused until a clinician has looked.
 */
@ApplicationScoped
public class SessionService {

    /** What to log: the report, against which plan version and session, and when it was done. */
    public record NewSession(
            UUID sessionId, int planVersion, Integer sessionNumber, Instant performedAt, SessionReport report) {}

    /** What became of a session: logged, or refused (with the answer to give) and its red flags kept all the same. */
    public sealed interface Outcome permits Logged, Mismatched, WhileSuspended {}

    /** Logged: the session, and whether it was logged before by the same request. */
    public record Logged(SessionLog session, boolean replay) implements Outcome {}

    /**
     * Not logged, as it does not match the plan: the field problems, and the session's red-flag symptoms kept
     * as a symptom report (null when it reported none).
     */
    public record Mismatched(List<FieldProblem> problems, SymptomService.Reported keptSymptoms) implements Outcome {}

    /**
     * Not logged, as the plan is suspended: the 409 to answer (whatever else is wrong: no session can be logged,
     * so field problems would only mislead), and the session's red-flag symptoms kept (null when none).
     */
    public record WhileSuspended(ProblemException refusal, SymptomService.Reported keptSymptoms) implements Outcome {}

    /** The plan version and session a new session is checked against, with what is wrong with it. */
    private record Checked(Plan plan, int number, PlanProposal.Session prescribed, List<FieldProblem> problems) {}

    private final SessionLogRepository sessions;
    private final PlanRepository plans;
    private final MemberEvents events;
    private final RoutineConfig config;
    private final RequestHash hashes;
    private final SuspensionService suspensions;
    private final SymptomService symptoms;
    private final CareTeamService careTeam;
    private final Clock clock;

    public SessionService(
            SessionLogRepository sessions,
            PlanRepository plans,
            MemberEvents events,
            RoutineConfig config,
            RequestHash hashes,
            SuspensionService suspensions,
            SymptomService symptoms,
            CareTeamService careTeam,
            Clock clock) {
        this.careTeam = careTeam;
        this.sessions = sessions;
        this.plans = plans;
        this.events = events;
        this.config = config;
        this.hashes = hashes;
        this.suspensions = suspensions;
        this.symptoms = symptoms;
        this.clock = clock;
    }

    @Transactional
    public Outcome log(String memberId, NewSession request) {
        String hash = hashes.of(request);
        plans.lockMember(memberId);
        var existing = sessions.find(memberId, request.sessionId());
        if (existing.isPresent()) {
            if (existing.get().requestHash.equals(hash)) {
                return new Logged(existing.get(), true);
            }
            throw ProblemException.conflict("The session " + request.sessionId()
                    + " was logged already with other content; a new session needs a new id.");
        }
        Checked checked = check(memberId, request);
        boolean redFlags = request.report().redFlagSymptoms().stream().anyMatch(RedFlag::symptom);
        PlanSuspension open = suspensions.open(memberId).orElse(null);
        // Red flags are read first: a session refused for any reason (the plan suspended, an offline phone syncing
        // after a mid-week change, an exercise no longer in the plan) still has its red flags kept, suspending the
        // plan.
        if (open != null) {
            return new WhileSuspended(suspensions.refusal(open), redFlags ? keep(memberId, request) : null);
        }
        if (!checked.problems().isEmpty()) {
            return new Mismatched(checked.problems(), redFlags ? keep(memberId, request) : null);
        }
        SessionLog session = new SessionLog();
        session.memberId = memberId;
        session.sessionId = request.sessionId();
        session.planVersion = checked.plan().version;
        session.sessionNumber = checked.number();
        session.performedAt = Timestamps.stored(request.performedAt());
        session.receivedAt = Timestamps.now(clock);
        session.requestHash = hash;
        session.report = request.report();
        sessions.persist(session);
        events.sessionCompleted(session, checked.prescribed());
        suspensions.suspend(
                memberId, PlanSuspension.Cause.SESSION, request.report().redFlagSymptoms(), session.sessionId);
        return new Logged(session, false);
    }

    /** The session against its plan version: its time, its session number, its exercises and its red-flag codes. */
    private Checked check(String memberId, NewSession request) {
        List<FieldProblem> errors = new ArrayList<>();
        Plan plan = plans.version(memberId, request.planVersion()).orElse(null);
        PlanProposal.Session prescribed = null;
        int number = 0;
        if (plan == null) {
            errors.add(new FieldProblem("planVersion", "you have no plan version " + request.planVersion()));
        } else {
            SessionChecks.time(
                    request.performedAt(), plan.version, plan.startDate, Timestamps.now(clock), window(config), errors);
            number = request.sessionNumber() != null
                    ? request.sessionNumber()
                    : nextNumber(memberId, plan, request.performedAt());
            if (number < 1 || number > plan.proposal.sessions().size()) {
                errors.add(new FieldProblem(
                        "sessionNumber",
                        "plan version " + plan.version + " has sessions 1 to "
                                + plan.proposal.sessions().size()));
            } else {
                prescribed = plan.proposal.sessions().get(number - 1);
                SessionChecks.exercises(request.report().exercises(), prescribed, errors);
            }
        }
        request.report().redFlagSymptoms().stream()
                .filter(f -> !f.symptom())
                .forEach(f ->
                        errors.add(new FieldProblem("redFlagSymptoms", f + " is an intake answer, not a symptom")));
        return new Checked(plan, number, prescribed, List.copyOf(errors));
    }

    /**
     * A session that is not logged (its plan is suspended, or it does not match the plan) keeps its
     * red-flag symptoms as a symptom report with the session's id as the report's (a retry adds nothing),
     * stored, published, alerted and suspending the plan like any other. Its time is kept when it passes
     * the symptom report's checks, else the report is taken as of now: a wrong time must not lose it.
     */
    private SymptomService.Reported keep(String memberId, NewSession request) {
        List<FieldProblem> timeProblems = new ArrayList<>();
        boolean timeOk = SessionChecks.recent(
                request.performedAt(), "performedAt", Timestamps.now(clock), window(config), timeProblems);
        return symptoms.report(
                memberId,
                new SymptomService.NewReport(
                        request.sessionId(),
                        request.report().redFlagSymptoms().stream()
                                .filter(RedFlag::symptom)
                                .toList(),
                        request.report().note(),
                        timeOk ? request.performedAt() : null));
    }

    @Transactional
    public Page<SessionLog> history(String memberId, int page, int size) {
        return sessions.history(memberId, page, size);
    }

    /** A member's logged sessions for the clinician who has the member on their panel (403 for anyone else). */
    @Transactional
    public Page<SessionLog> historyForClinician(String clinicianId, String memberId, int page, int size) {
        careTeam.requireOnPanel(clinicianId, memberId);
        return sessions.history(memberId, page, size);
    }

    /** The window a phone's reported times must fall in, from the configuration. */
    static SessionChecks.Window window(RoutineConfig config) {
        return new SessionChecks.Window(
                config.sessions().clockSkew(), config.sessions().maxAge());
    }

    /** Without a session number: the next one of the plan week the session was done in. */
    private int nextNumber(String memberId, Plan plan, Instant performedAt) {
        LocalDate weekStart = plan.weekStart(LocalDate.ofInstant(performedAt, ZoneOffset.UTC));
        long done = sessions.countSince(
                memberId, weekStart.atStartOfDay(ZoneOffset.UTC).toInstant());
        return (int) (done % plan.proposal.sessions().size()) + 1;
    }
}
