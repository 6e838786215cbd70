package org.limber.events.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * progress-service's assessment of a member's plan week: when the week ends (or all its sessions
 * are done), and early when a safety signal appears. routine-service adapts the plan from it.
 * At most one regular and one early assessment per member, plan version and plan week.
 * Key: member id. Topic: {@link ProgressTopics#ASSESSMENTS}.
 *
 * @param assessmentId        the idempotency key: a replay carries the same id
 * @param planVersion         the plan version whose week was assessed
 * @param weekStart           the first day of the assessed plan week
 * @param trigger             WEEK_ENDED, WEEK_COMPLETED or SAFETY_SIGNAL
 * @param safetySignals       why an early assessment was made: PAIN_DURING_ABOVE_5, PAIN_ABOVE_BASELINE, PAIN_BEFORE_AT_LEAST_7 (empty otherwise)
 * @param sessionsDone        sessions logged in the plan week so far
 * @param sessionsPrescribed  sessions the plan prescribes per week
 * @param adherencePercent    done / prescribed, capped at 100
 * @param painTrend           FALLING, STABLE or RISING: the week's mean pain against the week before (or the baseline)
 * @param meanPain            mean pain before the sessions of the week (null without sessions)
 * @param latestPain          pain before the newest session of the week (null without sessions)
 * @param worstPainDuring     worst pain during a session of the week (null without sessions)
 * @param effort              how the sessions felt: counts of TOO_EASY, JUST_RIGHT, TOO_HARD
 * @param skipped             exercises skipped in the week, per exercise and reason
 * @param redFlagSymptoms     red-flag symptoms reported in sessions of the week
 */
public record ProgressAssessed(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String memberId,
        UUID assessmentId,
        int planVersion,
        LocalDate weekStart,
        String trigger,
        List<String> safetySignals,
        int baselinePain,
        int sessionsDone,
        int sessionsPrescribed,
        int adherencePercent,
        String painTrend,
        Double meanPain,
        Integer latestPain,
        Integer worstPainDuring,
        Effort effort,
        List<Skip> skipped,
        List<String> redFlagSymptoms) {

    public static final String TYPE = "org.limber.progress.ProgressAssessed";
    public static final int SCHEMA_VERSION = 1;

    /** How many sessions of the week felt too easy, just right and too hard. */
    public record Effort(int tooEasy, int justRight, int tooHard) {}

    /** An exercise skipped {@code times} times in the week for {@code reason} (PAIN, TOO_HARD, NO_TIME, OTHER). */
    public record Skip(String slug, String reason, int times) {}
}
