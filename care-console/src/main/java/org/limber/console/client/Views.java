package org.limber.console.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.limber.events.member.PrescribedDose;

/**
 * The parts of the services' response and request bodies the console uses (see each service's
 * README section). Unknown fields are ignored, so a service may add fields without breaking the console.
 */
public final class Views {

    private Views() {}

    /** One page of a list, as every service answers it. */
    public record Page<T>(List<T> items, int page, int size, long total, long totalPages) {

        /** The page's number as people count (from 1). */
        public int number() {
            return page + 1;
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < totalPages;
        }

        public int previous() {
            return page - 1;
        }

        public int next() {
            return page + 1;
        }
    }

    // ---- progress-service ----

    public record PanelRow(
            String memberId,
            Integer baselinePain,
            Integer latestPain,
            Instant lastActivity,
            LocalDate planStart,
            List<String> openAlerts,
            int worstSeverityRank,
            String planStatus) {}

    /**
     * An alert of progress-service: {@code occurrences} the causes it stands for, {@code lastOccurredAt} the latest,
     * {@code reopenedAt} when a new occurrence last reopened it after an acknowledgement (null: never).
     */
    public record Alert(
            UUID id,
            String memberId,
            String kind,
            String severity,
            String status,
            String reason,
            Instant raisedAt,
            String acknowledgedBy,
            Instant acknowledgedAt,
            String acknowledgeNote,
            String resolvedBy,
            Instant resolvedAt,
            String resolveNote,
            String clinicianId,
            int occurrences,
            Instant lastOccurredAt,
            Instant reopenedAt) {}

    public record Week(
            LocalDate weekStart,
            int sessionsDone,
            int sessionsPrescribed,
            Integer adherencePercent,
            BigDecimal meanPainBefore,
            BigDecimal meanWorstPainDuring,
            BigDecimal meanPainAfter,
            Integer maxPainDuring,
            BigDecimal shareTooHard,
            BigDecimal shareTooEasy) {}

    public record Progress(
            String memberId,
            Integer planVersion,
            Integer sessionsPerWeek,
            LocalDate programStart,
            Integer baselinePain,
            Integer latestPain,
            Instant latestPainAt,
            Integer changePoints,
            BigDecimal changePercent,
            boolean meaningfulChangeReached,
            int currentStreakWeeks,
            int sessionsFirst14Days,
            boolean earlyMilestoneReached,
            Instant lastActivity,
            List<Week> weeks) {}

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

    public record Outcomes(
            boolean suppressed,
            String note,
            Integer members,
            Integer completers,
            BigDecimal completionRate,
            BigDecimal meanPainChangePercent,
            BigDecimal shareReachingMcid,
            Adherence adherence) {

        public record Adherence(BigDecimal under50, BigDecimal from50to79, BigDecimal atLeast80) {}
    }

    public record Note(String note) {}

    // ---- routine-service ----

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

    // ---- catalog-service ----

    public record ExerciseSummary(String slug, int version, String name, String category, String level) {}

    public record Draft(
            String slug,
            int revision,
            Integer baseVersion,
            String createdBy,
            Instant createdAt,
            String updatedBy,
            Instant updatedAt,
            JsonNode content) {

        public String name() {
            return content == null ? slug : content.path("name").asText(slug);
        }
    }

    public record Version(
            String slug,
            int version,
            String origin,
            String author,
            String note,
            Instant publishedAt,
            JsonNode content) {}

    public record Publication(String slug, int version, String status, Instant publishedAt, Instant retiredAt) {}

    public record DraftUpdate(Integer revision, JsonNode content) {}

    public record Publish(Integer revision, String note) {}

    public record Retire(String reason) {}
}
