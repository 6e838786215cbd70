package org.limber.common.problem;

import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request whose declared body is larger than {@code quarkus.http.limits.max-body-size} is refused
 * with a 413 in the same problem+json as every other error, before the body is read (the HTTP
 * layer's own check, which runs after this one, would answer a bare 413). A body without a
 * declared length that grows past the limit is stopped by the HTTP layer while it is read.
 */
@ApplicationScoped
public class BodyTooLarge {

    private final ObjectMapper mapper;
    private final Optional<MemorySize> limit;

    public BodyTooLarge(
            ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.mapper = mapper;
        this.limit = limit;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(Integer.MIN_VALUE + 1000).handler(context -> check(context, max)));
    }

    private void check(RoutingContext context, MemorySize max) {
        String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared <= max.asLongValue()) {
            context.next();
            return;
        }
        Problem problem = new ProblemException(
                        413,
                        "payload-too-large",
                        "Payload Too Large",
                        "The request body is larger than this service accepts (" + max.asLongValue() / 1024 + " KiB).",
                        List.of())
                .toProblem(context.request().path());
        try {
            context.response()
                    .setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaderNames.CONNECTION, "close")
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }
}
