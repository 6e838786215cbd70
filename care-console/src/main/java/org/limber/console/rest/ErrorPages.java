package org.limber.console.rest;

import java.util.Map;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.limber.console.domain.Problem;
import org.limber.console.service.ServiceException;

/** Every failure becomes a page in the layout with a clear message and the right status; never a stack trace. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    @Location("error.html")
    Template error;

    @ServerExceptionMapper
    public Response service(ServiceException e) {
        return page(e.problem());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(new Problem(
                403,
                "Not for this account",
                "The Limber console is for care teams: clinicians, admins and content editors. Your account has none of these roles, "
                        + "or not the one this page needs. Members use the Limber app.",
                Map.of()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(new Problem(404, "Not found", "There is no such page.", Map.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status < 500) {
            return page(Problem.of(status, "console", null, Map.of()));
        }
        LOG.errorf("Page failed with %d: %s", status, e.getClass().getSimpleName());
        return page(new Problem(
                status,
                "Something went wrong",
                "The console could not show this page. Try again in a moment.",
                Map.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Page failed", e);
        return page(new Problem(
                500, "Something went wrong", "The console could not show this page. Try again in a moment.", Map.of()));
    }

    private Response page(Problem problem) {
        return PageResponses.html(problem.status(), error.data("problem", problem));
    }
}
