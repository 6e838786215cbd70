package org.limber.events.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member logged a session. {@code performedAt} is when it was done (phones sync late), not
 * when it arrived. Key: member id. Topic: {@link MemberTopics#EVENTS}.
 *
 * @param sessionId        the client-generated id of the session, unique per member
 * @param sessionNumber    which session of the plan's week it was
 * @param painBefore       0-10
 * @param painDuring       worst pain during the session, 0-10
 * @param painAfter        0-10
 * @param effort           TOO_EASY, JUST_RIGHT or TOO_HARD
 * @param redFlagSymptoms  red-flag codes the member reported (empty when none)
 */
public record SessionCompleted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String memberId,
        UUID sessionId,
        int planVersion,
        int sessionNumber,
        Instant performedAt,
        List<ExerciseOutcome> exercises,
        int painBefore,
        int painDuring,
        int painAfter,
        String effort,
        String note,
        List<String> redFlagSymptoms) {

    public static final String TYPE = "org.limber.routine.SessionCompleted";
    public static final int SCHEMA_VERSION = 1;

    /**
     * What happened to one prescribed exercise.
     *
     * @param status     DONE or SKIPPED
     * @param skipReason PAIN, TOO_HARD, NO_TIME or OTHER when skipped
     * @param prescribed the dose the plan asked for
     */
    public record ExerciseOutcome(String slug, String status, String skipReason, PrescribedDose prescribed) {}
}
