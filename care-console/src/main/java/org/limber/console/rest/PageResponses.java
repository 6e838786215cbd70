package org.limber.console.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

import org.limber.console.domain.Done;

/** The responses of page resources: a redirect after a form, and an HTML page with a status. */
final class PageResponses {

    private PageResponses() {}

    /** Post/redirect/get: back to a page, with the code of what was done ({@link Done}), which it shows in words. */
    static Response seeOther(String path, String doneCode) {
        String sep = path.contains("?") ? "&" : "?";
        return Response.seeOther(URI.create(path
                        + (doneCode == null
                                ? ""
                                : sep + "done=" + URLEncoder.encode(doneCode, StandardCharsets.UTF_8))))
                .build();
    }

    static Response seeOther(String path, Done done) {
        return seeOther(path, done.code());
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type("text/html;charset=UTF-8")
                .entity(page)
                .build();
    }
}
