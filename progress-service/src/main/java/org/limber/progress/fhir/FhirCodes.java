package org.limber.progress.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The codes the FHIR API uses. LOINC and SNOMED codes as HL7's Physical Activity IG and the issue name them; the
 * IG's own temporary code system for the "PhysicalActivity" category is reused as the IG defines it.
 */
public final class FhirCodes {

    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    /** Limber's own codes: exercise slugs, and when in a session a pain was rated. */
    public static final String LIMBER_EXERCISE = "https://limber.example/fhir/CodeSystem/exercise";

    public static final String PAIN = "72514-3";
    public static final String PEG = "91147-9";
    public static final String EXERCISE_DAYS = "89555-7";
    public static final String EXERCISE_MINUTES = "68516-4";
    public static final String EXERCISE_THERAPY = "229065009";

    private FhirCodes() {}

    public static CodeableConcept loinc(String code, String display) {
        return new CodeableConcept(new Coding(LOINC, code, display)).setText(display);
    }

    public static CodeableConcept category(String code, String display) {
        return new CodeableConcept(new Coding(OBSERVATION_CATEGORY, code, display));
    }

    /** The display LOINC gives each code the API serves. */
    public static String display(String code) {
        return switch (code) {
            case PAIN -> "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
            case PEG -> "PEG 3 item pain scale score";
            case EXERCISE_DAYS ->
                "How many days per week did you engage in moderate to strenuous physical activity"
                        + " in the last 30 days";
            case EXERCISE_MINUTES ->
                "On those days that you engage in moderate to strenuous exercise, how many"
                        + " minutes, on average, do you exercise";
            default -> code;
        };
    }
}
