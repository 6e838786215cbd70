package org.limber.console.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/** The responses of page resources: a redirect after a form, and an HTML page with a status. */
final class PageResponses {

    private PageResponses() {}

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
}
