package org.limber.console.domain;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTest {

    @Test
    void everyStatusGetsAMessageInWordsWithTheServicesDetail() {
        assertThat(Problem.of(401, "routine service", "x", Map.of()).message()).contains("Sign in again");
        assertThat(Problem.of(403, "progress service", "This member is not on your panel.", Map.of())
                        .message())
                .contains("not on your panel");
        assertThat(Problem.of(404, "catalog service", null, Map.of()).title()).isEqualTo("Not found");
        assertThat(Problem.of(409, "progress service", "The alert is not open.", Map.of())
                        .message())
                .contains("not open");
        Problem p = Problem.of(
                422, "routine service", "Bird dog is left out: spinal stenosis.", Map.of("changes[0].to", "excluded"));
        assertThat(p.message()).contains("routine service").contains("spinal stenosis");
        assertThat(p.field("changes[0].to")).isEqualTo("excluded");
        assertThat(Problem.of(503, "catalog service", null, Map.of())).isEqualTo(Problem.down("catalog service"));
        assertThat(Problem.down("catalog service").message())
                .contains("catalog service is not answering")
                .doesNotContain("Exception");
        assertThat(Problem.of(500, "routine service", "java.lang.NullPointerException at ...", Map.of())
                        .message())
                .doesNotContain("NullPointerException");
    }
}
