package org.limber.progress.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;

import org.limber.progress.fhir.CarePlanMapper;
import org.limber.progress.fhir.FhirCodes;
import org.limber.progress.fhir.FhirOutcome;
import org.limber.progress.fhir.FhirParams;
import org.limber.progress.fhir.FhirParams.Range;
import org.limber.progress.fhir.ObservationMapper;
import org.limber.progress.fhir.QuestionnaireResponseMapper;
import org.limber.progress.repository.FhirReader;
import org.limber.progress.repository.FhirReader.WeekActivity;
import org.limber.progress.repository.PlanDetailStore;
import org.limber.progress.repository.ProgressReader;
import org.limber.progress.repository.QuestionnaireStore;

/**
 * The FHIR API's reads: who may read a patient, and their resources (mapping in {@code fhir}'s plain classes). A
 * clinician reads the members of their panel, an admin any member, a member only themselves; anything else is a 403
 * (a 404 for an admin asking for a member progress-service has never seen).
 */
@ApplicationScoped
public class FhirService {

    /** The most of each kind one read takes in (a member's sessions over years; paging goes up to it). */
    public static final int MAX_ROWS = 10_000;

    /** The caller: their id and roles. */
    public record Caller(String id, boolean admin, boolean clinician, boolean member) {}

    private final ProgressReader profiles;
    private final FhirReader facts;
    private final QuestionnaireStore questionnaires;
    private final PlanDetailStore plans;

    public FhirService(
            ProgressReader profiles, FhirReader facts, QuestionnaireStore questionnaires, PlanDetailStore plans) {
        this.profiles = profiles;
        this.facts = facts;
        this.questionnaires = questionnaires;
        this.plans = plans;
    }

    /** Checks that the caller may read the member's records (403 or 404 as an OperationOutcome otherwise). */
    public void authorize(Caller caller, String memberId) {
        if (caller.member() && caller.id().equals(memberId)) {
            return;
        }
        Optional<ProgressReader.Profile> profile = profiles.profile(memberId);
        if (caller.admin()) {
            if (profile.isEmpty()) {
                throw FhirOutcome.notFound("No patient " + memberId);
            }
            return;
        }
        if (caller.clinician()
                && profile.map(p -> caller.id().equals(p.clinicianId())).orElse(false)) {
            return;
        }
        throw FhirOutcome.forbidden("You may not read this patient's records.");
    }

    /** The member's observations of the codes in the range, oldest first. */
    public List<Observation> observations(String memberId, Set<String> codes, Range range) {
        List<Observation> result = new ArrayList<>();
        if (codes.contains(FhirCodes.PAIN)) {
            facts.sessions(memberId, range.from(), range.to(), MAX_ROWS)
                    .forEach(s -> result.add(ObservationMapper.sessionPain(memberId, s)));
        }
        if (codes.contains(FhirCodes.PEG)) {
            questionnaires.responses(memberId, MAX_ROWS).stream()
                    .filter(r -> "PEG".equals(r.questionnaire()) && range.contains(r.authoredAt()))
                    .forEach(r -> result.add(ObservationMapper.peg(memberId, r)));
        }
        if (codes.contains(FhirCodes.EXERCISE_DAYS) || codes.contains(FhirCodes.EXERCISE_MINUTES)) {
            // A week is in the range when a session of it is (its effective period is the whole week).
            for (WeekActivity w : facts.weeks(memberId, range.from(), range.to(), MAX_ROWS)) {
                if (codes.contains(FhirCodes.EXERCISE_DAYS)) {
                    result.add(ObservationMapper.exerciseDays(memberId, w));
                }
                if (codes.contains(FhirCodes.EXERCISE_MINUTES)) {
                    result.add(ObservationMapper.exerciseMinutes(memberId, w));
                }
            }
        }
        result.sort(Comparator.comparing(FhirService::effective));
        return result;
    }

    public List<QuestionnaireResponse> questionnaireResponses(String memberId) {
        return questionnaires.responses(memberId, MAX_ROWS).stream()
                .map(QuestionnaireResponseMapper::map)
                .toList();
    }

    /** The plan in force, or none. */
    public List<CarePlan> carePlans(String memberId) {
        return plans.inForce(memberId).map(CarePlanMapper::map).stream().toList();
    }

    /** The patient (an id only: Limber keeps no demographics here) and every resource of theirs. */
    public List<Resource> everything(String memberId) {
        List<Resource> all = new ArrayList<>();
        Patient patient = new Patient();
        patient.setId(FhirParams.id("id", memberId));
        patient.setActive(true);
        all.add(patient);
        all.addAll(observations(memberId, FhirParams.OBSERVATION_CODES, FhirParams.dates(null)));
        all.addAll(questionnaireResponses(memberId));
        all.addAll(carePlans(memberId));
        return all;
    }

    private static Instant effective(Observation o) {
        return o.hasEffectivePeriod()
                ? o.getEffectivePeriod().getStart().toInstant()
                : o.getEffectiveDateTimeType().getValue().toInstant();
    }
}
