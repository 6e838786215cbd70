package org.limber.common.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.ws.rs.NameBinding;

/**
 * Marks a GET whose answers carry an {@code ETag} (a hash of the exact body) and a
 * {@code Cache-Control}; a request whose {@code If-None-Match} matches gets 304 without a body.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ConditionalGet {

    /** Seconds a client may reuse an answer before checking again with its ETag. */
    int maxAge() default 60;

    /** Whether shared caches may keep the answer (false for personal data). */
    boolean shared() default true;
}
