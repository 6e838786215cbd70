package org.limber.events.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member reported red-flag symptoms without logging a session ({@code POST
 * /members/me/symptoms}). Every report is kept and raises an urgent alert of its own (or escalates
 * an open one). Key: member id. Topic: {@link MemberTopics#EVENTS}.
 *
 * @param reportId        the client-generated id of the report (the idempotency key)
 * @param reportedAt      when the member noticed them (may be a little in the past)
 * @param redFlagSymptoms the red-flag codes reported (one or more, distinct)
 * @param note            the member's own words, optional
 */
public record SymptomsReported(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String memberId,
        UUID reportId,
        Instant reportedAt,
        List<String> redFlagSymptoms,
        String note) {

    public static final String TYPE = "org.limber.routine.SymptomsReported";
    public static final int SCHEMA_VERSION = 1;
}
