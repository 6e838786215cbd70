package org.limber.progress.service;

import java.time.LocalDate;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import org.limber.common.paging.Page;
import org.limber.common.problem.ProblemException;
import org.limber.progress.domain.ProgressMath;
import org.limber.progress.domain.Severity;
import org.limber.progress.repository.ProgressReader;
import org.limber.progress.repository.ProgressReader.Profile;
import org.limber.progress.repository.ProgressReader.ProgressFacts;
import org.limber.progress.repository.ProgressWriter;

/** Members' progress, the care team's panel and alerts. */
@ApplicationScoped
public class ProgressService {

    /** A member's progress: who and which plan, and the figures. */
    public record MemberProgress(Profile profile, ProgressMath.Summary summary) {}

    /** The least severity an alert of a member with no clinician needs to be in triage (see {@link #triage}). */
    static final Severity TRIAGE_MIN_SEVERITY = Severity.HIGH;

    private final ProgressReader reader;
    private final ProgressWriter writer;

    public ProgressService(ProgressReader reader, ProgressWriter writer) {
        this.reader = reader;
        this.writer = writer;
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

    public Page<ProgressReader.SessionRow> sessions(String memberId, int page, int size) {
        return reader.sessions(memberId, page, size);
    }

    /** A member's sessions for a clinician: only members on their panel (403 otherwise, whether or not the member exists). */
    public Page<ProgressReader.SessionRow> sessionsForClinician(
            String clinicianId, String memberId, int page, int size) {
        reader.profile(memberId)
                .filter(p -> clinicianId.equals(p.clinicianId()))
                .orElseThrow(ProgressService::notOnPanel);
        return reader.sessions(memberId, page, size);
    }

    public Page<ProgressReader.PanelRow> panel(String clinicianId, String alertKind, int page, int size) {
        return reader.panel(clinicianId, alertKind, page, size);
    }

    public Page<ProgressReader.AlertRow> alerts(String clinicianId, String status, String kind, int page, int size) {
        return reader.alerts(clinicianId, status, kind, page, size);
    }

    /**
     * Triage: the alerts of members with no clinician that need one. URGENT (red flags, referrals)
     * and HIGH (needs review, high pain, pain above baseline): each may need a clinician this week and
     * would otherwise be seen by no one. NORMAL ones (inactivity, low adherence) are left out: they ask
     * for a nudge, not a clinical decision, and would bury the urgent ones; the assigned clinician
     * sees them all.
     */
    public Page<ProgressReader.AlertRow> triage(int page, int size) {
        return reader.triage(TRIAGE_MIN_SEVERITY.rank, page, size);
    }

    public ProgressReader.AlertRow acknowledge(String clinicianId, UUID alertId, String note) {
        ProgressReader.AlertRow alert = alertOnPanel(clinicianId, alertId);
        if (!writer.acknowledge(alertId, clinicianId, note)) {
            throw ProblemException.conflict("The alert is " + alert.status().toLowerCase() + " already.");
        }
        return reader.alert(alertId).orElseThrow();
    }

    public ProgressReader.AlertRow resolve(String clinicianId, UUID alertId, String note) {
        alertOnPanel(clinicianId, alertId);
        if (!writer.resolve(alertId, clinicianId, note)) {
            throw ProblemException.conflict("The alert is resolved already.");
        }
        return reader.alert(alertId).orElseThrow();
    }

    /**
     * The alert, if the clinician may act on it: it is of a member on their panel, or of a member
     * with no clinician (triage), on which any clinician may act (recorded with who did), so that an
     * urgent alert never waits for an assignment to be looked at.
     */
    private ProgressReader.AlertRow alertOnPanel(String clinicianId, UUID alertId) {
        ProgressReader.AlertRow alert = reader.alert(alertId)
                .orElseThrow(() -> ProblemException.notFound("There is no alert " + alertId + "."));
        if (alert.clinicianId() != null && !clinicianId.equals(alert.clinicianId())) {
            throw notOnPanel();
        }
        return alert;
    }

    private static ProblemException notOnPanel() {
        return ProblemException.forbidden("This member is not on your panel.");
    }
}
