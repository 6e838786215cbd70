package org.limber.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.limber.events.member.QuestionnaireCompleted;
import org.limber.progress.domain.measures.StartBack;

/** routine-service's QuestionnaireCompleted, as test data. */
public final class QuestionnaireFixtures {

    public static final String PEG_URL = "https://limber.example/fhir/Questionnaire/peg|1.0.0";
    public static final String STARTBACK_URL = "https://limber.example/fhir/Questionnaire/startback|1.0.0";

    private QuestionnaireFixtures() {}

    /** A PEG response: average pain, enjoyment of life, general activity (each 0-10); its score their mean. */
    public static QuestionnaireCompleted peg(
            String memberId, String timepoint, Instant at, int pain, int enjoy, int act) {
        return new QuestionnaireCompleted(
                UUID.randomUUID(),
                at,
                1,
                memberId,
                UUID.randomUUID(),
                "PEG",
                PEG_URL,
                timepoint,
                at,
                List.of(
                        new QuestionnaireCompleted.Answer("75893-8", pain),
                        new QuestionnaireCompleted.Answer("91145-3", enjoy),
                        new QuestionnaireCompleted.Answer("91146-1", act)),
                Math.round((pain + enjoy + act) / 3.0 * 100) / 100.0,
                null,
                null);
    }

    /** A STarT Back response with items 1-9 (0 or 1), scored as routine-service scores it. */
    public static QuestionnaireCompleted startBack(String memberId, Instant at, int... items) {
        return startBackSaying(memberId, at, null, items);
    }

    /** The same with the risk group the event says (null: the right one). */
    public static QuestionnaireCompleted startBackSaying(String memberId, Instant at, String group, int... items) {
        int total = IntStream.of(items).sum();
        int subscale = IntStream.of(items).skip(4).sum();
        List<QuestionnaireCompleted.Answer> answers = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            answers.add(new QuestionnaireCompleted.Answer(String.valueOf(i + 1), items[i]));
        }
        return new QuestionnaireCompleted(
                UUID.randomUUID(),
                at,
                1,
                memberId,
                UUID.randomUUID(),
                "STARTBACK",
                STARTBACK_URL,
                "BASELINE",
                at,
                answers,
                total,
                subscale,
                group != null ? group : StartBack.riskGroup(total, subscale));
    }
}
