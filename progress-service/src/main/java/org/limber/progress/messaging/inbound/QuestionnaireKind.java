package org.limber.progress.messaging.inbound;

import java.util.Set;

import org.limber.common.messaging.EventBounds;
import org.limber.common.messaging.EventIntake.EventType;
import org.limber.events.member.QuestionnaireCompleted;

/**
 * How progress-service takes in {@link QuestionnaireCompleted}: its bounds (outside them, a dead letter). An unknown
 * questionnaire code within the bounds is taken in and ignored (the contract lets more questionnaires come).
 */
final class QuestionnaireKind {

    /** Items of one response: STarT Back has 9, PEG 3 (and its score item); room for a longer instrument. */
    static final int MAX_ANSWERS = 50;
    /** The highest item value or score of any questionnaire taken in (PEG's 0-10). */
    static final int MAX_VALUE = 10;

    private static final Set<String> RISK_GROUPS = Set.of("LOW", "MEDIUM", "HIGH");

    private QuestionnaireKind() {}

    static EventType<QuestionnaireCompleted> questionnaireCompleted() {
        return new EventType<>(
                QuestionnaireCompleted.TYPE,
                QuestionnaireCompleted.class,
                QuestionnaireCompleted.SCHEMA_VERSION,
                QuestionnaireCompleted::schemaVersion,
                QuestionnaireKind::valid,
                EventBounds.KEY + "; responseId, questionnaire (a code), canonical (" + EventBounds.TEXT
                        + "), timepoint (a code), authoredAt required; answers 1 to " + MAX_ANSWERS
                        + ", each a linkId (" + EventBounds.ID + ") and a value 0.." + MAX_VALUE + "; score 0.."
                        + MAX_VALUE + "; subscale 0..5; riskGroup LOW, MEDIUM or HIGH (both required for STARTBACK); "
                        + EventBounds.TIME,
                e -> e);
    }

    static boolean valid(QuestionnaireCompleted e) {
        return EventBounds.key(e.memberId())
                && EventBounds.time(e.occurredAt())
                && e.responseId() != null
                && EventBounds.code(e.questionnaire())
                && e.canonical() != null
                && !e.canonical().isBlank()
                && EventBounds.text(e.canonical())
                && EventBounds.code(e.timepoint())
                && EventBounds.time(e.authoredAt())
                && EventBounds.list(e.answers(), MAX_ANSWERS)
                && !e.answers().isEmpty()
                && e.answers().stream()
                        .allMatch(a -> a.linkId() != null
                                && EventBounds.id(a.linkId())
                                && a.value() >= 0
                                && a.value() <= MAX_VALUE)
                && Double.isFinite(e.score())
                && e.score() >= 0
                && e.score() <= MAX_VALUE
                && (e.subscale() == null || (e.subscale() >= 0 && e.subscale() <= 5))
                && (e.riskGroup() == null || RISK_GROUPS.contains(e.riskGroup()))
                && (!"STARTBACK".equals(e.questionnaire()) || (e.subscale() != null && e.riskGroup() != null));
    }
}
