package org.limber.progress.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.limber.common.paging.Page;
import org.limber.common.problem.ProblemException;
import org.limber.progress.domain.Alert;
import org.limber.progress.domain.AlertAccess;
import org.limber.progress.domain.ProgressMath;
import org.limber.progress.domain.Severity;
import org.limber.progress.messaging.outbound.AlertEvents;
import org.limber.progress.repository.AlertReader;
import org.limber.progress.repository.AlertStatusStore;
import org.limber.progress.repository.ProgressReader;
import org.limber.progress.repository.ProgressReader.Profile;
import org.limber.progress.repository.ProgressReader.ProgressFacts;
import org.limber.progress.repository.SessionReader;

/** Members' progress, the care team's panel and alerts. */
@ApplicationScoped
public class ProgressService {

    /** A member's progress: who and which plan, and the figures. */
    public record MemberProgress(Profile profile, ProgressMath.Summary summary) {}

    private final ProgressReader reader;
    private final SessionReader sessions;
    private final AlertReader alerts;
    private final AlertStatusStore statuses;
    private final AlertEvents events;

    public ProgressService(
            ProgressReader reader,
            SessionReader sessions,
            AlertReader alerts,
            AlertStatusStore statuses,
            AlertEvents events) {
        this.reader = reader;
        this.sessions = sessions;
        this.alerts = alerts;
        this.statuses = statuses;
        this.events = events;
    }

    public MemberProgress progress(String memberId, int weeks, LocalDate today) {
        ProgressFacts facts = reader.progressFacts(memberId, from(weeks, today))
                .orElseThrow(
                        () -> ProblemException.notFound("No progress yet: it starts with a plan from the intake."));
        return summarize(facts, weeks, today);
    }

    /** A member's progress for a clinician: only members on their panel (403 otherwise, whether or not the member exists). */
    public MemberProgress progressForClinician(String clinicianId, String memberId, int weeks, LocalDate today) {
        ProgressFacts facts = reader.progressFacts(memberId, from(weeks, today))
                .filter(f -> clinicianId.equals(f.profile().clinicianId()))
                .orElseThrow(ProgressService::notOnPanel);
        return summarize(facts, weeks, today);
    }

    /** The first week whose sums the figures need: the series' weeks, and at least a year for the streak. */
    private static LocalDate from(int weeks, LocalDate today) {
        return ProgressMath.weekOf(today).minusWeeks(Math.max(weeks, 53));
    }

    private static MemberProgress summarize(ProgressFacts facts, int weeks, LocalDate today) {
        Profile p = facts.profile();
        return new MemberProgress(
                p,
                ProgressMath.summary(
                        p.baselinePain(),
                        p.latestPain(),
                        p.latestPainAt(),
                        p.lastActivity(),
                        facts.sessionsFirst14Days(),
                        facts.weeks(),
                        facts.prescriptions(),
                        today,
                        weeks));
    }

    public Page<SessionReader.SessionRow> sessions(String memberId, int page, int size) {
        return sessions.sessions(memberId, page, size);
    }

    /** A member's sessions for a clinician: only members on their panel (403 otherwise, whether or not the member exists). */
    public Page<SessionReader.SessionRow> sessionsForClinician(
            String clinicianId, String memberId, int page, int size) {
        reader.profile(memberId)
                .filter(p -> clinicianId.equals(p.clinicianId()))
                .orElseThrow(ProgressService::notOnPanel);
        return sessions.sessions(memberId, page, size);
    }

    public Page<ProgressReader.PanelRow> panel(String clinicianId, String alertKind, int page, int size) {
        return reader.panel(clinicianId, alertKind, page, size);
    }

    public Page<Alert> alerts(String clinicianId, String status, String kind, int page, int size) {
        return alerts.alerts(clinicianId, status, kind, page, size);
    }

    /**
     * Triage: the alerts of members with no clinician that need one. URGENT (red flags, referrals)
     * and HIGH (needs review, high pain, pain above baseline): each may need a clinician this week and
     * would otherwise be seen by no one. NORMAL ones (inactivity, low adherence) are left out: they ask
     * for a nudge, not a clinical decision, and would bury the urgent ones; the assigned clinician
     * sees them all.
     */
    public Page<Alert> triage(int page, int size) {
        return alerts.triage(AlertAccess.TRIAGE_MIN_SEVERITY.rank, page, size);
    }

    /** Acknowledges the alert and publishes CareAlertAcknowledged, in one transaction (the outbox's). */
    public Alert acknowledge(String clinicianId, UUID alertId, String note) {
        mayActOn(clinicianId, alertId);
        boolean changed = QuarkusTransaction.requiringNew()
                .call(() -> statuses.acknowledge(alertId, clinicianId, note)
                        .map(change -> {
                            events.acknowledged(change);
                            return true;
                        })
                        .orElse(false));
        if (!changed) {
            Alert now = mayActOn(clinicianId, alertId); // it changed since: a 403 if it left the caller's reach
            throw ProblemException.conflict("The alert is " + now.status().toLowerCase() + " already.");
        }
        return alerts.alert(alertId).orElseThrow();
    }

    /** Resolves the alert and publishes CareAlertResolved, in one transaction (the outbox's). */
    public Alert resolve(String clinicianId, UUID alertId, String note) {
        mayActOn(clinicianId, alertId);
        boolean changed = QuarkusTransaction.requiringNew()
                .call(() -> statuses.resolve(alertId, clinicianId, note)
                        .map(change -> {
                            events.resolved(List.of(change));
                            return true;
                        })
                        .orElse(false));
        if (!changed) {
            mayActOn(clinicianId, alertId);
            throw ProblemException.conflict("The alert is resolved already.");
        }
        return alerts.alert(alertId).orElseThrow();
    }

    /**
     * The alert, if the clinician may act on it ({@link AlertAccess}): it is of a member on their panel, or in
     * triage (an URGENT or HIGH alert of a member with no clinician), on which any clinician may act (recorded with
     * who did), so that an urgent alert never waits for an assignment to be looked at. The update checks the same
     * in its own statement, so an alert that changes in between is left alone.
     */
    private Alert mayActOn(String clinicianId, UUID alertId) {
        Alert alert = alerts.alert(alertId)
                .orElseThrow(() -> ProblemException.notFound("There is no alert " + alertId + "."));
        if (!AlertAccess.mayAct(clinicianId, alert.clinicianId(), Severity.valueOf(alert.severity()))) {
            throw notOnPanel();
        }
        return alert;
    }

    private static ProblemException notOnPanel() {
        return ProblemException.forbidden("This member is not on your panel.");
    }
}
