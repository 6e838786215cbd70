package org.limber.routine.rest;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The screening questions an app asks: exactly the intake's answers, each in words, with advice for every sign. */
@QuarkusTest
class ScreeningResourceTest {

    @Test
    void everyIntakeAnswerIsAskedOnceWithItsWordingAndEverySignHasItsAdvice() {
        List<Map<String, Object>> questions = RestAssured.given()
                .get("/screening/questions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        List<String> answers = Arrays.stream(IntakeRequest.RedFlagAnswers.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertThat(questions).extracting(q -> q.get("field")).containsExactlyInAnyOrderElementsOf(answers);
        assertThat(questions)
                .allSatisfy(q -> assertThat((String) q.get("question")).endsWith("?"));
        assertThat(questions)
                .filteredOn(q -> !"CONTEXT".equals(q.get("kind")))
                .allSatisfy(q -> assertThat(q.get("urgency")).isNotNull())
                .allSatisfy(q -> assertThat((String) q.get("advice")).isNotBlank());
        assertThat(questions)
                .filteredOn(q -> "SADDLE_NUMBNESS".equals(q.get("code")))
                .singleElement()
                .satisfies(q -> assertThat(q.get("urgency")).isEqualTo("EMERGENCY_TODAY"));
        assertThat(questions)
                .filteredOn(q -> "CONTEXT".equals(q.get("kind")))
                .allSatisfy(q -> assertThat(q.get("advice")).isNull());
    }
}
