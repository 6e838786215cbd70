package org.limber.common.rest;

import java.io.IOException;
import java.util.Arrays;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Implements {@link ConditionalGet}: strong ETags from the body's SHA-256 (or the one a
 * {@link Representation} kept in memory carries), and 304 answers.
 */
@Provider
@ConditionalGet
public class ConditionalGetFilter implements ContainerResponseFilter {

    @Context
    ResourceInfo resource;

    private final ObjectMapper mapper;

    public ConditionalGetFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        Representation representation = response.getEntity() instanceof Representation kept
                ? kept
                : Representation.of(
                        response.getEntity() instanceof byte[] bytes
                                ? bytes
                                : mapper.writeValueAsBytes(response.getEntity()));
        byte[] body = representation.body();
        String etag = representation.etag();
        ConditionalGet settings = settings();
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        response.getHeaders()
                .putSingle(
                        HttpHeaders.CACHE_CONTROL,
                        (settings.shared() ? "public" : "private") + ", max-age=" + settings.maxAge()
                                + ", must-revalidate");
        response.getHeaders().putSingle(HttpHeaders.VARY, "Authorization, Accept-Encoding");
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            response.setEntity(null);
            return;
        }
        response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
    }

    private ConditionalGet settings() {
        ConditionalGet onMethod = resource.getResourceMethod().getAnnotation(ConditionalGet.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(ConditionalGet.class);
    }

    /** If-None-Match may list several tags, weak or strong, or be "*". */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
