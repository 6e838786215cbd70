package org.limber.routine.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.limber.common.problem.Problem.FieldProblem;
import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.routine.config.RoutineConfig;
import org.limber.routine.domain.QuestionnaireResponseRecord;
import org.limber.routine.domain.SessionChecks;
import org.limber.routine.domain.questionnaire.Instruments;
import org.limber.routine.domain.questionnaire.QuestionnairePlan;
import org.limber.routine.domain.questionnaire.ResponseCheck;
import org.limber.routine.domain.questionnaire.Scoring;
import org.limber.routine.messaging.outbound.MemberEvents;
import org.limber.routine.repository.PlanRepository;
import org.limber.routine.repository.QuestionnaireResponseRepository;

/**
 * The validated questionnaires (PEG, STarT Back): what is due for a member ({@link QuestionnairePlan}), and their
 * answers, checked against the shipped Questionnaire ({@link ResponseCheck}), scored ({@link Scoring}), stored and
 * published as QuestionnaireCompleted in one transaction. The client's response id makes an answer idempotent.
 */
@ApplicationScoped
public class QuestionnaireService {

    /** An answer as received: the QuestionnaireResponse's id, when it was authored, its items. */
    public record NewResponse(UUID responseId, String code, Instant authoredAt, List<ResponseCheck.GivenItem> items) {}

    /** The stored answer; replay on a retry. */
    public record Answered(QuestionnaireResponseRecord response, boolean replay) {}

    /** What is due now, what was answered (newest first), and the program's start (null before any plan). */
    public record Overview(
            List<QuestionnairePlan.Due> due, List<QuestionnaireResponseRecord> answered, LocalDate programStart) {}

    private final Instruments instruments;
    private final QuestionnairePlan schedule = QuestionnairePlan.load();
    private final QuestionnaireResponseRepository responses;
    private final PlanRepository plans;
    private final MemberEvents events;
    private final RequestHash hashes;
    private final RoutineConfig config;
    private final Clock clock;

    public QuestionnaireService(
            ObjectMapper json,
            QuestionnaireResponseRepository responses,
            PlanRepository plans,
            MemberEvents events,
            RequestHash hashes,
            RoutineConfig config,
            Clock clock) {
        this.instruments = Instruments.load(json);
        this.responses = responses;
        this.plans = plans;
        this.events = events;
        this.hashes = hashes;
        this.config = config;
        this.clock = clock;
    }

    /** A shipped questionnaire by its code (404 for any other code). */
    public Instruments.Shipped questionnaire(String code) {
        return instruments.find(code).orElseThrow(() -> ProblemException.notFound("No questionnaire " + code + "."));
    }

    public List<Instruments.Shipped> questionnaires() {
        return instruments.all();
    }

    public QuestionnairePlan schedule() {
        return schedule;
    }

    @Transactional
    public Overview overview(String memberId, LocalDate today) {
        List<QuestionnaireResponseRecord> answered = responses.of(memberId);
        LocalDate start = responses.programStart(memberId).orElse(null);
        return new Overview(start == null ? List.of() : due(start, today, answered), answered, start);
    }

    private List<QuestionnairePlan.Due> due(
            LocalDate start, LocalDate day, List<QuestionnaireResponseRecord> answered) {
        return schedule.due(
                start,
                day,
                answered.stream()
                        .map(r -> new QuestionnairePlan.Answered(
                                r.questionnaire,
                                org.limber.routine.domain.questionnaire.Timepoint.valueOf(r.timepoint)))
                        .toList());
    }

