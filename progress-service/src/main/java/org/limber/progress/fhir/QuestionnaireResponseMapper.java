package org.limber.progress.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Date;

import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;

import org.limber.progress.repository.QuestionnaireStore.Response;

/**
 * A stored response as a FHIR R4 QuestionnaireResponse: its id the response id routine-service took, its questionnaire
 * the canonical URL with version, one item per answered linkId with its integer value (STarT Back's items scored
 * 0 or 1, PEG's 0-10), and PEG's score as its item 91147-9 (a decimal).
 */
public final class QuestionnaireResponseMapper {

    private QuestionnaireResponseMapper() {}

    public static QuestionnaireResponse map(Response r) {
        QuestionnaireResponse q = new QuestionnaireResponse();
        q.setId(r.responseId().toString());
        q.setQuestionnaire(r.canonical());
        q.setStatus(QuestionnaireResponseStatus.COMPLETED);
        q.setSubject(new Reference("Patient/" + r.memberId()));
        q.setAuthored(Date.from(r.authoredAt()));
        for (int i = 0; i < r.linkIds().size(); i++) {
            q.addItem()
                    .setLinkId(r.linkIds().get(i))
                    .addAnswer()
                    .setValue(new IntegerType(r.values().get(i)));
        }
        if ("PEG".equals(r.questionnaire()) && !r.linkIds().contains(FhirCodes.PEG)) {
            q.addItem()
                    .setLinkId(FhirCodes.PEG)
                    .setText("PEG score")
                    .addAnswer()
                    .setValue(new DecimalType(BigDecimal.valueOf(r.score()).setScale(2, RoundingMode.HALF_UP)));
        }
        return q;
    }
}
