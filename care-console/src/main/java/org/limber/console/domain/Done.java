package org.limber.console.domain;

import java.util.Locale;

/**
 * What a form did, shown as a banner on the page it goes back to. The redirect carries only a code from this list
 * (and, for some, a version number), never text: a link crafted with a message of its own shows nothing.
 */
public enum Done {
    ALERT_ACKNOWLEDGED("Alert acknowledged."),
    ALERT_RESOLVED("Alert resolved."),
    PLAN_SWAP("Plan changed: exercise swapped."),
    PLAN_DOSE("Plan changed: dose changed."),
    PLAN_PAUSE("Plan changed: exercise paused."),
    PLAN_RESUME("Plan changed: exercise resumed."),
    PLAN_LOCK("Plan changed: exercise locked."),
    PLAN_UNLOCK("Plan changed: exercise unlocked."),
    CHANGE_UNDONE("Automatic change undone."),
    ADAPTATION_ON("Automatic adaptation turned on."),
    ADAPTATION_OFF("Automatic adaptation turned off."),
    REVIEW_PLAN_RUNS("Review recorded: the plan runs again.", "Review recorded: the plan runs again (version %d)."),
    REVIEW_PLAN_RUNS_ADAPTATION_OFF(
            "Review recorded: the plan runs again; automatic adaptation is off.",
            "Review recorded: the plan runs again (version %d); automatic adaptation is off."),
    REVIEW_REFERRED_ON("Review recorded: referred on, the plan stays paused."),
    REVIEW_REFERRAL_CLEARED(
            "Review recorded: the referral is cleared. The member may take the intake again to get a plan."),
    REVIEW_RECORDED("Review recorded."),
    MEMBER_ASSIGNED("The member is now on the clinician's panel."),
    PANEL_MOVED(
            "The panel has moved: its members are on the other clinician's panel.",
            "The panel has moved: %d members are on the other clinician's panel."),
    DRAFT_STARTED("Draft started from the published version."),
    DRAFT_SAVED("Draft saved."),
    DRAFT_DISCARDED("Draft discarded."),
    PUBLISHED("Published.", "Published as version %d."),
    RETIRED("Retired."),
    MESSAGE_SENT("Message sent to the member."),
    HOLD_PLACED("Legal hold placed: the member's erasure waits until it is released."),
    HOLD_RELEASED("Legal hold released: a held erasure now proceeds.");

    /** The largest version number a code may carry. */
    static final int MAX_VERSION = 1_000_000;

    private final String message;
    private final String withVersion;

    Done(String message) {
        this(message, null);
    }

    Done(String message, String withVersion) {
        this.message = message;
        this.withVersion = withVersion;
    }

    /** The code for a redirect: {@code PUBLISHED}, or {@code PUBLISHED.4} with a version. */
    public String code(Integer version) {
        return withVersion == null || version == null ? name() : name() + "." + version;
    }

    public String code() {
        return name();
    }

    /** The message for a code from a redirect; null for anything not on the list. */
    public static String message(String code) {
        if (code == null || code.length() > 60) {
            return null;
        }
        int dot = code.indexOf('.');
        String name = dot < 0 ? code : code.substring(0, dot);
        Done done;
        try {
            done = valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notOnTheList) {
            return null;
        }
        Integer version = dot < 0 ? null : version(code.substring(dot + 1));
        return version == null || done.withVersion == null ? done.message : done.withVersion.formatted(version);
    }

    private static Integer version(String raw) {
        if (!raw.matches("[0-9]{1,7}")) {
            return null;
        }
        int v = Integer.parseInt(raw);
        return v >= 1 && v <= MAX_VERSION ? v : null;
    }
}
