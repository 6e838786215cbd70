package org.limber.engagement.domain;

import java.time.LocalTime;

/**
 * Local hours in which no reminder is sent, {@code from} inclusive to {@code to} exclusive; the window may
 * run over midnight (21:00 to 08:00). {@code from == to} is an empty window.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public boolean contains(LocalTime t) {
        if (from.equals(to)) {
            return false;
        }
        if (from.isBefore(to)) {
            return !t.isBefore(from) && t.isBefore(to);
        }
        return !t.isBefore(from) || t.isBefore(to);
    }
}
