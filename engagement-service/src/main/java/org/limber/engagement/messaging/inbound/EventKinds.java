package org.limber.engagement.messaging.inbound;

import java.util.List;

import org.limber.common.messaging.EventBounds;
import org.limber.common.messaging.EventIntake.EventType;
import org.limber.events.member.CareAlertAcknowledged;
import org.limber.events.member.CareAlertRaised;
import org.limber.events.member.CareAlertResolved;
import org.limber.events.member.CareTeamAssigned;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.PlanResumed;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.SessionCompleted;

/**
 * The events engagement-service takes in, each with its schema version and the fields it reads within bounds
 * (service-common {@link EventBounds}); an event outside them is a dead letter with the bounds as the reason.
 * Other types on the same topics are not for this service and are passed over.
 */
final class EventKinds {

    private EventKinds() {}

    private static final int SUPPORTED = 1;
    private static final int MAX_SESSIONS = 7;
    private static final int MAX_SEVERITY = 16;

    static final List<EventType<?>> MEMBER_EVENTS = List.of(
            new EventType<>(
                    PlanAssigned.TYPE,
                    PlanAssigned.class,
                    SUPPORTED,
                    PlanAssigned::schemaVersion,
                    e -> EventBounds.key(e.memberId())
                            && EventBounds.time(e.occurredAt())
                            && e.planVersion() >= 1
                            && e.sessionsPerWeek() >= 1
                            && e.sessionsPerWeek() <= MAX_SESSIONS,
                    EventBounds.KEY + "; planVersion 1 or more; sessionsPerWeek 1.." + MAX_SESSIONS + "; "
                            + EventBounds.TIME,
                    e -> e),
            new EventType<>(
                    SessionCompleted.TYPE,
                    SessionCompleted.class,
                    SUPPORTED,
                    SessionCompleted::schemaVersion,
                    e -> EventBounds.key(e.memberId())
                            && e.sessionId() != null
                            && EventBounds.time(e.occurredAt())
                            && EventBounds.time(e.performedAt()),
                    EventBounds.KEY + "; sessionId and performedAt required; " + EventBounds.TIME,
                    e -> e),
            new EventType<>(
                    PlanSuspended.TYPE,
                    PlanSuspended.class,
                    SUPPORTED,
                    PlanSuspended::schemaVersion,
                    e -> EventBounds.key(e.memberId()) && EventBounds.time(e.occurredAt()) && e.sequence() >= 1,
                    EventBounds.KEY + "; a sequence of 1 or more; " + EventBounds.TIME,
                    e -> e),
            new EventType<>(
                    PlanResumed.TYPE,
                    PlanResumed.class,
                    SUPPORTED,
                    PlanResumed::schemaVersion,
                    e -> EventBounds.key(e.memberId()) && EventBounds.time(e.occurredAt()) && e.sequence() >= 1,
                    EventBounds.KEY + "; a sequence of 1 or more; " + EventBounds.TIME,
                    e -> e),
            new EventType<>(
                    CareTeamAssigned.TYPE,
                    CareTeamAssigned.class,
                    SUPPORTED,
                    CareTeamAssigned::schemaVersion,
                    e -> EventBounds.key(e.memberId())
                            && EventBounds.time(e.occurredAt())
                            && e.sequence() >= 1
                            && EventBounds.id(e.clinicianId()),
                    EventBounds.KEY + "; a sequence of 1 or more; clinicianId " + EventBounds.ID + "; "
                            + EventBounds.TIME,
                    e -> e));

    static final List<EventType<?>> CARE_ALERTS = List.of(
            new EventType<>(
                    CareAlertRaised.TYPE,
                    CareAlertRaised.class,
                    SUPPORTED,
                    CareAlertRaised::schemaVersion,
                    e -> EventBounds.key(e.memberId())
                            && e.eventId() != null
                            && e.alertId() != null
                            && EventBounds.time(e.occurredAt())
                            && e.severity() != null
                            && e.severity().length() <= MAX_SEVERITY
                            && EventBounds.id(e.clinicianId()),
                    EventBounds.KEY + "; eventId, alertId and severity required; clinicianId " + EventBounds.ID + "; "
                            + EventBounds.TIME,
                    e -> e),
            new EventType<>(
                    CareAlertAcknowledged.TYPE,
                    CareAlertAcknowledged.class,
                    SUPPORTED,
                    CareAlertAcknowledged::schemaVersion,
                    e -> EventBounds.key(e.memberId()) && e.alertId() != null && EventBounds.time(e.occurredAt()),
                    EventBounds.KEY + "; alertId required; " + EventBounds.TIME,
                    e -> e),
            new EventType<>(
                    CareAlertResolved.TYPE,
                    CareAlertResolved.class,
                    SUPPORTED,
                    CareAlertResolved::schemaVersion,
                    e -> EventBounds.key(e.memberId()) && e.alertId() != null && EventBounds.time(e.occurredAt()),
                    EventBounds.KEY + "; alertId required; " + EventBounds.TIME,
                    e -> e));

    /** Whether the record's type is one of {@code kinds} (a record without a type is taken, to be refused). */
    static boolean ours(String type, List<EventType<?>> kinds) {
        return type == null || kinds.stream().anyMatch(k -> k.type().equals(type));
    }
}
