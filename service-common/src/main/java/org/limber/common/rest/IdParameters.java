package org.limber.common.rest;

import java.util.List;
import java.util.Map;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.limber.common.problem.ProblemException;
import org.limber.events.Ids;

/**
 * Every path or query parameter named {@code ...Id} (a member, a clinician, an alert, a change) is
 * held to {@link Ids#MAX_LENGTH} before any resource runs: a longer one is a 400 naming it. So no
 * service stores or publishes an id that a consumer of its events would refuse.
 */
@Singleton
public class IdParameters {

    public static final String MESSAGE = "must be at most " + Ids.MAX_LENGTH + " characters";

    @ServerRequestFilter
    public void parameters(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
    }

    public static void check(Map<String, List<String>> parameters) {
        parameters.forEach((name, values) -> {
            if (name.endsWith("Id")) {
                for (String value : values) {
                    if (value != null && value.length() > Ids.MAX_LENGTH) {
                        throw ProblemException.badParameter(name, MESSAGE);
                    }
                }
            }
        });
    }
}