    @Transactional
    public Answered answer(String memberId, NewResponse request) {
        Instruments.Shipped shipped = questionnaire(request.code());
        Instant now = Timestamps.now(clock);
        Instant authored = request.authoredAt() == null ? now : request.authoredAt();
        List<FieldProblem> problems = new ArrayList<>();
        SessionChecks.recent(authored, "authored", now, SessionService.window(config), problems);
        ResponseCheck.Checked checked = ResponseCheck.check(shipped.instrument(), request.items());
        problems.addAll(checked.problems());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(
                    400, "The answers do not fit the questionnaire " + request.code() + ".", problems);
        }
        // The request as sent (authored as given, null when left out): a retry hashes the same.
        String hash = hashes.of(request);
        plans.lockMember(memberId);
        Optional<QuestionnaireResponseRecord> existing = responses.findByIdOptional(request.responseId());
        if (existing.isPresent()) {
            if (!existing.get().memberId.equals(memberId)
                    || !existing.get().requestHash.equals(hash)) {
                throw ProblemException.conflict("The response " + request.responseId()
                        + " was sent already with other answers; a new response needs a new id.");
            }
            return new Answered(existing.get(), true);
        }
        QuestionnairePlan.Due due = dueNow(memberId, request.code(), LocalDate.ofInstant(authored, ZoneOffset.UTC));
        Scoring.Score score = Scoring.score(request.code(), checked.values());
        QuestionnaireResponseRecord record = new QuestionnaireResponseRecord();
        record.responseId = request.responseId();
        record.memberId = memberId;
        record.questionnaire = request.code();
        record.canonical = shipped.instrument().canonical();
        record.timepoint = due.timepoint().name();
        record.authoredAt = Timestamps.stored(authored);
        record.receivedAt = now;
        record.answers = checked.values().entrySet().stream()
                .map(e -> new QuestionnaireResponseRecord.Answer(e.getKey(), e.getValue()))
                .toList();
        record.score = score.score();
        record.subscale = score.subscale();
        record.riskGroup = score.riskGroup() == null ? null : score.riskGroup().name();
        record.requestHash = hash;
        responses.persist(record);
        events.questionnaireCompleted(record);
        return new Answered(record, false);
    }

    private QuestionnairePlan.Due dueNow(String memberId, String code, LocalDate day) {
        LocalDate start = responses
                .programStart(memberId)
                .orElseThrow(() -> notDue(code + " is asked once the program has started (after the intake's plan)."));
        return due(start, day, responses.of(memberId)).stream()
                .filter(d -> d.questionnaire().equals(code))
                .findFirst()
                .orElseThrow(() -> notDue("Nothing of " + code + " is due on " + day
                        + " (answered already, or not yet due); GET /members/me/questionnaires lists what is."));
    }

    private static ProblemException notDue(String detail) {
        return new ProblemException(409, "not-due", "Not due", detail, List.of());
    }

    /** The member's stratified-care pathway from their newest STarT Back answer (empty without one). */
    @Transactional
    public Optional<Pathway> pathway(String memberId) {
        return responses.latest(memberId, Scoring.STARTBACK).flatMap(r -> {
            Scoring.RiskGroup group = Scoring.RiskGroup.valueOf(r.riskGroup);
            return schedule.pathway(group).map(p -> new Pathway(group, p));
        });
    }

    /** A member's risk group and its pathway. */
    public record Pathway(Scoring.RiskGroup riskGroup, QuestionnairePlan.Pathway pathway) {}

    /**
     * Whether the weekly assessment of the week starting {@code weekStart} asks a clinician's follow-up review
     * (STarT Back medium risk: at week 2 of the program, once). Runs in the caller's transaction.
     */
    public Optional<QuestionnairePlan.Pathway> followUp(String memberId, LocalDate weekStart, boolean alreadyAsked) {
        Optional<Pathway> pathway = pathway(memberId);
        Optional<LocalDate> start = responses.programStart(memberId);
        if (pathway.isEmpty() || start.isEmpty()) {
            return Optional.empty();
        }
        return schedule.followUpDue(pathway.get().riskGroup(), start.get(), weekStart, alreadyAsked)
                ? Optional.of(pathway.get().pathway())
                : Optional.empty();
    }
}
