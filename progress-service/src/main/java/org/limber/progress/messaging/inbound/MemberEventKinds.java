package org.limber.progress.messaging.inbound;

import java.util.List;

import org.limber.common.messaging.EventBounds;
import org.limber.common.messaging.EventIntake.EventType;
import org.limber.events.member.CareTeamAssigned;
import org.limber.events.member.MemberNeedsReview;
import org.limber.events.member.MemberReferred;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.PlanResumed;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.SessionCompleted;
import org.limber.events.member.SymptomsReported;

/**
 * The member events progress-service takes in, each with its schema version, its bounds (service-common
 * {@link EventBounds}; an event outside them is a dead letter, with the bounds as the reason) and how it is
 * normalised (repeated codes kept once, long notes clipped: never a reason to drop a red flag).
 */
final class MemberEventKinds {

    private MemberEventKinds() {}

    private static final int SUPPORTED_SCHEMA = 1;
    static final int MAX_REASONS = 20;
    static final String REASONS = "reasons: 1 to " + MAX_REASONS + ", each a code and a text of at most "
            + EventBounds.MAX_TEXT_LENGTH + " characters";
    /** Sessions a week (routine-service plans 2 to 7), and so the sessions of a plan week. */
    static final int MAX_SESSIONS = 7;

    static final List<EventType<?>> KINDS = List.of(
            sessionCompleted(),
            planAssigned(),
            memberReferred(),
            careTeamAssigned(),
            planSuspended(),
            planResumed(),
            symptomsReported(),
            memberNeedsReview(),
            QuestionnaireKind.questionnaireCompleted());

    private static EventType<SessionCompleted> sessionCompleted() {
        return new EventType<>(
                SessionCompleted.TYPE,
                SessionCompleted.class,
                SUPPORTED_SCHEMA,
                SessionCompleted::schemaVersion,
                e -> EventBounds.key(e.memberId())
                        && EventBounds.time(e.occurredAt())
                        && e.sessionId() != null
                        && EventBounds.time(e.performedAt())
                        && e.planVersion() >= 1
                        && EventBounds.code(e.effort())
                        && EventBounds.list(e.exercises(), EventBounds.MAX_EXERCISES)
                        && e.redFlagSymptoms() != null
                        && pain(e.painBefore())
                        && pain(e.painDuring())
                        && pain(e.painAfter())
                        && (e.redFlagSymptoms().isEmpty() || EventBounds.codes(e.redFlagSymptoms(), false)),
                EventBounds.KEY + "; sessionId, effort (a code), exercises (at most " + EventBounds.MAX_EXERCISES
                        + ") required; planVersion 1 or more; pains 0..10; redFlagSymptoms " + EventBounds.CODES
                        + "; " + EventBounds.TIME + " (a longer note is clipped, not refused: it may come with a"
                        + " red flag)",
                MemberEventKinds::normalised);
    }

    private static EventType<PlanAssigned> planAssigned() {
        return new EventType<>(
                PlanAssigned.TYPE,
                PlanAssigned.class,
                SUPPORTED_SCHEMA,
                PlanAssigned::schemaVersion,
                e -> EventBounds.key(e.memberId())
                        && EventBounds.time(e.occurredAt())
                        && EventBounds.time(e.startDate())
                        && e.planVersion() >= 1
                        && EventBounds.codes(e.conditions(), false)
                        && e.sessionsPerWeek() >= 1
                        && e.sessionsPerWeek() <= MAX_SESSIONS
                        && (e.sessions() == null
                                || (EventBounds.list(e.sessions(), MAX_SESSIONS)
                                        && e.sessions().stream()
                                                .allMatch(s -> EventBounds.list(s.items(), EventBounds.MAX_EXERCISES))))
                        && EventBounds.id(e.clinicianId())
                        && pain(e.baselinePain()),
                EventBounds.KEY + "; startDate, conditions (" + EventBounds.CODES + ") required; planVersion 1 or"
                        + " more; sessionsPerWeek 1.." + MAX_SESSIONS + " (and sessions, each of at most "
                        + EventBounds.MAX_EXERCISES + " items); baselinePain 0..10; " + EventBounds.TIME,
                e -> e);
    }

    private static EventType<MemberReferred> memberReferred() {
        return new EventType<>(
                MemberReferred.TYPE,
                MemberReferred.class,
                SUPPORTED_SCHEMA,
                MemberReferred::schemaVersion,
                e -> EventBounds.key(e.memberId())
                        && e.intakeId() != null
                        && EventBounds.time(e.occurredAt())
                        && (e.redFlags() == null || EventBounds.codes(e.redFlags(), false))
                        && EventBounds.id(e.clinicianId()),
                "memberId, intakeId, occurredAt required; redFlags " + EventBounds.CODES + ", clinicianId "
                        + EventBounds.ID + "; " + EventBounds.KEY + "; " + EventBounds.TIME,
                e -> e);
    }

    private static EventType<CareTeamAssigned> careTeamAssigned() {
        return new EventType<>(
                CareTeamAssigned.TYPE,
                CareTeamAssigned.class,
                SUPPORTED_SCHEMA,
                CareTeamAssigned::schemaVersion,
                e -> EventBounds.key(e.memberId())
                        && EventBounds.time(e.occurredAt())
                        && e.sequence() >= 1
                        && EventBounds.id(e.clinicianId())
                        && EventBounds.id(e.assignedBy()),
                "memberId, occurredAt and a sequence of 1 or more are required; clinicianId and assignedBy "
                        + EventBounds.ID + "; " + EventBounds.KEY + "; " + EventBounds.TIME,
                e -> e);
    }

