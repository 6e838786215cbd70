package org.limber.console.client;

import java.time.Instant;
import java.util.List;

/** engagement-service's bodies, as the console reads and sends them (see engagement-service's README). */
public final class EngagementViews {

    private EngagementViews() {}

    /** A message; {@code author} MEMBER or CLINICIAN; {@code readAt} null until the other side read it. */
    public record Message(
            String id,
            String memberId,
            String author,
            String authorId,
            String authorName,
            String text,
            Instant sentAt,
            Instant readAt,
            boolean flagged) {

        public boolean fromMember() {
            return "MEMBER".equals(author);
        }
    }

    /** A page of a thread, newest first; {@code unread}: the member's messages the care team has not read. */
    public record MessagePage(List<Message> items, long total, int page, int size, long unread) {

        public int number() {
            return page + 1;
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return (long) (page + 1) * Math.max(size, 1) < total;
        }

        public int previous() {
            return page - 1;
        }

        public int next() {
            return page + 1;
        }
    }

    /** A reply; {@code id} the idempotency key (the form's, so a form sent twice sends one message). */
    public record Reply(String id, String text) {}

    public record ReadUpTo(String upTo) {}

    /** The unread messages of a panel: the total and the members who have any, flagged first then newest. */
    public record Unread(long total, List<UnreadMember> members) {}

    public record UnreadMember(String memberId, long unread, boolean flagged, Instant lastAt) {}

    /**
     * A notification of an urgent alert: level 0 at once, 1 and 2 the escalations of an alert nobody acknowledged;
     * {@code notified} CLINICIAN, TRIAGE or TRIAGE_AND_ADMINS; {@code alertId} only in a member's list.
     */
    public record Escalation(
            String alertId, int level, Instant at, String notified, int recipients, List<String> channels) {}
}
