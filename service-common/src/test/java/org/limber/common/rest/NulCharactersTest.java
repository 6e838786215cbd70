package org.limber.common.rest;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NulCharactersTest {

    record Note(String text, List<String> codes) {}

    private final ObjectMapper json = new ObjectMapper();

    NulCharactersTest() {
        new NulCharacters().customize(json);
    }

    @Test
    void aStringHoldingU0000IsRefusedNamingTheField() {
        assertThatThrownBy(() -> json.readValue("{\"text\":\"a\\u0000b\",\"codes\":[]}", Note.class))
                .isInstanceOf(InvalidFormatException.class)
                .satisfies(e -> assertThat(((InvalidFormatException) e).getPathReference())
                        .contains("text"));
        assertThatThrownBy(() -> json.readValue("{\"text\":\"a\",\"codes\":[\"X\",\"\\u0000\"]}", Note.class))
                .isInstanceOf(InvalidFormatException.class)
                .satisfies(e -> assertThat(((InvalidFormatException) e).getPathReference())
                        .contains("codes"));
    }

    @Test
    void everyOtherStringIsReadAsJacksonReadsIt() throws Exception {
        Note note = json.readValue("{\"text\":\"é漢😀 \\t\",\"codes\":[\"A\",\"B\"]}", Note.class);
        assertThat(note.text()).isEqualTo("é漢😀 \t");
        assertThat(note.codes()).containsExactly("A", "B");
        assertThat(json.readValue("{\"text\":null,\"codes\":[]}", Note.class).text())
                .isNull();
    }
}
