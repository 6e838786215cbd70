package org.limber.console.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** progress-service's day of a clinician (GET /care-team/today; see its README). */
public final class DayViews {

    private DayViews() {}

    public record WorstPain(String memberId, int pain, Instant performedAt) {}

    public record Waiting(String memberId, String planStatus, Instant since) {}

    /** {@code unreadMessages}: progress-service's, null; the console reads unread messages from engagement-service. */
    public record Today(
            LocalDate date,
            LocalDate weekStart,
            long panelSize,
            long membersWithSessionToday,
            long membersWithSessionThisWeek,
            WorstPain worstPainToday,
            long awaitingReview,
            List<Waiting> awaitingReviewFirst,
            Long unreadMessages) {}
}
