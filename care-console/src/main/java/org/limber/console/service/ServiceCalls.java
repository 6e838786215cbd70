package org.limber.console.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;

import org.limber.console.domain.Problem;

/** Every call to a service goes through here: its failures become a {@link ServiceException} naming what happened. */
public final class ServiceCalls {

    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);

    private ServiceCalls() {}

    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            throw new ServiceException(problem(service, e.getResponse()));
        } catch (ProcessingException e) {
            // Connection refused, timeout: the service is down. The log names the service, never a body.
            LOG.warnf("%s did not answer: %s", service, e.getClass().getSimpleName());
            throw new ServiceException(Problem.down(service));
        }
    }

    public static void run(String service, Runnable call) {
        call(service, () -> {
            call.run();
            return null;
        });
    }

    static Problem problem(String service, Response response) {
        String detail = null;
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            if (response.hasEntity()) {
                JsonNode body = response.readEntity(JsonNode.class);
                if (body != null) {
                    detail = body.path("detail").isTextual()
                            ? body.path("detail").asText()
                            : null;
                    for (JsonNode error : body.path("errors")) {
                        fields.putIfAbsent(
                                error.path("field").asText(""),
                                error.path("message").asText(""));
                    }
                }
            }
        } catch (RuntimeException notJson) {
            // A body that is not problem+json (a proxy's page, nothing): the status alone speaks.
        }
        return Problem.of(response.getStatus(), service, detail, fields);
    }
}