    private static EventType<PlanSuspended> planSuspended() {
        return new EventType<>(
                PlanSuspended.TYPE,
                PlanSuspended.class,
                SUPPORTED_SCHEMA,
                PlanSuspended::schemaVersion,
                e -> EventBounds.key(e.memberId())
                        && EventBounds.time(e.occurredAt())
                        && e.sequence() >= 1
                        && e.planVersion() >= 0
                        && e.sourceId() != null
                        && EventBounds.code(e.cause())
                        && EventBounds.codes(e.redFlags(), false),
                "memberId, occurredAt, sourceId, a cause and a sequence of 1 or more are required; redFlags "
                        + EventBounds.CODES + "; " + EventBounds.KEY + "; " + EventBounds.TIME,
                e -> new PlanSuspended(
                        e.eventId(),
                        e.occurredAt(),
                        e.schemaVersion(),
                        e.memberId(),
                        e.planVersion(),
                        e.sequence(),
                        e.cause(),
                        EventBounds.distinct(e.redFlags()),
                        e.sourceId()));
    }

    private static EventType<PlanResumed> planResumed() {
        return new EventType<>(
                PlanResumed.TYPE,
                PlanResumed.class,
                SUPPORTED_SCHEMA,
                PlanResumed::schemaVersion,
                e -> EventBounds.key(e.memberId())
                        && EventBounds.time(e.occurredAt())
                        && e.sequence() >= 1
                        && e.planVersion() >= 0
                        && EventBounds.code(e.how())
                        && EventBounds.id(e.clinicianId())
                        && EventBounds.text(e.note()),
                "memberId, occurredAt, how and a sequence of 1 or more are required; clinicianId " + EventBounds.ID
                        + ", note " + EventBounds.TEXT + "; " + EventBounds.KEY + "; " + EventBounds.TIME,
                e -> e);
    }

    private static EventType<SymptomsReported> symptomsReported() {
        return new EventType<>(
                SymptomsReported.TYPE,
                SymptomsReported.class,
                SUPPORTED_SCHEMA,
                SymptomsReported::schemaVersion,
                e -> EventBounds.key(e.memberId())
                        && EventBounds.time(e.occurredAt())
                        && e.reportId() != null
                        && EventBounds.time(e.reportedAt())
                        && EventBounds.codes(e.redFlagSymptoms(), true),
                "memberId, reportId, reportedAt required; redFlagSymptoms " + EventBounds.CODES
                        + ", at least one; " + EventBounds.KEY + "; " + EventBounds.TIME
                        + " (a note over " + EventBounds.MAX_TEXT_LENGTH + " characters is clipped, not refused:"
                        + " a red flag is never dropped for it)",
                e -> new SymptomsReported(
                        e.eventId(),
                        e.occurredAt(),
                        e.schemaVersion(),
                        e.memberId(),
                        e.reportId(),
                        e.reportedAt(),
                        EventBounds.distinct(e.redFlagSymptoms()),
                        EventBounds.clip(e.note())));
    }

    private static EventType<MemberNeedsReview> memberNeedsReview() {
        return new EventType<>(
                MemberNeedsReview.TYPE,
                MemberNeedsReview.class,
                SUPPORTED_SCHEMA,
                MemberNeedsReview::schemaVersion,
                e -> EventBounds.key(e.memberId())
                        && e.intakeId() != null
                        && EventBounds.time(e.occurredAt())
                        && EventBounds.id(e.clinicianId())
                        && reasons(e.reasons()),
                "memberId, intakeId, occurredAt required; " + REASONS + "; clinicianId " + EventBounds.ID + "; "
                        + EventBounds.KEY + "; " + EventBounds.TIME,
                e -> e);
    }

    /** A session's red flags with duplicates removed and its note clipped (the same event when neither changes). */
    private static SessionCompleted normalised(SessionCompleted e) {
        List<String> flags = EventBounds.distinct(e.redFlagSymptoms());
        String note = EventBounds.clip(e.note());
        return flags == e.redFlagSymptoms() && note == e.note()
                ? e
                : new SessionCompleted(
                        e.eventId(),
                        e.occurredAt(),
                        e.schemaVersion(),
                        e.memberId(),
                        e.sessionId(),
                        e.planVersion(),
                        e.sessionNumber(),
                        e.performedAt(),
                        e.exercises(),
                        e.painBefore(),
                        e.painDuring(),
                        e.painAfter(),
                        e.effort(),
                        note,
                        flags);
    }

    /** A review's reasons: 1 to {@value #MAX_REASONS}, each a code and a text. */
    static boolean reasons(List<MemberNeedsReview.Reason> reasons) {
        return reasons != null
                && !reasons.isEmpty()
                && reasons.size() <= MAX_REASONS
                && reasons.stream()
                        .allMatch(r -> r != null
                                && EventBounds.code(r.code())
                                && r.text() != null
                                && !r.text().isBlank()
                                && EventBounds.text(r.text()));
    }

    private static boolean pain(int value) {
        return value >= 0 && value <= 10;
    }
}
