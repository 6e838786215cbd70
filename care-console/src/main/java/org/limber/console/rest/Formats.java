package org.limber.console.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

import org.limber.events.member.PrescribedDose;

/** How pages write doses and times ({@code {item.dose.text}}, {@code {alert.raisedAt.text}}). */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Formats() {}

    /** A text as a query parameter's value (a search in a pager's links). */
    static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String text(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    static String text(PrescribedDose d) {
        if (d == null) {
            return "";
        }
        StringBuilder s = new StringBuilder().append(d.sets()).append(d.sets() == 1 ? " set" : " sets");
        if (d.reps() != null) {
            s.append(" × ").append(d.reps()).append(" reps");
        }
        if (d.holdSeconds() != null) {
            s.append(", hold ").append(d.holdSeconds()).append(" s");
        }
        if (d.durationSeconds() != null) {
            s.append(" × ").append(d.durationSeconds()).append(" s");
        }
        if (d.perSide()) {
            s.append(" each side");
        }
        s.append(", rest ").append(d.restSeconds()).append(" s");
        return s.toString();
    }
}
