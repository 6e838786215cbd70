package org.limber.progress.fhir;

import java.util.Date;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceInteractionComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/** The FHIR API's CapabilityStatement: read-only searches and Patient/$everything, JSON only. */
public final class Capability {

    private Capability() {}

    public static CapabilityStatement statement(String base, Date date) {
        CapabilityStatement c = new CapabilityStatement();
        c.setStatus(PublicationStatus.ACTIVE);
        c.setDate(date);
        c.setKind(CapabilityStatementKind.INSTANCE);
        c.setFhirVersion(FHIRVersion._4_0_1);
        c.addFormat("application/fhir+json");
        c.getImplementation()
                .setDescription("Limber progress-service: exercise therapy outcomes")
                .setUrl(base);
        c.getSoftware().setName("Limber progress-service");
        CapabilityStatementRestComponent rest = c.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity()
                .setDescription("OAuth2 bearer tokens (OpenID Connect): a clinician reads the members of"
                        + " their panel, an admin any member, a member only themselves.");
        var observation = resource(rest, "Observation");
        param(observation, "patient", SearchParamType.REFERENCE);
        param(observation, "code", SearchParamType.TOKEN);
        param(observation, "date", SearchParamType.DATE);
        param(resource(rest, "QuestionnaireResponse"), "patient", SearchParamType.REFERENCE);
        param(resource(rest, "CarePlan"), "patient", SearchParamType.REFERENCE);
        var patient = rest.addResource().setType("Patient");
        patient.addOperation()
                .setName("everything")
                .setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything");
        return c;
    }

    private static CapabilityStatement.CapabilityStatementRestResourceComponent resource(
            CapabilityStatementRestComponent rest, String type) {
        var r = rest.addResource().setType(type);
        r.addInteraction(new ResourceInteractionComponent().setCode(TypeRestfulInteraction.SEARCHTYPE));
        return r;
    }

    private static void param(
            CapabilityStatement.CapabilityStatementRestResourceComponent r, String name, SearchParamType type) {
        r.addSearchParam().setName(name).setType(type);
    }
}
