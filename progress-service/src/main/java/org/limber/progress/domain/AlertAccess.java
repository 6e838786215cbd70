package org.limber.progress.domain;

/**
 * Who may act on an alert (acknowledge or resolve it): the member's clinician; or, while the member
 * has none, any clinician when the alert is in triage (URGENT or HIGH), so that nothing urgent waits
 * for an assignment. A NORMAL alert of a member with no clinician (a nudge, not a clinical decision)
 * waits for the clinician the member is assigned to.
 */
public final class AlertAccess {

    /** The least severity an alert of a member with no clinician needs to be in triage. */
    public static final Severity TRIAGE_MIN_SEVERITY = Severity.HIGH;

    private AlertAccess() {}

    /** Whether {@code clinicianId} may act on an alert of {@code severity} of a member whose clinician is {@code membersClinician}. */
    public static boolean mayAct(String clinicianId, String membersClinician, Severity severity) {
        if (membersClinician != null) {
            return membersClinician.equals(clinicianId);
        }
        return severity.rank >= TRIAGE_MIN_SEVERITY.rank;
    }
}
