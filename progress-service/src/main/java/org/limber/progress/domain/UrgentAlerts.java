package org.limber.progress.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.limber.events.member.MemberNeedsReview;
import org.limber.events.member.MemberReferred;
import org.limber.events.member.PlanSuspended;
import org.limber.events.member.SymptomsReported;

/**
 * The alerts the urgent path raises at ingest, each named by its cause so that a redelivery, a
 * replay, or the same cause arriving through a second event (a suspension names the session,
 * report or intake that caused it) raises it once.
 */
public final class UrgentAlerts {

    private UrgentAlerts() {}

    public static String sessionCause(UUID sessionId) {
        return "session:" + sessionId;
    }

    static String reportCause(UUID reportId) {
        return "report:" + reportId;
    }

    static String intakeCause(UUID intakeId) {
        return "intake:" + intakeId;
    }

    public static NewAlert referral(MemberReferred e) {
        return new NewAlert(e.memberId(), AlertKind.REFERRAL, intakeCause(e.intakeId()), e.redFlags());
    }

    /** The reason code of a {@code MemberNeedsReview} that raises {@link AlertKind#CANNOT_REGRESS}. */
    public static final String CANNOT_REGRESS = "CANNOT_REGRESS";
    /** The reason code of a {@code MemberNeedsReview} that raises {@link AlertKind#CLEARANCE_OVERDUE}. */
    public static final String CLEARANCE_OVERDUE = "CLEARANCE_OVERDUE";

    /**
     * The alerts of a review: routine-service asks for one with a reason code per reason. Two codes name
     * a kind of their own, raised by routine's weekly adaptation rather than by an intake:
     * {@code CANNOT_REGRESS} (pain during sessions stays above 5 and the plan has nothing easier left:
     * a silent hold otherwise) and {@code CLEARANCE_OVERDUE} (progression after spine surgery has
     * awaited a clinician's clearance for more than two weeks). Every other code (NO_SAFE_SESSION,
     * INFLAMMATORY_BACK_PAIN, ...) is a {@code NEEDS_REVIEW} of the intake, as before. An event with
     * reasons of several kinds raises one alert of each kind, with that kind's reasons, so no reason is
     * lost.
     *
     * <p>A review at intake is one per intake (its cause, {@code intake:<id>}). The two adaptation kinds
     * fold, and each event is an occurrence ({@code review:<event id>}: a redelivery of the same event
     * counts once, the next week's finding is a new occurrence that reopens an acknowledged alert).
     */
    public static List<NewAlert> reviews(MemberNeedsReview e) {
        Map<AlertKind, List<String>> byKind = new EnumMap<>(AlertKind.class);
        for (MemberNeedsReview.Reason r : e.reasons()) {
            byKind.computeIfAbsent(reviewKind(r.code()), k -> new ArrayList<>()).add(r.code() + ": " + r.text());
        }
        List<NewAlert> alerts = new ArrayList<>();
        byKind.forEach((kind, details) -> alerts.add(new NewAlert(
                e.memberId(),
                kind,
                kind == AlertKind.NEEDS_REVIEW ? intakeCause(e.intakeId()) : reviewCause(e),
                details)));
        return alerts;
    }

    /** The event's own id (the same on every redelivery); without one, its intake and time, as stable. */
    private static String reviewCause(MemberNeedsReview e) {
        return "review:" + (e.eventId() != null ? e.eventId().toString() : e.intakeId() + "@" + e.occurredAt());
    }

    /** The kind of alert a review's reason code raises. */
    static AlertKind reviewKind(String code) {
        return switch (code) {
            case CANNOT_REGRESS -> AlertKind.CANNOT_REGRESS;
            case CLEARANCE_OVERDUE -> AlertKind.CLEARANCE_OVERDUE;
            default -> AlertKind.NEEDS_REVIEW;
        };
    }

    public static NewAlert report(SymptomsReported e) {
        return new NewAlert(e.memberId(), AlertKind.RED_FLAG_SYMPTOM, reportCause(e.reportId()), e.redFlagSymptoms());
    }

    /**
     * The alert of a suspension's cause: a red flag at a repeat intake is a referral, one in a session
     * or a report a red-flag symptom. A cause this version does not know still raises a red-flag
     * alert (named by the suspension's source), so that a suspended plan never waits unseen.
     */
    public static NewAlert suspension(PlanSuspended e) {
        List<String> flags = e.redFlags();
        return switch (e.cause()) {
            case "INTAKE" -> new NewAlert(e.memberId(), AlertKind.REFERRAL, intakeCause(e.sourceId()), flags);
            case "SESSION" -> new NewAlert(e.memberId(), AlertKind.RED_FLAG_SYMPTOM, sessionCause(e.sourceId()), flags);
            case "SYMPTOM_REPORT" ->
                new NewAlert(e.memberId(), AlertKind.RED_FLAG_SYMPTOM, reportCause(e.sourceId()), flags);
            default -> new NewAlert(e.memberId(), AlertKind.RED_FLAG_SYMPTOM, "suspension:" + e.sourceId(), flags);
        };
    }
}
