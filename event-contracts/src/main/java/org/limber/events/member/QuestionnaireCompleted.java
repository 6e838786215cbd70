package org.limber.events.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member answered a validated questionnaire ({@code POST /members/me/questionnaires/{code}/responses}
 * on routine-service). routine-service checked the answers against the shipped FHIR {@code Questionnaire}
 * and scored them; consumers keep the trend (PEG), the risk group (STarT Back) and the FHIR resources.
 * Key: member id. Topic: {@link MemberTopics#EVENTS}.
 *
 * @param responseId     the id of the FHIR {@code QuestionnaireResponse} (client-chosen; the idempotency key)
 * @param questionnaire  the questionnaire's code: {@code PEG} or {@code STARTBACK} (more may come: ignore unknown codes)
 * @param canonical      the questionnaire's canonical URL with its version ({@code url|version})
 * @param timepoint      why it was asked: {@code BASELINE} (first intake), {@code WEEK_6}, {@code WEEK_12} or
 *                       {@code END} (end of the program)
 * @param authoredAt     when the member answered
 * @param answers        every item answered: its {@code linkId} and integer value (0-10 for PEG, 0 or 1 for STarT
 *                       Back, whose item 9 is scored 0 or 1 from its five-point answer)
 * @param score          the total score: PEG's mean of its three items (LOINC 91147-9), STarT Back's total 0-9
 * @param subscale       STarT Back's psychosocial subscale (items 5-9), 0-5; null for PEG
 * @param riskGroup      STarT Back's {@code LOW}, {@code MEDIUM} or {@code HIGH}; null for PEG
 */
public record QuestionnaireCompleted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String memberId,
        UUID responseId,
        String questionnaire,
        String canonical,
        String timepoint,
        Instant authoredAt,
        List<Answer> answers,
        double score,
        Integer subscale,
        String riskGroup) {

    public static final String TYPE = "org.limber.routine.QuestionnaireCompleted";
    public static final int SCHEMA_VERSION = 1;

    /** One answered item: its FHIR {@code linkId} and its integer value. */
    public record Answer(String linkId, int value) {}
}
