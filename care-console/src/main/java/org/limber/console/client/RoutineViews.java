package org.limber.console.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.limber.events.member.PrescribedDose;

/**
 * The parts of routine-service's request and response bodies the console uses (see its README): sessions,
 * plans, holds and reviews, tailoring, assignment. Unknown fields are ignored.
 */
public final class RoutineViews {

    private RoutineViews() {}

    /** A logged session as routine-service keeps it: each exercise done or skipped (with the reason), pain, effort, the member's note, red flags. */
    public record LoggedSession(
            UUID sessionId,
            Instant performedAt,
            int planVersion,
            int sessionNumber,
            List<ExerciseReport> exercises,
            int painBefore,
            int painDuring,
            int painAfter,
            String effort,
            String note,
            List<String> redFlagSymptoms) {

        public record ExerciseReport(String slug, String status, String skipReason) {}

        /** The exercises the member skipped in this session. */
        public List<ExerciseReport> skipped() {
            return exercises == null
                    ? List.of()
                    : exercises.stream()
                            .filter(e -> "SKIPPED".equals(e.status()))
                            .toList();
        }
    }

    public record Item(
            String slug,
            int exerciseVersion,
            String name,
            String category,
            PrescribedDose dose,
            int estimatedSeconds,
            String reason,
            boolean paused,
            boolean locked) {}

    public record Session(int number, List<Item> items, int estimatedSeconds) {

        public long minutes() {
            return Math.round(estimatedSeconds / 60.0);
        }
    }

    public record Exclusion(String slug, String name, String reason) {}

    public record ItemState(String slug, int exerciseVersion, String name, PrescribedDose dose) {}

    public record Change(
            UUID id,
            int version,
            String source,
            String kind,
            String slug,
            ItemState from,
            ItemState to,
            String reason,
            Instant at,
            Integer undoneInVersion) {}

    public record Adaptation(boolean enabled, String reason, String changedBy, Instant changedAt) {}

    /**
     * A clinician's view of a plan. {@code status} and {@code suspension} are read when routine-service
     * sends them (a suspended plan, issue 10); absent, the plan is active. The suspension's reviews are in
     * {@link Hold}.
     */
    public record CarePlan(
            String memberId,
            int version,
            String source,
            String author,
            String note,
            String overrideReason,
            Instant createdAt,
            LocalDate startDate,
            int sessionsPerWeek,
            int minutesPerSession,
            int baselinePain,
            List<String> conditions,
            List<Session> sessions,
            List<Exclusion> excluded,
            List<String> notes,
            boolean flare,
            Adaptation adaptation,
            List<Change> automaticChanges,
            List<Change> clinicianChanges,
            String status,
            JsonNode suspension) {

        public boolean suspended() {
            return "SUSPENDED".equalsIgnoreCase(status);
        }

        public String suspensionReason() {
            return suspension == null ? null : suspension.path("reason").asText(null);
        }

        /** What suspended it (a red flag at intake, in a session, or reported on its own) and since when. */
        public String suspensionCause() {
            return suspension == null ? null : suspension.path("cause").asText(null);
        }

        public String suspensionSince() {
            return suspension == null ? null : suspension.path("since").asText(null);
        }

        /** The red flags that suspended the plan (what a review must assess). */
        public List<String> suspensionRedFlags() {
            if (suspension == null) {
                return List.of();
            }
            List<String> flags = new ArrayList<>();
            suspension.path("redFlags").forEach(f -> flags.add(f.asText()));
            return flags;
        }
    }

    /**
     * A member held for a clinician's review (issue 20, {@code GET /members/{id}/plan/suspension}): a suspended
     * plan, or a referral at the first intake ({@code referral} true, no plan version yet). {@code reason}
     * says why, for the member; {@code reviews} are those recorded so far (a review that referred the member
     * on keeps the hold).
     */
    public record Hold(
            String memberId,
            boolean referral,
            Integer planVersion,
            String cause,
            List<String> redFlags,
            UUID sourceId,
            Instant since,
            String reason,
            List<Review> reviews) {

        public List<String> redFlags() {
            return redFlags == null ? List.of() : redFlags;
        }

        public List<Review> reviews() {
            return reviews == null ? List.of() : reviews;
        }
    }

    /** A clinician's review of a hold, as recorded. */
    public record Review(
            List<String> redFlagsAssessed,
            String outcome,
            String outcomeText,
            String note,
            String reviewedBy,
            Instant reviewedAt) {

        public List<String> redFlagsAssessed() {
            return redFlagsAssessed == null ? List.of() : redFlagsAssessed;
        }
    }

    /** The body of {@code POST /members/{id}/plan/resume}: the red flags assessed, the outcome (its text for OTHER), a note. */
    public record ReviewRequest(List<String> redFlagsAssessed, String outcome, String outcomeText, String note) {}

    /**
     * routine-service's answer to a review: {@code status} ACTIVE (the plan runs again), SUSPENDED (referred on,
     * the plan stays paused) or NO_PLAN (a referral before any plan, cleared: the member may take the intake).
     */
    public record Reviewed(
            String memberId,
            String outcome,
            String status,
            Integer planVersion,
            String reviewedBy,
            Instant reviewedAt,
            boolean adaptationOn) {}

    public record TailorChange(String type, String slug, Integer session, String to, PrescribedDose dose) {}

    public record Override(String reason) {}

    public record Tailor(String note, List<TailorChange> changes, Override override) {}

    public record AdaptationChange(boolean enabled, String note) {}

    public record Assignment(String clinicianId) {}

    public record AssignmentView(String memberId, String clinicianId, String assignedBy, Instant assignedAt) {}
}
