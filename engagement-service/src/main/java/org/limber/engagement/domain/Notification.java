package org.limber.engagement.domain;

/**
 * The texts sent out: never a health detail (no symptom, no pain, no alert kind), only that something waits.
 * Push messages and e-mails can be read on a locked screen or by someone else.
 */
public enum Notification {
    REMINDER("Limber", "Your session is waiting"),
    NUDGE("Limber", "Your session is waiting"),
    MESSAGE("Limber", "You have a new message"),
    ALERT("Limber care team", "An urgent alert needs you");

    public final String title;
    public final String body;

    Notification(String title, String body) {
        this.title = title;
        this.body = body;
    }
}
