package org.limber.console.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

import org.limber.console.domain.Problem;
import org.limber.console.service.ServiceException;

/** What page resources share: a section that loads on its own, redirects after a form, and HTML responses with a status. */
public final class Pages {

    private Pages() {}

    /** A part of a page: its value, or the problem that kept it from loading (the rest of the page still shows). */
    public record Section<T>(T value, Problem problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    static <T> Section<T> section(Supplier<T> load) {
        try {
            return new Section<>(load.get(), null);
        } catch (ServiceException e) {
            return new Section<>(null, e.problem());
        }
    }

    /** Post/redirect/get: back to a page, with a message it shows. */
    static Response seeOther(String path, String message) {
        String sep = path.contains("?") ? "&" : "?";
        return Response.seeOther(URI.create(path
                        + (message == null ? "" : sep + "done=" + URLEncoder.encode(message, StandardCharsets.UTF_8))))
                .build();
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type("text/html;charset=UTF-8")
                .entity(page)
                .build();
    }

    /** Bounded text from a form: trimmed, at most {@code max} characters, null when empty. */
    static String text(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = raw.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
