package org.limber.progress.domain;

import java.util.List;
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

    public static NewAlert review(MemberNeedsReview e) {
        return new NewAlert(
                e.memberId(),
                AlertKind.NEEDS_REVIEW,
                intakeCause(e.intakeId()),
                e.reasons().stream().map(r -> r.code() + ": " + r.text()).toList());
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
