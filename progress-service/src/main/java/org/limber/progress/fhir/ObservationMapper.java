package org.limber.progress.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

import org.limber.progress.repository.FhirReader.SessionPain;
import org.limber.progress.repository.FhirReader.WeekActivity;
import org.limber.progress.repository.QuestionnaireStore.Response;

/**
 * Maps progress facts to FHIR R4 Observations.
 * <p>
 * A session's pain is ONE Observation (LOINC 72514-3) with three components, each coded 72514-3 with a Limber
 * coding that says when it was rated (before, the worst during, after): the three ratings are one act of reporting,
 * and a search by code 72514-3 finds each session once. The Observation has no value of its own: FHIR's invariant
 * obs-7 forbids one when a component has the Observation's code.
 */
public final class ObservationMapper {

    /** When in a session a pain was rated (Limber's code system). */
    public static final String PAIN_TIMING = "https://limber.example/fhir/CodeSystem/session-pain-timing";

    private ObservationMapper() {}

    public static Observation sessionPain(String memberId, SessionPain s) {
        Observation o = base("pain-" + s.sessionId(), memberId, FhirCodes.PAIN, "survey", "Survey");
        o.setEffective(new DateTimeType(Date.from(s.performedAt())));
        component(o, "before", "Pain before the session", s.before());
        component(o, "during-worst", "Worst pain during the session", s.during());
        component(o, "after", "Pain after the session", s.after());
        return o;
    }

    public static Observation peg(String memberId, Response r) {
        Observation o = base("peg-" + r.responseId(), memberId, FhirCodes.PEG, "survey", "Survey");
        o.setEffective(new DateTimeType(Date.from(r.authoredAt())));
        o.setValue(new Quantity()
                .setValue(BigDecimal.valueOf(r.score()).setScale(2, RoundingMode.HALF_UP))
                .setUnit("{score}")
                .setSystem(FhirCodes.UCUM)
                .setCode("{score}"));
        o.addDerivedFrom(new Reference("QuestionnaireResponse/" + r.responseId()));
        return o;
    }

    /** Days with a session that week (89555-7), in days per week. */
    public static Observation exerciseDays(String memberId, WeekActivity w) {
        Observation o = week("exdays-", memberId, w, FhirCodes.EXERCISE_DAYS);
        o.setValue(ucum(BigDecimal.valueOf(w.days()), "d/wk", "days per week"));
        return o;
    }

    /** Minutes of exercise per day with a session that week (68516-4): the plan's minutes a session, summed over the days. */
    public static Observation exerciseMinutes(String memberId, WeekActivity w) {
        Observation o = week("exmin-", memberId, w, FhirCodes.EXERCISE_MINUTES);
        BigDecimal perDay = w.days() == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(w.minutes()).divide(BigDecimal.valueOf(w.days()), 0, RoundingMode.HALF_UP);
        o.setValue(ucum(perDay, "min/d", "minutes per day"));
        return o;
    }

    private static Observation week(String prefix, String memberId, WeekActivity w, String code) {
        String key = memberId + "|" + w.weekStart();
        Observation o = base(
                prefix + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)),
                memberId,
                code,
                "activity",
                "Activity");
        o.setEffective(new Period()
                .setStart(Date.from(w.weekStart().atStartOfDay(ZoneOffset.UTC).toInstant()))
                .setEnd(Date.from(w.weekStart()
                        .plusDays(7)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .minusSeconds(1))));
        return o;
    }

    private static Observation base(String id, String memberId, String code, String category, String display) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(ObservationStatus.FINAL);
        o.addCategory(FhirCodes.category(category, display));
        o.setCode(FhirCodes.loinc(code, FhirCodes.display(code)));
        o.setSubject(new Reference("Patient/" + memberId));
        return o;
    }

    private static void component(Observation o, String timing, String display, int value) {
        CodeableConcept code = FhirCodes.loinc(FhirCodes.PAIN, FhirCodes.display(FhirCodes.PAIN));
        code.addCoding(new Coding(PAIN_TIMING, timing, display));
        code.setText(display);
        o.addComponent().setCode(code).setValue(new IntegerType(value));
    }

    private static Quantity ucum(BigDecimal value, String code, String unit) {
        return new Quantity()
                .setValue(value)
                .setUnit(unit)
                .setSystem(FhirCodes.UCUM)
                .setCode(code);
    }
}
