package org.limber.common.rest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.limber.common.problem.ProblemException;

/**
 * The character U+0000 never reaches the database: PostgreSQL cannot store it in text, and a
 * statement carrying it fails (a 500 for a request, a refusal for an event). A path or query
 * parameter holding it is a 400 problem naming the parameter; a JSON string holding it, in a request
 * body or an event (whose reader is a copy of this mapper), is refused while it is read, naming the
 * field. No text of this domain has a use for it.
 */
@Singleton
public class NulCharacters implements ObjectMapperCustomizer {

    public static final String MESSAGE = "must not contain the character U+0000";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("nul-characters").addDeserializer(String.class, new NulFree()));
    }

    @ServerRequestFilter
    public void parameters(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
    }

    private static void check(Map<String, List<String>> parameters) {
        parameters.forEach((name, values) -> {
            for (String value : values) {
                if (value != null && value.indexOf('\0') >= 0) {
                    throw ProblemException.badParameter(name, MESSAGE);
                }
            }
        });
    }

    /** Jackson's own reading of a string, refusing one that holds U+0000. */
    static final class NulFree extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String value = super.deserialize(p, context);
            if (value != null && value.indexOf('\0') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, value, MESSAGE);
            }
            return value;
        }
    }
}
