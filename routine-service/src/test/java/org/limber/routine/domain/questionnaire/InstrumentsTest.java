package org.limber.routine.domain.questionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a Questionnaire resource is read: its ranges from the standard extensions, and what is refused. */
class InstrumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void everyShippedQuestionnaireIsFoundByItsCodeAndNothingElse() {
        Instruments shipped = Instruments.load(JSON);
        assertThat(shipped.all()).hasSize(2);
        assertThat(shipped.find("PEG")).isPresent();
        assertThat(shipped.find("ODI")).isEmpty();
    }

    @Test
    void aRangeIsReadFromItsOwnExtensionsWhateverTheirNumberType() throws Exception {
        Instrument read = Instruments.read("T", json("""
                {"resourceType": "Questionnaire", "url": "http://x/q", "version": "1",
                 "item": [{"linkId": "a", "type": "integer", "required": true, "extension": [
                     {"url": "http://hl7.org/fhir/StructureDefinition/entryFormat", "valueString": "0-10"},
                     {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 1},
                     {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueDecimal": 7}]},
                  {"linkId": "b", "type": "integer", "readOnly": true}]}"""));
        Instrument.Item a = read.item("a").orElseThrow();
        assertThat(a.min()).isEqualTo(1);
        assertThat(a.max()).isEqualTo(7);
        assertThat(a.required()).isTrue();
        assertThat(a.answered()).isTrue();
        Instrument.Item b = read.item("b").orElseThrow();
        assertThat(b.min()).isNull();
        assertThat(b.answered()).isFalse();
    }

    @Test
    void anotherResourceIsRefused() {
        assertThatThrownBy(() -> Instruments.read("T", json("{\"resourceType\": \"Patient\"}")))
                .hasMessageContaining("not a Questionnaire");
    }
}
