package org.limber.progress.fhir;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CarePlan.CarePlanIntent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;

import org.limber.events.member.PlanAssigned;
import org.limber.events.member.PrescribedDose;
import org.limber.progress.repository.PlanDetailStore.PlanDetail;

/**
 * The plan in force as a FHIR R4 CarePlan: category SNOMED 229065009 (exercise therapy), one activity per exercise
 * with its dose (as text) and how many of the week's sessions include it (its timing).
 */
public final class CarePlanMapper {

    private CarePlanMapper() {}

    public static CarePlan map(PlanDetail plan) {
        CarePlan c = new CarePlan();
        String key = plan.memberId() + "|" + plan.planVersion();
        c.setId("plan-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
        c.setStatus("ACTIVE".equals(plan.planStatus()) ? CarePlanStatus.ACTIVE : CarePlanStatus.ONHOLD);
        c.setIntent(CarePlanIntent.PLAN);
        c.addCategory(
                new CodeableConcept(new Coding(FhirCodes.SNOMED, FhirCodes.EXERCISE_THERAPY, "Exercise therapy")));
        c.setTitle("Exercise plan, version " + plan.planVersion());
        c.setDescription(
                plan.sessionsPerWeek() + " sessions a week of about " + plan.minutesPerSession() + " minutes each");
        c.setSubject(new Reference("Patient/" + plan.memberId()));
        c.setPeriod(new Period()
                .setStart(
                        Date.from(plan.startDate().atStartOfDay(ZoneOffset.UTC).toInstant())));
        CarePlanActivityStatus status =
                "ACTIVE".equals(plan.planStatus()) ? CarePlanActivityStatus.INPROGRESS : CarePlanActivityStatus.ONHOLD;
        Map<String, PlanAssigned.Item> items = new LinkedHashMap<>();
        Map<String, Integer> sessions = new LinkedHashMap<>();
        for (PlanAssigned.Session session : plan.sessions()) {
            for (PlanAssigned.Item item : session.items()) {
                items.putIfAbsent(item.slug(), item);
                sessions.merge(item.slug(), 1, Integer::sum);
            }
        }
        items.forEach((slug, item) -> {
            var detail = c.addActivity().getDetail();
            detail.setStatus(status);
            detail.setCode(new CodeableConcept(new Coding(FhirCodes.LIMBER_EXERCISE, slug, null)).setText(slug));
            detail.setDescription(dose(item.dose()));
            Timing timing = new Timing();
            timing.getRepeat().setFrequency(sessions.get(slug)).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.WK);
            detail.setScheduled(timing);
        });
        return c;
    }

    /** "2 sets of 10 repetitions, each held 5 s, per side; rest 30 s", or "3 sets of 30 s; rest 15 s". */
    static String dose(PrescribedDose d) {
        if (d == null) {
            return "as prescribed";
        }
        StringBuilder text = new StringBuilder().append(d.sets()).append(d.sets() == 1 ? " set of " : " sets of ");
        if (d.reps() != null) {
            text.append(d.reps()).append(" repetitions");
            if (d.holdSeconds() != null && d.holdSeconds() > 0) {
                text.append(", each held ").append(d.holdSeconds()).append(" s");
            }
        } else if (d.durationSeconds() != null) {
            text.append(d.durationSeconds()).append(" s");
        }
        if (d.perSide()) {
            text.append(", per side");
        }
        return text.append("; rest ").append(d.restSeconds()).append(" s").toString();
    }
}
