package org.limber.console.domain;

import java.util.UUID;

/**
 * A clinician's reply to a member, read and checked before anything is sent: the text 1 to {@value #MAX}
 * characters (engagement-service's bound; a longer text is refused, never cut), and the form's idempotency key
 * (a new one when the form's is missing or not an id, so a form posted twice sends one message).
 *
 * @param error what is wrong with the text, for the page to show next to the field; null when valid
 */
public record ReplyForm(String id, String text, String error) {

    public static final int MAX = 2000;

    /** An empty form with a fresh key. */
    public static ReplyForm empty() {
        return new ReplyForm(UUID.randomUUID().toString(), "", null);
    }

    public static ReplyForm read(String id, String text) {
        String key = uuid(id);
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new ReplyForm(key, "", "is needed: write a message");
        }
        if (t.length() > MAX) {
            return new ReplyForm(
                    key,
                    text.substring(0, Math.min(text.length(), 4 * MAX)),
                    "must be at most " + MAX + " characters (it has " + t.length() + ")");
        }
        return new ReplyForm(key, t, null);
    }

    public boolean valid() {
        return error == null;
    }

    /** The same text with an error from the service (its problem's field error), keeping what was written. */
    public ReplyForm withError(String message) {
        return new ReplyForm(id, text, message);
    }

    private static String uuid(String raw) {
        try {
            return raw == null
                    ? UUID.randomUUID().toString()
                    : UUID.fromString(raw.strip()).toString();
        } catch (IllegalArgumentException notAnId) {
            return UUID.randomUUID().toString();
        }
    }
}
