package org.limber.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped Questionnaire is a valid FHIR R4 resource: the HAPI FHIR validator, offline (base R4 profiles,
 * in-memory terminology, no terminology server), finds no error in it.
 */
class QuestionnaireValidationTest {

    private static FhirContext fhir;
    private static FhirValidator validator;

    @BeforeAll
    static void validator() {
        fhir = FhirContext.forR4();
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
        validator = fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
    }

    @ParameterizedTest
    @ValueSource(strings = {"questionnaires/peg.json", "questionnaires/startback.json"})
    void has_no_validation_error(String resource) throws IOException {
        String json = read(resource);
        ValidationResult result = validator.validateWithResult(json);
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
        result.getMessages()
                .forEach(m -> System.out.println(
                        resource + " " + m.getSeverity() + " " + m.getLocationString() + " " + m.getMessage()));
        assertThat(errors).as("errors in " + resource).isEmpty();
        Questionnaire parsed = fhir.newJsonParser().parseResource(Questionnaire.class, json);
        assertThat(parsed.getUrl()).startsWith("http://limber.example.org/fhir/Questionnaire/");
        assertThat(parsed.getVersion()).isNotBlank();
        assertThat(parsed.getCopyright()).isNotBlank();
        assertThat(parsed.getItem())
                .allSatisfy(item -> assertThat(item.getLinkId()).isNotBlank());
    }

    @Test
    void finds_errors_in_a_broken_questionnaire() {
        // The validator is not a yes-machine: an item without linkId or type, and an unknown status, are errors.
        String broken =
                "{\"resourceType\":\"Questionnaire\",\"status\":\"finished\",\"item\":[{\"text\":\"no link\"}]}";
        ValidationResult result = validator.validateWithResult(broken);
        assertThat(result.getMessages()).anyMatch(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal());
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = QuestionnaireValidationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
